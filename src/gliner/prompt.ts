import type { Tokenizer } from '@huggingface/tokenizers';
import type { GlinerConfig } from './config.js';
import { GlinerError, loadError } from './errors.js';

/** Largest token count a row may have when neither file states one (BERT-family encoders). */
const FALLBACK_MAX_TOKENS = 512;
/** Word-piece cache bound; cleared wholesale when full (texts repeat words heavily). */
const WORD_CACHE_LIMIT = 200_000;

/**
 * Turns labels and words into sub-token ids the way Python GLiNER does with
 * `tokenizer(words, is_split_into_words=True)`: every word (a label counts as one word) is encoded
 * alone without special tokens, and the tokenizer's own template supplies what goes around the row
 * (`[CLS]`/`[SEP]` for DeBERTa and our WordPiece models, `<s>`/`</s>` for others).
 */
export class PromptEncoder {
  /** Ids the tokenizer's template puts before the sequence (`[CLS]`). */
  readonly prefix: readonly number[];
  /** Ids it puts after (`[SEP]`). */
  readonly suffix: readonly number[];
  /** Filler for `input_ids` past a row's end; hidden by `attention_mask`. */
  readonly padId: number;
  /** Most tokens one row may hold, specials included. */
  readonly maxTokens: number;
  /** Used when a word yields no pieces, so every word keeps a position (as the training code does). */
  private readonly unkId: number | undefined;
  private readonly entId: number;
  private readonly sepId: number;
  private readonly words = new Map<string, readonly number[]>();
  private readonly prompts = new Map<string, readonly number[]>();

  constructor(
    private readonly tokenizer: Tokenizer,
    config: GlinerConfig,
    tokenizerJson: Readonly<Record<string, unknown>>,
    tokenizerConfig: Readonly<Record<string, unknown>>,
  ) {
    this.entId = this.markerId(config.entToken, 'ent_token');
    this.sepId = this.markerId(config.sepToken, 'sep_token');
    if (config.classTokenIndex !== undefined && config.classTokenIndex !== this.entId) {
      throw loadError('tokenizer_mismatch', `the tokenizer maps ${config.entToken} to ${this.entId} but gliner_config.json says class_token_index ${config.classTokenIndex}: use the tokenizer.json shipped with this ONNX file`);
    }
    // The template around one known single-id token reveals the prefix and suffix specials.
    const withSpecials = tokenizer.encode(config.entToken, { add_special_tokens: true }).ids;
    const at = withSpecials.indexOf(this.entId);
    this.prefix = withSpecials.slice(0, Math.max(at, 0));
    this.suffix = withSpecials.slice(at + 1);
    this.padId = findPadId(tokenizer, tokenizerJson, tokenizerConfig) ?? this.suffix[0] ?? this.prefix[0] ?? this.sepId;
    this.unkId = findUnkId(tokenizer, tokenizerConfig);
    this.maxTokens = maxTokens(config, tokenizerConfig);
  }

  /** Sub-token ids of one text word (never empty). */
  wordPieces(word: string): readonly number[] {
    let ids = this.words.get(word);
    if (ids === undefined) {
      ids = this.tokenizer.encode(word, { add_special_tokens: false }).ids;
      if (ids.length === 0) ids = this.unkId === undefined ? [this.padId] : [this.unkId];
      if (this.words.size >= WORD_CACHE_LIMIT) this.words.clear();
      this.words.set(word, ids);
    }
    return ids;
  }

  /** `<<ENT>> label_1 <<ENT>> label_2 ... <<SEP>>` as ids; one `<<ENT>>` per label, in order. */
  prompt(labels: readonly string[]): readonly number[] {
    const key = JSON.stringify(labels);
    let ids = this.prompts.get(key);
    if (ids === undefined) {
      const out: number[] = [];
      for (const label of labels) {
        out.push(this.entId, ...this.tokenizer.encode(label, { add_special_tokens: false }).ids);
      }
      out.push(this.sepId);
      if (out.filter((id) => id === this.entId).length !== labels.length) {
        // a label containing the marker text would add a class the caller did not ask for
        throw new GlinerError('invalid_input', 'invalid_label', 'a label contains the entity marker token');
      }
      ids = out;
      if (this.prompts.size >= 256) this.prompts.clear();
      this.prompts.set(key, ids);
    }
    return ids;
  }

  private markerId(token: string, field: string): number {
    const ids = this.tokenizer.encode(token, { add_special_tokens: false }).ids;
    const id = this.tokenizer.token_to_id(token);
    if (id === undefined || ids.length !== 1 || ids[0] !== id) {
      throw loadError('tokenizer_mismatch', `${field} ${JSON.stringify(token)} is not a single added token of this tokenizer: use the tokenizer.json shipped with the model`);
    }
    return id;
  }
}

function tokenName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return undefined;
}

function findPadId(tokenizer: Tokenizer, json: Readonly<Record<string, unknown>>, cfg: Readonly<Record<string, unknown>>): number | undefined {
  const named = tokenName(cfg['pad_token']);
  const fromConfig = named === undefined ? undefined : tokenizer.token_to_id(named);
  if (fromConfig !== undefined) return fromConfig;
  const padding = json['padding'];
  if (typeof padding === 'object' && padding !== null) {
    const id = (padding as { pad_id?: unknown }).pad_id;
    if (typeof id === 'number') return id;
  }
  return undefined;
}

function findUnkId(tokenizer: Tokenizer, cfg: Readonly<Record<string, unknown>>): number | undefined {
  const named = tokenName(cfg['unk_token']);
  return named === undefined ? undefined : tokenizer.token_to_id(named);
}

function maxTokens(config: GlinerConfig, cfg: Readonly<Record<string, unknown>>): number {
  const limits: number[] = [];
  const fromTokenizer = cfg['model_max_length'];
  // HF writes 1e30 when a tokenizer has no limit of its own
  if (typeof fromTokenizer === 'number' && fromTokenizer > 0 && fromTokenizer < 1e6) limits.push(Math.floor(fromTokenizer));
  if (config.maxPositionEmbeddings !== undefined) limits.push(config.maxPositionEmbeddings);
  return limits.length > 0 ? Math.min(...limits) : FALLBACK_MAX_TOKENS;
}
