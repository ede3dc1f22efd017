/**
 * Opens a model with its large weights as onnxruntime "external data" read from the model's own
 * bytes. Given one buffer, onnxruntime-web copies all of it into the WASM heap, its protobuf parser
 * copies each tensor's bytes again, and a graph rewrite before it (`integer-matmul.ts`) had to copy
 * the whole file once more: for the bundled model, 14 MB three times over, each into fresh memory
 * (~45 ms of page faults apiece in Node), on the thread that is starting the model. Here the graph
 * is re-encoded without its largest tensors, each pointing at where its bytes already lie in the
 * original buffer, and onnxruntime copies those bytes once, straight into the tensor.
 *
 * Any bytes that do not read as expected are left alone (`undefined`): the caller opens them as
 * they are.
 */
import { concatBytes } from '../bytes.js';
import { fields, lengthField, lengthHeader, LEN, varintField, type Field } from './onnx-proto.js';

/** The name under which the original bytes are handed to onnxruntime (`externalData[].path`). */
export const WEIGHTS_FILE = 'pii-local-weights.bin';

/**
 * Initializers smaller than this stay inside the graph. Measured in Chromium on the bundled model:
 * moving its 192 kB MatMul weights too made the first run ~10x slower (450–1,500 ms against ~45;
 * onnxruntime then prepares those weights at the first run instead of when the session opens),
 * while moving the 11 MB embedding table alone keeps the first run as it was.
 */
const MIN_BYTES = 1024 * 1024;

const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_RAW_DATA = 9;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const DATA_LOCATION_EXTERNAL = 1;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;

export interface WeightsOutside {
  /** The model without its large tensors' bytes (the bundled model: 2.5 of its 13.7 MB). */
  graph: Uint8Array;
  /** Where those bytes are: the original model, unchanged and not copied. */
  weights: Uint8Array;
}

export function weightsOutside(model: Uint8Array): WeightsOutside | undefined {
  try {
    return split(model);
  } catch {
    return undefined;
  }
}

function split(model: Uint8Array): WeightsOutside | undefined {
  const top = fields(model, 0, model.length);
  const graphs = top.filter((f) => f.field === MODEL_GRAPH && f.wire === LEN);
  if (graphs.length !== 1) return undefined;
  const graph = graphs[0]!;
  const graphParts: Uint8Array[] = [];
  let moved = 0;
  for (const f of fields(model, graph.valueStart, graph.valueEnd)) {
    const outside = f.field === GRAPH_INITIALIZER && f.wire === LEN ? externalTensor(model, f) : undefined;
    if (outside) moved++;
    graphParts.push(outside ?? model.subarray(f.start, f.end));
  }
  if (moved === 0) return undefined;
  const graphLength = graphParts.reduce((sum, p) => sum + p.byteLength, 0);
  const parts: Uint8Array[] = [];
  for (const f of top) {
    if (f === graph) parts.push(lengthHeader(MODEL_GRAPH, graphLength), ...graphParts);
    else parts.push(model.subarray(f.start, f.end));
  }
  return { graph: concatBytes(parts), weights: model };
}

/** The initializer `f` re-encoded to point at its `raw_data` in the model, or `undefined` to keep it inside. */
function externalTensor(model: Uint8Array, f: Field): Uint8Array | undefined {
  const tensor = fields(model, f.valueStart, f.valueEnd);
  const raw = tensor.find((t) => t.field === TENSOR_RAW_DATA && t.wire === LEN);
  if (!raw || raw.valueEnd - raw.valueStart < MIN_BYTES) return undefined;
  if (tensor.some((t) => t.field === TENSOR_EXTERNAL_DATA || t.field === TENSOR_DATA_LOCATION)) return undefined;
  const kept = tensor.filter((t) => t !== raw).map((t) => model.subarray(t.start, t.end));
  const entry = (key: string, value: string) =>
    lengthField(TENSOR_EXTERNAL_DATA, concatBytes([lengthField(ENTRY_KEY, encode(key)), lengthField(ENTRY_VALUE, encode(value))]));
  const payload = concatBytes([
    ...kept,
    entry('location', WEIGHTS_FILE),
    entry('offset', String(raw.valueStart)),
    entry('length', String(raw.valueEnd - raw.valueStart)),
    varintField(TENSOR_DATA_LOCATION, DATA_LOCATION_EXTERNAL),
  ]);
  return lengthField(GRAPH_INITIALIZER, payload);
}

const encoder = new TextEncoder();
const encode = (s: string): Uint8Array => encoder.encode(s);
