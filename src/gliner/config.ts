import { loadError } from './errors.js';

/**
 * The parts of `gliner_config.json` inference needs, validated. Produced by {@link parseConfig};
 * everything else in the file is baked into the ONNX graph and kept only in `raw`.
 */
export interface GlinerConfig {
  /** `span_mode` as written (`markerV0`, `marker`, ..., `token_level`). */
  readonly spanMode: string;
  /** `token_level` models score words (start/end/inside); every other mode scores spans. */
  readonly kind: 'span' | 'token';
  /** K: the widest span in words (`max_width`). @defaultValue 12 */
  readonly maxWidth: number;
  /** Word cap per window (`max_len`); longer texts are windowed, never truncated. @defaultValue 384 */
  readonly maxLen: number;
  /** Labels per prompt seen in training (`max_types`); more labels run in groups. @defaultValue 25 */
  readonly maxTypes: number;
  /** @defaultValue '<<ENT>>' */
  readonly entToken: string;
  /** @defaultValue '<<SEP>>' */
  readonly sepToken: string;
  /** The `<<ENT>>` id the graph was exported with, when the file records it. */
  readonly classTokenIndex: number | undefined;
  /** Encoder position limit when the file records one (`max_position_embeddings`). */
  readonly maxPositionEmbeddings: number | undefined;
  /** The parsed file, untouched. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Span modes of urchade/GLiNER's `SpanRepLayer`; all but `token_level` share the span contract. */
const SPAN_MODES = new Set([
  'markerV0', 'marker', 'markerV1', 'query', 'mlp', 'cat',
  'conv_conv', 'conv_max', 'conv_mean', 'conv_sum', 'conv_share', 'token_level',
]);

const DEFAULTS = { span_mode: 'markerV0', max_width: 12, max_len: 384, max_types: 25, ent_token: '<<ENT>>', sep_token: '<<SEP>>' };

/** Validates `gliner_config.json` and refuses what the plain ONNX contract cannot run. */
export function parseConfig(json: unknown): GlinerConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw loadError('invalid_config', 'gliner_config.json must hold a JSON object');
  }
  const raw = json as Record<string, unknown>;

  const splitter = raw['words_splitter_type'];
  if (splitter !== undefined && splitter !== null && splitter !== 'whitespace') {
    throw loadError('unsupported_splitter', `words_splitter_type ${JSON.stringify(splitter)} is not supported; only "whitespace" can run outside Python`);
  }
  for (const field of ['labels_encoder', 'labels_decoder'] as const) {
    const v = raw[field];
    if (v !== undefined && v !== null && v !== '') {
      throw loadError('unsupported_architecture', `${field} is set: bi-encoder and generative-label GLiNER models have a different ONNX contract and are not supported`);
    }
  }
  if (raw['precomputed_prompts_mode'] === true) {
    throw loadError('unsupported_architecture', 'precomputed_prompts_mode is set: models with stored label embeddings are not supported');
  }

  const spanMode = raw['span_mode'] ?? DEFAULTS.span_mode;
  if (typeof spanMode !== 'string' || !SPAN_MODES.has(spanMode)) {
    throw loadError('unsupported_span_mode', `span_mode ${JSON.stringify(spanMode)} is unknown; expected one of ${[...SPAN_MODES].join(', ')}`);
  }

  return {
    spanMode,
    kind: spanMode === 'token_level' ? 'token' : 'span',
    maxWidth: positiveInt(raw, 'max_width', DEFAULTS.max_width),
    maxLen: positiveInt(raw, 'max_len', DEFAULTS.max_len),
    maxTypes: positiveInt(raw, 'max_types', DEFAULTS.max_types),
    entToken: nonEmptyString(raw, 'ent_token', DEFAULTS.ent_token),
    sepToken: nonEmptyString(raw, 'sep_token', DEFAULTS.sep_token),
    classTokenIndex: optionalInt(raw, 'class_token_index'),
    maxPositionEmbeddings: optionalInt(raw, 'max_position_embeddings') ?? encoderPositions(raw),
    raw,
  };
}

function positiveInt(raw: Record<string, unknown>, field: string, fallback: number): number {
  const v = raw[field] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw loadError('invalid_config', `${field} must be a positive integer (got ${JSON.stringify(v)})`);
  }
  return v;
}

function optionalInt(raw: Record<string, unknown>, field: string): number | undefined {
  const v = raw[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw loadError('invalid_config', `${field} must be a non-negative integer (got ${JSON.stringify(v)})`);
  }
  return v;
}

function nonEmptyString(raw: Record<string, unknown>, field: string, fallback: string): string {
  const v = raw[field] ?? fallback;
  if (typeof v !== 'string' || v.length === 0) {
    throw loadError('invalid_config', `${field} must be a non-empty string (got ${JSON.stringify(v)})`);
  }
  return v;
}

function encoderPositions(raw: Record<string, unknown>): number | undefined {
  const enc = raw['encoder_config'];
  if (typeof enc !== 'object' || enc === null) return undefined;
  const v = (enc as Record<string, unknown>)['max_position_embeddings'];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}
