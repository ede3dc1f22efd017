/**
 * A model folder's `manifest.json`: the size and SHA-256 of each file, written when the model is
 * built (`models/scripts/write-manifest.mjs`). A loader that finds one checks every file it reads
 * against it, and the model cache stores only bytes that match it — so a wrong answer from a server
 * (an SPA's `index.html` for a missing file, a half-finished deploy) never becomes the cached model,
 * and a new manifest (a new model version at the same URL) replaces what the cache held.
 *
 * ```json
 * { "name": "pii-local-small", "files": { "onnx/model_quantized.onnx": { "size": 14360000, "integrity": "sha256-…" } } }
 * ```
 */
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestEntry {
  size: number;
  /** Subresource-integrity form: `sha256-` and the base64 digest. */
  integrity: string;
}

export interface ModelManifest {
  name?: string;
  /** Keyed by the path under the model folder (`tokenizer.json`, `onnx/model_quantized.onnx`). */
  files: Record<string, ManifestEntry>;
}

/** The manifest in `bytes`, or a reason it is not one. */
export function parseManifest(bytes: Uint8Array): ModelManifest | { invalid: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { invalid: 'it is not JSON' };
  }
  const files = (value as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return { invalid: 'it has no "files" object' };
  for (const [file, entry] of Object.entries(files)) {
    const e = entry as Partial<ManifestEntry> | null;
    if (typeof e?.size !== 'number' || typeof e.integrity !== 'string' || !e.integrity.startsWith('sha256-')) {
      return { invalid: `its entry for ${file} needs a size and a sha256- integrity` };
    }
  }
  return value as ModelManifest;
}

/** `sha256-<base64>` of the bytes; `undefined` where Web Crypto is unavailable (an insecure context). */
export async function sha256Integrity(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return `sha256-${btoa(binary)}`;
}

/**
 * Why the bytes do not match the entry, or `undefined` when they do (size only without Web Crypto).
 * `vouched`: the hash a pii-local step already computed for these bytes (`vouched-bodies.ts`); when
 * it is the entry's, the 14 MB are not hashed again.
 */
export async function mismatch(bytes: Uint8Array, entry: ManifestEntry, vouched?: string): Promise<string | undefined> {
  if (bytes.byteLength !== entry.size) return `${bytes.byteLength} bytes where the manifest says ${entry.size}`;
  const actual = vouched === entry.integrity ? vouched : await sha256Integrity(bytes);
  if (actual !== undefined && actual !== entry.integrity) return 'its SHA-256 differs from the manifest';
  return undefined;
}

/**
 * Whether bytes can be a model file of this name when no manifest vouches for them: an ONNX graph
 * starts with its `ir_version` field (protobuf tag 0x08), a JSON file parses, and nothing served as
 * an HTML page is either.
 */
export function plausibleModelFile(file: string, bytes: Uint8Array, contentType: string): boolean {
  if (/^text\/html\b/i.test(contentType)) return false;
  if (file.endsWith('.onnx')) return bytes[0] === 0x08;
  if (file.endsWith('.json')) {
    try {
      JSON.parse(new TextDecoder().decode(bytes));
      return true;
    } catch {
      return false;
    }
  }
  return true;
}
