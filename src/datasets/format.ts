import type { DatasetFormat } from './types.js';

const BY_EXTENSION: Readonly<Record<string, DatasetFormat>> = Object.freeze({
  csv: 'csv', tsv: 'csv',
  jsonl: 'jsonl', ndjson: 'jsonl',
  json: 'json',
  txt: 'txt', text: 'txt', log: 'txt',
  md: 'md', markdown: 'md',
});

const BY_CONTENT_TYPE: Readonly<Record<string, DatasetFormat>> = Object.freeze({
  'text/csv': 'csv', 'text/tab-separated-values': 'csv', 'application/csv': 'csv',
  'application/jsonl': 'jsonl', 'application/x-ndjson': 'jsonl', 'application/x-jsonlines': 'jsonl', 'application/jsonlines': 'jsonl',
  'application/json': 'json', 'text/json': 'json',
  'text/plain': 'txt',
  'text/markdown': 'md', 'text/x-markdown': 'md',
});

const CONTENT_TYPES: Readonly<Record<DatasetFormat, string>> = Object.freeze({
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  json: 'application/json',
  txt: 'text/plain',
  md: 'text/markdown',
});

/** The MIME type an anonymized file of this format is served with. */
export function contentTypeOf(format: DatasetFormat): string {
  return CONTENT_TYPES[format];
}

export function formatFromName(name: string): DatasetFormat | undefined {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot < name.lastIndexOf('/')) return undefined;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

export function formatFromContentType(contentType: string): DatasetFormat | undefined {
  return BY_CONTENT_TYPE[contentType.split(';')[0]!.trim().toLowerCase()];
}

/**
 * The format of a file: by extension, else by content type, else by looking at the text (JSON
 * Lines if every non-blank line of the first few starts with `{`, JSON if it starts with `[` or
 * `{`, plain text otherwise).
 */
export function detectFormat(name: string, text: string, contentType?: string): DatasetFormat {
  return formatFromName(name) ?? (contentType ? formatFromContentType(contentType) : undefined) ?? sniffFormat(text);
}

export function sniffFormat(text: string): DatasetFormat {
  const head = text.slice(0, 64 * 1024);
  const lines = head.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 20);
  if (lines.length > 1 && lines.every((l) => l.startsWith('{'))) return 'jsonl';
  const first = lines[0]?.[0];
  return first === '[' || first === '{' ? 'json' : 'txt';
}

export function isTsv(name: string): boolean {
  return name.toLowerCase().endsWith('.tsv');
}
