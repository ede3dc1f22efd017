// One 128-word window on onnxruntime-web (wasm, 1 thread) in Node: median of 20 runs after 3 warm-ups,
// for the graph as exported (any runtime) and as pii-local opens it (int8 MatMuls on integer kernels,
// graph optimizations as the file's metadata asks: src/gliner/integer-matmul.ts, graph-optimization.ts).
// Usage (from the repo root): npx tsx models/scripts/latency.mjs models/pii-local-small onnx/model_quantized.onnx
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';
import { integerMatMuls } from '../../src/gliner/integer-matmul.ts';
import { graphOptimizationFor } from '../../src/gliner/graph-optimization.ts';

const [dir = 'models/pii-local-small', file = 'onnx/model_quantized.onnx'] = process.argv.slice(2);
const cfg = JSON.parse(readFileSync(join(dir, 'gliner_config.json'), 'utf8'));
const tok = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')),
  JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
const labels = ['person', 'organization', 'location', 'street address', 'date', 'email', 'phone number'];
const base = 'Dear Maria Gonzalez , your appointment at St. Mary Hospital on March 3 , 2024 is confirmed . Call us at 415 555 0199 or write to the clinic in Springfield . The weather was fine and we talked about the new project for a while before lunch .';
const baseWords = base.split(' ');
const words = Array.from({ length: 128 }, (_, i) => baseWords[i % baseWords.length]);
const piece = (s) => tok.encode(s, { add_special_tokens: false }).ids;
const ids = [tok.token_to_id('[CLS]')];
for (const l of labels) ids.push(...piece(cfg.ent_token), ...piece(l));
ids.push(...piece(cfg.sep_token));
const wm = ids.map(() => 0);
words.forEach((w, j) => { const p = piece(w); ids.push(...p); wm.push(j + 1, ...p.slice(1).map(() => 0)); });
ids.push(tok.token_to_id('[SEP]')); wm.push(0);
const L = ids.length, W = words.length, K = cfg.max_width;
const si = new BigInt64Array(W * K * 2), sm = new Uint8Array(W * K);
for (let i = 0; i < W; i++) for (let k = 0; k < K; k++) {
  const s = i * K + k; if (i + k < W) { si[2 * s] = BigInt(i); si[2 * s + 1] = BigInt(i + k); sm[s] = 1; }
}
const feeds = {
  input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, L]),
  attention_mask: new ort.Tensor('int64', new BigInt64Array(L).fill(1n), [1, L]),
  words_mask: new ort.Tensor('int64', BigInt64Array.from(wm.map(BigInt)), [1, L]),
  text_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(W)]), [1, 1]),
  span_idx: new ort.Tensor('int64', si, [1, W * K, 2]),
  span_mask: new ort.Tensor('bool', sm, [1, W * K]),
};
ort.env.wasm.numThreads = 1;

async function measure(bytes, options) {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], ...options });
  const load = performance.now() - t0;
  for (let i = 0; i < 3; i++) await session.run(feeds);
  const times = [];
  for (let i = 0; i < 20; i++) { const t = performance.now(); await session.run(feeds); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  await session.release();
  return { load_ms: Math.round(load), median_ms: +((times[9] + times[10]) / 2).toFixed(1), min_ms: +times[0].toFixed(1), max_ms: +times[19].toFixed(1) };
}

const bytes = new Uint8Array(readFileSync(join(dir, file)));
const exported = await measure(bytes, {});
const rewritten = integerMatMuls(bytes);
const asOpened = await measure(rewritten ?? bytes, { graphOptimizationLevel: graphOptimizationFor(bytes, rewritten !== undefined) });
console.log(JSON.stringify({ model: join(dir, file), tokens: L, words: W, labels: labels.length,
  ...exported, pii_local: { integer_kernels: rewritten !== undefined, ...asOpened } }));
