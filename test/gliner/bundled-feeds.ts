/** The bundled model's bytes and one batch of its span-contract inputs, for tests that run the graph itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';

const MODELS = join(import.meta.dirname, '..', '..', 'models');
export const bundled = (): Uint8Array => new Uint8Array(readFileSync(join(MODELS, 'pii-local-small', 'onnx', 'model_quantized.onnx')));

/** The span-contract inputs for one sentence and three labels, built as latency.mjs builds them. */
export function feeds(): Record<string, ort.Tensor> {
  const dir = join(MODELS, 'pii-local-small');
  const cfg = JSON.parse(readFileSync(join(dir, 'gliner_config.json'), 'utf8')) as { ent_token: string; sep_token: string; max_width: number };
  const tok = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
  const piece = (s: string) => tok.encode(s, { add_special_tokens: false }).ids;
  const words = 'Dear Maria Gonzalez , call 415 555 0199 at St. Mary Hospital in Springfield .'.split(' ');
  const ids = [tok.token_to_id('[CLS]')!];
  for (const l of ['person', 'organization', 'phone number']) ids.push(...piece(cfg.ent_token), ...piece(l));
  ids.push(...piece(cfg.sep_token));
  const wm = ids.map(() => 0);
  words.forEach((w, j) => {
    const p = piece(w);
    ids.push(...p);
    wm.push(j + 1, ...p.slice(1).map(() => 0));
  });
  ids.push(tok.token_to_id('[SEP]')!);
  wm.push(0);
  const W = words.length;
  const K = cfg.max_width;
  const spanIdx = new BigInt64Array(W * K * 2);
  const spanMask = new Uint8Array(W * K);
  for (let i = 0; i < W; i++) for (let k = 0; k < K; k++) if (i + k < W) {
    spanIdx[(i * K + k) * 2] = BigInt(i);
    spanIdx[(i * K + k) * 2 + 1] = BigInt(i + k);
    spanMask[i * K + k] = 1;
  }
  const i64 = (xs: number[]) => BigInt64Array.from(xs.map(BigInt));
  return {
    input_ids: new ort.Tensor('int64', i64(ids), [1, ids.length]),
    attention_mask: new ort.Tensor('int64', i64(ids.map(() => 1)), [1, ids.length]),
    words_mask: new ort.Tensor('int64', i64(wm), [1, ids.length]),
    text_lengths: new ort.Tensor('int64', i64([W]), [1, 1]),
    span_idx: new ort.Tensor('int64', spanIdx, [1, W * K, 2]),
    span_mask: new ort.Tensor('bool', spanMask, [1, W * K]),
  };
}
