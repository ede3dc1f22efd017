import { parseChunk, writeChunk, type ChunkLayout, type RecordChunk } from '../datasets/record-chunks.js';
import { encodeText } from '../datasets/index.js';
import { fitRecordsToEncoding } from './output-encoding.js';
import type { Engine } from '../engine/engine.js';
import type { Masker } from '../masks/index.js';
import { redactRecords, type RedactRecordsOptions } from '../engine/redact-records.js';
import { redactCsvRows, type CellFindings } from '../engine/redact-csv-rows.js';
import type { ColumnPlan } from '../engine/columns/index.js';

export interface RedactedChunk {
  /** The chunk's piece of the output file, in the input's encoding. */
  bytes: Uint8Array;
  records: number;
  failed: number;
  failedLines: number[];
  /** The column plan the chunk was masked with (inferred when none was given). */
  plan?: ColumnPlan;
}

/**
 * Redacts chunk `index` of a file laid out as `layout`: read by the dataset reader, masked with
 * `plan` (inferred from the chunk when absent), written back by the dataset writer. The same code
 * runs on the main thread and in `--workers` threads, so both write the same bytes.
 */
export async function redactChunk(
  layout: ChunkLayout,
  index: number,
  chunk: Pick<RecordChunk, 'text' | 'firstLine' | 'rows'>,
  engine: Engine,
  masker: Masker,
  options: Omit<RedactRecordsOptions, 'onProgress'> & { findings?: CellFindings },
): Promise<RedactedChunk> {
  const { findings, ...redact } = options;
  // A table's later chunks, under the first chunk's plan: column by column, no object per cell.
  if (index > 0 && redact.plan) {
    const { plan, columnOverrides: _, ...rest } = redact;
    const done = await redactCsvRows(engine, masker, layout, chunk, plan, { ...rest, ...(findings ? { findings } : {}) });
    if (done) return { bytes: encodeText(done.text, layout.encoding), records: done.records, failed: done.failed, failedLines: done.failedLines, plan };
  }
  const parsed = parseChunk(layout, index, chunk);
  const redacted = await redactRecords(engine, masker, parsed, redact);
  const { masked, records, failed, failedLines, plan } = fitRecordsToEncoding(parsed, redacted, layout.encoding);
  return { bytes: encodeText(writeChunk(layout, index, parsed, masked), layout.encoding), records, failed, failedLines, ...(plan ? { plan } : {}) };
}
