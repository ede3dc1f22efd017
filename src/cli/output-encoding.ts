import { encodingFromName, ENCODING_NAMES, fitFieldsToEncoding, type TextEncodingName } from '../datasets/encoding.js';
import type { ParsedFile } from '../datasets/index.js';
import { FAILED_PLACEHOLDER } from '../engine/redact-texts.js';
import type { RedactedRecords } from '../engine/redact-records.js';
import { UsageError } from './options.js';

/** `--encoding`: the encoding of an input that has no BOM and is not UTF-8. */
export function parseEncoding(value: string | undefined): TextEncodingName | undefined {
  if (value === undefined) return undefined;
  const encoding = encodingFromName(value);
  if (encoding === undefined) throw new UsageError(`--encoding must be one of ${ENCODING_NAMES.join(', ')}`);
  return encoding;
}

/** The stderr line for an input whose encoding was guessed (names no content). */
export const GUESSED_ENCODING_WARNING =
  'pii-local: warning: --input is not UTF-8 and has no BOM; read and written as windows-1252 (pass --encoding to say otherwise)\n';

/**
 * Masked records as the output encoding can hold them. Original text always fits (it was read in
 * that encoding); new text (a surrogate name, a literal mask) may not: accents are taken off where
 * that makes it fit, and a record that still does not fit fails (written as the placeholder and
 * counted), rather than having characters silently turned into `?`.
 */
export function fitRecordsToEncoding(parsed: ParsedFile, result: RedactedRecords, encoding: TextEncodingName): RedactedRecords {
  if (encoding !== 'windows-1252') return result;
  let failed = result.failed;
  const failedLines = [...result.failedLines];
  for (const [i, fields] of result.masked) {
    const fitted = fitFieldsToEncoding(fields, encoding);
    if (fitted) {
      result.masked.set(i, fitted);
      continue;
    }
    result.masked.set(i, fields.map((f) => ({ key: f.key, text: FAILED_PLACEHOLDER })));
    failed++;
    const line = parsed.records[i]?.line;
    if (line !== undefined) failedLines.push(line);
  }
  return { ...result, failed, failedLines: failedLines.sort((a, b) => a - b) };
}
