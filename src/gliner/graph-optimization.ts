/**
 * Which of onnxruntime's graph optimization levels a session gets. They are worth their start-up
 * cost on most graphs (a transformer export gains fused attention, LayerNorm and GELU kernels), so
 * `all` is the default. A model may say, in its ONNX metadata, that they give it nothing once its
 * MatMuls run on the integer kernels (`integer-matmul.ts`): the bundled model does, since its
 * exporter writes the graph in the form the WASM kernels run, and skipping them saves ~40 % of the
 * session's creation (Node: 590 → 330 ms; Chromium: ~1,000 → ~550 ms) at the same words/s.
 */
import { fields, LEN, text } from './onnx-proto.js';

/** The metadata key (ONNX `metadata_props`) and the value that opt a graph out. */
export const GRAPH_OPTIMIZATION_KEY = 'pii_local.graph_optimization';

export type GraphOptimizationLevel = 'disabled' | 'basic' | 'extended' | 'all';

const MODEL_METADATA_PROPS = 14;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;

/** The model's `metadata_props` (empty when the bytes do not read as an ONNX model). */
export function onnxMetadata(model: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const f of fields(model, 0, model.length)) {
      if (f.field !== MODEL_METADATA_PROPS || f.wire !== LEN) continue;
      let key: string | undefined;
      let value = '';
      for (const e of fields(model, f.valueStart, f.valueEnd)) {
        if (e.wire !== LEN) continue;
        if (e.field === ENTRY_KEY) key = text(model, e);
        else if (e.field === ENTRY_VALUE) value = text(model, e);
      }
      if (key !== undefined) out.set(key, value);
    }
  } catch {
    out.clear();
  }
  return out;
}

/**
 * The level for a session: `disabled` only for a graph rewritten onto integer kernels whose
 * metadata opts out; `all` otherwise (WebGPU, the exact graph, every other model).
 */
export function graphOptimizationFor(model: Uint8Array, integerRewritten: boolean): GraphOptimizationLevel {
  return integerRewritten && onnxMetadata(model).get(GRAPH_OPTIMIZATION_KEY) === 'disabled' ? 'disabled' : 'all';
}
