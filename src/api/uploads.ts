import { BadRequestError } from './errors.js';
import type { ByteSource } from '../datasets/byte-source.js';
import type { Uploadable } from './types.js';

export interface UploadedFile {
  name: string;
  /** The bytes, read later as a stream: a Blob (a `File`) is never read into memory whole. */
  content: ByteSource;
  size: number;
}

/** Build an upload from a string or bytes, like the Stainless SDKs' `toFile`. */
export function toFile(content: string | Uint8Array | ArrayBuffer | Blob, name: string, options: { type?: string } = {}): Uploadable {
  return { name, content, ...(options.type ? { type: options.type } : {}) };
}

export function readUpload(upload: Uploadable, field: string): UploadedFile {
  if (typeof upload !== 'object' || upload === null) throw new BadRequestError(`${field} must be a File or { name, content }`, field);
  const name = (upload as { name?: unknown }).name;
  if (typeof name !== 'string' || name === '') throw new BadRequestError(`${field} needs a file name (its extension gives the format)`, field);
  const content: unknown = 'content' in upload ? upload.content : upload;
  if (typeof content === 'string') {
    const bytes = new TextEncoder().encode(content);
    return { name, content: bytes, size: bytes.byteLength };
  }
  if (content instanceof Uint8Array) return { name, content, size: content.byteLength };
  if (content instanceof ArrayBuffer) return { name, content: new Uint8Array(content), size: content.byteLength };
  if (typeof Blob !== 'undefined' && content instanceof Blob) return { name, content, size: content.size };
  throw new BadRequestError(`${field} content must be a string, bytes or a Blob`, field);
}
