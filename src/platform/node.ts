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
