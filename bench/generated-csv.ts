/** Writes the seeded CSV files the file benchmarks run on, once per size (kept between runs). */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from './seeded.js';

export interface CsvRecipe {
  header: string;
  /** Row `i` (with its line break), drawing from the seeded `random`. */
  row: (i: number, random: () => number) => string;
  seed: number;
}

/**
 * Writes rows until the file holds about `bytes`; an existing file within `tolerance` bytes of
 * that size is kept as it is (the rows are seeded, so it is the same file).
 */
export async function writeGeneratedCsv(path: string, bytes: number, recipe: CsvRecipe, tolerance: number): Promise<void> {
  if (existsSync(path) && Math.abs(statSync(path).size - bytes) < tolerance) return;
  const out = createWriteStream(path);
  const random = mulberry32(recipe.seed);
  let written = 0;
  out.write(recipe.header);
  for (let i = 0; written < bytes; i++) {
    const line = recipe.row(i, random);
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}
