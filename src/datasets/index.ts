/**
 * Dataset readers and writers: a file in, records of text fields out, and the same file back with
 * masked fields in place. Formats keep their shape: a CSV keeps its header, delimiter, line breaks
 * and row count; JSON Lines keep one line per line; unchanged records are written byte for byte.
 *
 * Every input record comes back: a record that cannot be read carries an `error` code (and its raw
 * content as fields, so a caller can blank it) instead of being dropped.
 */
import { parseCsv, serializeCsv } from './csv.js';
import { decodeText } from './decode.js';
import { detectFormat, isTsv } from './format.js';
import { parseJsonFile, serializeJsonFile } from './json.js';
import { parseJsonl, serializeJsonl } from './jsonl.js';
import { parseText as parsePlainText, serializeText } from './txt.js';
import type { DatasetField, DatasetFormat, ParsedFile, ParseOptions } from './types.js';

export type { CsvDialect, DatasetField, DatasetFormat, DatasetRecord, FileLayout, ParsedFile, ParseOptions, PathStep } from './types.js';
export { DatasetError, type DatasetErrorCode } from './errors.js';
export { encodeText, encodingFromName, fitToEncoding, UnencodableTextError, type TextEncodingName } from './encoding.js';
export { contentTypeOf, detectFormat, formatFromContentType, formatFromName } from './format.js';

/** Every format, in the order the API lists them. */
export const DATASET_FORMATS: readonly DatasetFormat[] = Object.freeze(['csv', 'jsonl', 'json', 'txt', 'md'] as const);

/**
 * Reads a file. The format comes from `options.format`, else the extension, else the content type,
 * else a look at the text. Throws `DatasetError` only when the whole file is unreadable (a JSON file
 * that does not parse); per-record problems are `DatasetRecord.error`.
 */
export function parseFile(name: string, content: string | Uint8Array, options: ParseOptions = {}): ParsedFile {
  const { text, bom, encoding, guessed } = decodeText(content, options.encoding);
  const format = options.format ?? detectFormat(name, text, options.contentType);
  const parsed = parseText(name, format, text, bom, options);
  return typeof content === 'string' ? parsed : { ...parsed, encoding, ...(guessed ? { encodingGuessed: true } : {}) };
}

function parseText(name: string, format: DatasetFormat, text: string, bom: boolean, options: ParseOptions): ParsedFile {
  switch (format) {
    case 'csv': {
      const { records, layout } = parseCsv(text, bom, {
        ...(options.textFields ? { textFields: options.textFields } : {}),
        ...(options.csvHeaders ? { csvHeaders: options.csvHeaders } : {}),
        ...(options.csvDialect ? { dialect: options.csvDialect } : {}),
        ...(options.firstLine !== undefined ? { firstLine: options.firstLine } : {}),
        defaultDelimiter: isTsv(name) ? '\t' : ',',
      });
      return { name, format, records, layout };
    }
    case 'jsonl': {
      const { records, layout } = parseJsonl(text, bom, options.textFields, options.firstLine);
      return { name, format, records, layout };
    }
    case 'json': {
      const { records, layout } = parseJsonFile(text, bom, options.textFields);
      return { name, format, records, layout };
    }
    case 'txt':
    case 'md': {
      const { records, layout } = parsePlainText(name, text, bom);
      return { name, format, records, layout };
    }
  }
}

/**
 * Writes a parsed file back in its own format with the masked fields of each record in `masked`
 * (record index → fields; fields not listed keep their text). Records not in `masked` are written
 * as they were read, errors included.
 */
export function serializeFile(parsed: ParsedFile, masked: ReadonlyMap<number, DatasetField[]>): string {
  const { layout, records } = parsed;
  switch (layout.kind) {
    case 'csv':
      return serializeCsv(layout, records, masked);
    case 'jsonl':
      return serializeJsonl(layout, records, masked);
    case 'json':
      return serializeJsonFile(layout, records, masked);
    case 'text':
      return serializeText(layout, records, masked);
  }
}
