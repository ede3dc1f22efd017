/**
 * Everything that touches Node's built-ins, for the two places that need the disk: a model given as
 * a folder, and the bundled model's folder inside the installed package. The browser build
 * (`dist/index.js`, `dist/worker.js`, the default export condition) swaps this file for
 * `./browser.ts` (see `rollup.config.mjs`), so an app's bundler never meets a `node:` import; the
 * Node build (`dist/node.js`, the `node` condition) and the CLI keep it.
 *
 * The built-ins are imported dynamically, so a page bundled from the sources (the browser tests)
 * loads this module without reaching them.
 */

/** The bytes of `file` in a local folder; rejects with Node's error (`code` `ENOENT` when absent). */
export async function readLocalFile(folder: string | URL, file: string, signal?: AbortSignal): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const dir = typeof folder === 'string' ? folder : fileURLToPath(folder);
  const buf = await readFile(join(dir, file), { signal });
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * The first `<dir>/<relative>` holding `marker`, for `dir` the folder of `from` (a `file:` URL) and
 * up to `levels` folders above it; `undefined` when none does.
 */
export async function findFolderUp(from: string, relative: string, marker: string, levels: number): Promise<string | undefined> {
  const { fileURLToPath } = await import('node:url');
  const { existsSync } = await import('node:fs');
  const path = await import('node:path');
  let dir = path.dirname(fileURLToPath(from));
  for (let i = 0; i <= levels; i++) {
    const candidate = path.join(dir, relative);
    if (existsSync(path.join(candidate, marker))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * onnxruntime-web for `backend`. Node has one build for every backend (the package's `node`
 * condition); the browser build picks the smaller runtime when WebGPU is not used (`./browser.ts`).
 */
export function loadRuntime(_backend: 'wasm' | 'webgpu'): Promise<typeof import('onnxruntime-web')> {
  return import('onnxruntime-web');
}

/** A temporary file written once, front to back, then read as a file-backed Blob. */
export interface TempFile {
  append(part: string | Uint8Array): Promise<void>;
  /** Closes the file and hands it out as a Blob (and its slices) for as long as the file lives: see `releaseTempBlob`. */
  toBlob(type: string): Promise<Blob>;
  /** Closes and deletes the file (a job that failed or was aborted). */
  discard(): Promise<void>;
}

let tempFolder: string | undefined;
let tempCount = 0;
/** A writer dropped before `toBlob` or `discard` (a job torn down mid-way) deletes its file when collected. */
const abandoned = new FinalizationRegistry<string>((path) => void removeFile(path));
/** The file behind each Blob `toBlob` gave. No finalizer there: a slice outlives its Blob object. */
const blobFiles = new WeakMap<Blob, string>();

async function removeFile(path: string): Promise<void> {
  const { rm } = await import('node:fs/promises');
  await rm(path, { force: true }).catch(() => undefined);
}

/**
 * A new temporary file, in one folder per process under the OS temp folder, removed at exit.
 * Browsers keep large Blobs on disk themselves; in Node a Blob's bytes are process memory, so large
 * job outputs and uploads given as bytes go to such a file instead (`datasets/spooled-blob.ts`).
 */
export async function createTempFile(): Promise<TempFile | undefined> {
  const fs = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  if (tempFolder === undefined) {
    const folder = fs.mkdtempSync(join(tmpdir(), 'pii-local-'));
    process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
    tempFolder = folder;
  }
  const path = join(tempFolder, `spool-${++tempCount}`);
  const handle = await fs.promises.open(path, 'wx', 0o600);
  const holder = {};
  abandoned.register(holder, path, holder);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    abandoned.unregister(holder);
    await handle.close();
  };
  return {
    async append(part) {
      // writeFile writes all of it from the current position (write() may stop short).
      await handle.writeFile(part);
    },
    async toBlob(type) {
      await close();
      const blob = await fs.openAsBlob(path, { type });
      blobFiles.set(blob, path);
      return blob;
    },
    async discard() {
      await close().catch(() => undefined);
      await removeFile(path);
    },
  };
}

/**
 * Deletes the temporary file behind `blob`, if `createTempFile` made it (a deleted run's output, a
 * deleted dataset's upload); reading it or its slices fails afterwards. Any other Blob: nothing.
 */
export async function releaseTempBlob(blob: Blob): Promise<void> {
  const path = blobFiles.get(blob);
  if (path === undefined) return;
  blobFiles.delete(blob);
  await removeFile(path);
}
