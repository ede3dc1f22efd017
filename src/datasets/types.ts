import type { TextEncodingName } from './encoding.js';

/** File formats a dataset may hold. `md` is read and written like `txt`. */
export type DatasetFormat = 'csv' | 'jsonl' | 'json' | 'txt' | 'md';

/** One text of a record. */
export interface DatasetField {
  /** CSV: the column name; JSON/JSONL: a path (`text`, `a.b[2]`, `["odd key"]`); TXT/MD: `text`. */
  key: string;
  text: string;
}

/** One record: a CSV row, a JSONL line, a JSON array element, or a whole TXT/MD file. */
export interface DatasetRecord {
  /** The record's `id` (JSON field or CSV column) when it has one, else its index as a string. */
  id: string;
  /** Position in `ParsedFile.records`; the key of the masked map given to `serializeFile`. */
  index: number;
  /**
   * The texts to scan. For a record with an `error`, the raw content it was read from (a JSONL line,
   * a JSON value, the cells of a malformed CSV row), so a caller can blank it on output.
   */
  fields: DatasetField[];
  /** Why the record could not be read as data: a reason code, never its text. */
  error?: string;
  /** JSONL: the record's line in the file, from 1, so errors can point at it (CSV: a broken row's first line). */
  line?: number;
}

export interface ParseOptions {
  /** Overrides detection by extension/content type. */
  format?: DatasetFormat;
  /** MIME type of the upload, used when the name has no known extension. */
  contentType?: string;
  /**
   * Which fields hold text. CSV: column names. JSON/JSONL: paths; a path also selects everything
   * below it (`notes` selects `notes[0].body`). Default: every CSV column; for JSON the `text`
   * field when there is one, else every string leaf.
   */
  textFields?: string[];
  /** CSV without a header row: the column names to use (the remote's `csv_headers`). */
  csvHeaders?: string[];
  /**
   * CSV delimiter and line break, when already known (the chunks of a bigger file must all be read
   * with the file's dialect). Default: sniffed from the first row.
   */
  csvDialect?: CsvDialect;
  /** The encoding to read bytes in when they have no BOM and are not valid UTF-8. */
  encoding?: TextEncodingName;
  /** JSONL and CSV: the number of the text's first line, when it is a chunk of a bigger file. @defaultValue 1 */
  firstLine?: number;
}

export interface CsvDialect {
  delimiter: string;
  newline: string;
}

/** A parsed file: its records plus what the writer needs to put it back together losslessly. */
export interface ParsedFile {
  name: string;
  format: DatasetFormat;
  records: DatasetRecord[];
  /** Writer state (plain data, so it survives structured cloning). Internal: the shape may change. */
  layout: FileLayout;
  /** The encoding the bytes were read in (absent for text given as a string): write the output in it. */
  encoding?: TextEncodingName;
  /** True when the encoding was a guess (not UTF-8, no BOM, none declared): Windows-1252. */
  encodingGuessed?: boolean;
}

export type FileLayout = CsvLayout | JsonlLayout | JsonLayout | TextLayout;

/** A step of a JSON path: an object key or an array index. */
export type PathStep = string | number;

export interface CsvLayout {
  kind: 'csv';
  bom: boolean;
  delimiter: string;
  newline: string;
  /** The header row as written (with its line break); null when the names came from `csvHeaders`. */
  headerRow: string | null;
  /** Field key of each column (header names, made unique; `[i]` for unnamed or extra columns). */
  columns: string[];
  /** Raw text of every row after the header, line breaks included (blank lines too). */
  pieces: string[];
  /** Record index → index in `pieces`. */
  recordPiece: number[];
  /** Record index → its cells. */
  cells: string[][];
}

export interface JsonlLayout {
  kind: 'jsonl';
  bom: boolean;
  /** Raw lines with their line breaks (blank lines too). */
  lines: string[];
  /** Record index → index in `lines`. */
  recordLine: number[];
  /** Record index → path of each field, by field order; null for a line that did not parse. */
  paths: Array<PathStep[][] | null>;
}

export interface JsonLayout {
  kind: 'json';
  bom: boolean;
  /** The file's text (without BOM), re-parsed only when something must be written back. */
  text: string;
  /** `array`: one record per element; `single`: the whole value is one record; `empty`: no value. */
  shape: 'array' | 'single' | 'empty';
  /** Indentation to write with (detected), or 0 for compact. */
  indent: string | 0;
  /** Whitespace after the value, kept. */
  trailing: string;
  paths: Array<PathStep[][] | null>;
}

export interface TextLayout {
  kind: 'text';
  bom: boolean;
  /** The file's text (without BOM), for files with no record (empty). */
  text: string;
}
