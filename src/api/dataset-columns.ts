import { readChunk } from '../datasets/chunked.js';
import { checkOverrideColumns, ColumnOverrideError, hasColumns, listColumns, type ResolvedOverride } from '../engine/columns/index.js';
import { BadRequestError } from './errors.js';
import type { DatasetContent } from './resources/datasets.js';

/**
 * Refuses (`BadRequestError` on `columns`) overrides naming a column no table/record file of the
 * dataset has, so a typo fails at create instead of being silently ignored. Columns are read from
 * each file's first chunk, as the plan is.
 */
export async function checkColumnsInDataset(content: DatasetContent, overrides: ReadonlyMap<string, ResolvedOverride>): Promise<void> {
  if (overrides.size === 0) return;
  const columns = new Set<string>();
  for (const f of content.files) {
    if (!hasColumns(f.chunked.format) || f.chunked.chunks.length === 0) continue;
    for (const c of listColumns(await readChunk(f.chunked, 0))) columns.add(c);
  }
  try {
    checkOverrideColumns(overrides, columns);
  } catch (error) {
    if (error instanceof ColumnOverrideError) throw new BadRequestError(error.message, 'columns');
    throw error;
  }
}
