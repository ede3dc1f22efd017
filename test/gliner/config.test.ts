import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/gliner/config.js';
import { GlinerError } from '../../src/gliner/errors.js';
import { loadGliner } from '../../src/gliner/index.js';
import { EngineError } from '../../src/engine/errors.js';

const TINY = join(import.meta.dirname, '..', '..', 'models', 'fixtures', 'tiny-random');
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(join(TINY, file)));
const tinyConfig = JSON.parse(readFileSync(join(TINY, 'gliner_config.json'), 'utf8')) as Record<string, unknown>;

function refusal(fn: () => unknown): GlinerError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GlinerError);
    return error as GlinerError;
  }
  throw new Error('expected a refusal');
}

describe('parseConfig', () => {
  it('reads the fields inference needs from a real config', () => {
    const cfg = parseConfig(tinyConfig);
    expect(cfg).toMatchObject({ kind: 'span', spanMode: 'markerV0', maxWidth: 12, maxLen: 384, maxTypes: 25, entToken: '<<ENT>>', sepToken: '<<SEP>>', classTokenIndex: 733, maxPositionEmbeddings: 512 });
  });

  it('fills GLiNER\'s defaults for absent fields', () => {
    expect(parseConfig({})).toMatchObject({ kind: 'span', spanMode: 'markerV0', maxWidth: 12, maxLen: 384, maxTypes: 25, entToken: '<<ENT>>', sepToken: '<<SEP>>', classTokenIndex: undefined });
  });

  it('recognizes token-level models', () => {
    expect(parseConfig({ span_mode: 'token_level' }).kind).toBe('token');
  });

  it.each([
    [{ words_splitter_type: 'spacy' }, 'unsupported_splitter'],
    [{ words_splitter_type: 'jieba' }, 'unsupported_splitter'],
    [{ labels_encoder: 'BAAI/bge-small-en-v1.5' }, 'unsupported_architecture'],
    [{ labels_decoder: 'gpt2' }, 'unsupported_architecture'],
    [{ precomputed_prompts_mode: true }, 'unsupported_architecture'],
    [{ span_mode: 'fancy_mode' }, 'unsupported_span_mode'],
    [{ max_width: 0 }, 'invalid_config'],
    [{ max_len: 'long' }, 'invalid_config'],
    [{ ent_token: '' }, 'invalid_config'],
    [{ class_token_index: -1 }, 'invalid_config'],
  ])('refuses %j (%s) with model_load_failed', (patch, reason) => {
    const error = refusal(() => parseConfig({ ...tinyConfig, ...patch }));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('model_load_failed');
    expect(error.reason).toBe(reason);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('refuses a config that is not an object', () => {
    expect(refusal(() => parseConfig([1, 2])).reason).toBe('invalid_config');
  });
});

describe('loadGliner refusals', () => {
  const contents = (config: object) => ({ config, tokenizer: read('tokenizer.json'), tokenizerConfig: read('tokenizer_config.json'), onnx: read('onnx/model.onnx') });

  it('refuses a config whose class_token_index disagrees with the tokenizer', async () => {
    await expect(loadGliner(contents({ ...tinyConfig, class_token_index: 5 }))).rejects.toMatchObject({ code: 'model_load_failed', reason: 'tokenizer_mismatch' });
  });

  it('refuses a config claiming a token-level model for a span-level graph', async () => {
    await expect(loadGliner(contents({ ...tinyConfig, span_mode: 'token_level' }))).rejects.toMatchObject({ code: 'model_load_failed', reason: 'contract_mismatch' });
  });

  it('refuses an ent_token the tokenizer does not have as one token', async () => {
    await expect(loadGliner(contents({ ...tinyConfig, ent_token: '<<E>>', class_token_index: undefined }))).rejects.toMatchObject({ reason: 'tokenizer_mismatch' });
  });

  it('names the missing file for a folder without a config', async () => {
    const error = await loadGliner(join(TINY, 'onnx')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_load_failed', reason: 'file_missing' });
    expect((error as Error).message).toContain('gliner_config.json');
  });

  it('names the ONNX files it looked for when none is present', async () => {
    const error = await loadGliner(TINY, { variant: 'fp16' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_load_failed', reason: 'file_missing' });
    expect((error as Error).message).toContain('onnx/model_fp16.onnx');
  });
});
