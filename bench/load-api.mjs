/**
 * The API half of bench/load.ts, run in its own process so its peak RSS is its own:
 *   node bench/load-api.mjs <input.csv> <TYPES> [bytes|blob]
 * Plain JavaScript over the built package (`dist/node.js`, as an installed user runs it): a
 * TypeScript loader would add ~50 MB of its own to the peak.
 * `bytes` uploads the file read into memory (the caller holds it too); `blob` uploads
 * `fs.openAsBlob(input)`, a file-backed Blob as a browser `File` is, which the dataset keeps slices
 * of instead of a copy. Prints one `API_REPORT {json}` line on stderr.
 */
import { openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LocalDataframer, toFile } from '../dist/node.js';

async function main() {
  const [input, types = 'EMAIL', upload = 'bytes'] = process.argv.slice(2);
  if (!input || (upload !== 'bytes' && upload !== 'blob')) throw new Error('usage: load-api.mjs <input.csv> <TYPES> [bytes|blob]');
  const t0 = performance.now();
  const client = new LocalDataframer();
  // The caller's own buffer (bytes) is let go once uploaded, as a caller that reads a file to upload
  // it would: the dataset keeps a copy of its own, so the peak below is the library's.
  const ds = await client.dataframer.datasets.createWithFiles({
    dataset_type: 'SINGLE_FILE',
    name: 'load',
    file: toFile(upload === 'blob' ? await openAsBlob(input) : bytesOf(readFileSync(input)), basename(input)),
  });
  const tLoaded = performance.now();
  const run = await client.dataframer.anonymizationRuns.createAndPoll({
    dataset_id: ds.id,
    pii_types: types.split(',').map((t) => t.toLowerCase()),
    detection_method: 'heuristics',
  });
  const file = run.anonymized_files[0];
  const report = {
    upload,
    status: run.status,
    error: run.results.error ?? null,
    samples: run.results.samples_processed ?? 0,
    sample_errors: run.results.sample_errors?.length ?? 0,
    output_mb: file ? file.size_in_bytes / 1_000_000 : 0,
    dataset_seconds: (tLoaded - t0) / 1000,
    run_seconds: (performance.now() - tLoaded) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stderr.write(`API_REPORT ${JSON.stringify(report)}\n`);
}

/** @param {Buffer} buffer */
function bytesOf(buffer) {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

main().catch((error) => {
  process.stderr.write(`load-api failed: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown'}\n`);
  process.exitCode = 1;
});
