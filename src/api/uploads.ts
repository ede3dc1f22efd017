import { BadRequestError } from './errors.js';
import type { Uploadable } from './types.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Build an upload from a string or bytes, like the Stainless SDKs' `toFile`. */
export function toFile(content: string | Uint8Array | ArrayBuffer | Blob, name: string, options: { type?: string } = {}): Uploadable {
  return { name, content, ...(options.type ? { type: options.type } : {}) };
}

export async function readUpload(upload: Uploadable, field: string): Promise<UploadedFile> {
  if (typeof upload !== 'object' || upload === null) throw new BadRequestError(`${field} must be a File or { name, content }`, field);
  const name = (upload as { name?: unknown }).name;
  if (typeof name !== 'string' || name === '') throw new BadRequestError(`${field} needs a file name (its extension gives the format)`, field);
  const content: unknown = 'content' in upload ? upload.content : upload;
  if (typeof content === 'string') return { name, bytes: new TextEncoder().encode(content) };
  if (content instanceof Uint8Array) return { name, bytes: content };
  if (content instanceof ArrayBuffer) return { name, bytes: new Uint8Array(content) };
  if (typeof Blob !== 'undefined' && content instanceof Blob) return { name, bytes: new Uint8Array(await content.arrayBuffer()) };
  throw new BadRequestError(`${field} content must be a string, bytes or a Blob`, field);
}
