import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Span } from '../types.js';
import { cliEngine } from './engine-factory.js';
import { chooseWasmTiers } from './wasm-tiering.js';
import { parseMethod, parseThreshold, parseTypes } from './options.js';
import { startProgress } from './progress.js';
import { assertInputIsText } from './input-check.js';

export interface DetectArgs {
  input: string;
  output: string;
  method?: string;
  types?: string;
  threshold?: string;
  model?: string;
  locale?: string;
}

/** Lines per engine call: big enough to batch the model, small enough for steady progress. */
const BATCH_LINES = 32;

/**
 * `pii-local detect`: JSONL `{"id","text"}` in, JSONL `{"id","entities"}` out, one output line per
 * input line in order. Streams, so memory stays bounded on big inputs. A line that cannot be read
 * gets an output line with `error` (never dropped). Returns the number of failed lines.
 */
export async function detectCommand(args: DetectArgs): Promise<{ lines: number; failed: number; failedLines: number[] }> {
  const method = parseMethod(args.method);
  const threshold = parseThreshold(args.threshold);
  const locales = args.locale?.split(',').map((s) => s.trim()).filter(Boolean);
  const { engine, known, defaultTypes } = cliEngine(method, args.model, locales);
  const types = parseTypes(args.types, known, defaultTypes);
  const { size } = await stat(args.input); // a missing input fails before the output is created
  chooseWasmTiers(method, size);
  await assertInputIsText(args.input);
  const total = await countLines(args.input);
  const progress = startProgress(total, 'detect');
  const out = createWriteStream(args.output);
  const lines = createInterface({ input: createReadStream(args.input), crlfDelay: Infinity });
  let batch: string[] = [];
  let done = 0;
  let failed = 0;
  const failedLines: number[] = [];

  const flush = async () => {
    const parsed = batch.map((line, i) => parseLine(line, done + i + 1));
    const texts = parsed.filter((p) => p.text !== undefined).map((p) => p.text!);
    const detections = await engine.detect(texts, { method, types: types.canonical, threshold, locales });
    let k = 0;
    for (const [i, p] of parsed.entries()) {
      let record: object;
      if (p.text === undefined) {
        record = { id: p.id, entities: [], error: p.error };
        failed++;
        failedLines.push(done + i + 1);
      } else {
        const d = detections[k++]!;
        if (d.error !== undefined) {
          failed++;
          failedLines.push(done + i + 1);
        }
        record = d.error === undefined ? { id: p.id, entities: d.spans.map((s) => toEntity(s, types.display)) } : { id: p.id, entities: [], error: d.error };
      }
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    }
    done += batch.length;
    progress.update(done);
    batch = [];
  };

  try {
    for await (const line of lines) {
      batch.push(line);
      if (batch.length >= BATCH_LINES) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    progress.stop();
    out.end();
    await once(out, 'close');
    await engine.dispose();
  }
  return { lines: done, failed, failedLines };
}

interface ParsedLine {
  id: unknown;
  text?: string;
  error?: string;
}

/** One input line; `n` is its line number, which every error names. */
function parseLine(line: string, n: number): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: `invalid_json: line ${n} is not valid JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { id: null, error: `invalid_record: line ${n} is not a JSON object` };
  const { id = null, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return { id, error: `invalid_record: line ${n}: "text" must be a string` };
  return { id, text };
}

function toEntity(s: Span, display: Map<string, string>) {
  return { start: s.start, end: s.end, label: display.get(s.label) ?? s.label, score: Math.round(s.score * 10_000) / 10_000 };
}

async function countLines(path: string): Promise<number> {
  let count = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 10) count++;
    last = chunk.length > 0 ? chunk[chunk.length - 1]! : last;
  }
  return last === 10 ? count : count + 1;
}
