/**
 * Bundles the demo and benchmark pages with rollup into `bench/web/.build/` (gitignored): the two
 * page scripts, pii-local's engine worker, the worker that hosts the GLiNER.js peer, and beside
 * them the runtime files each onnxruntime-web needs (ours at the top, GLiNER.js's own 1.19 copy
 * under `ort-1.19/`). The HTML pages in `bench/web/` load `./.build/<page>.js`.
 *
 * A build is skipped when nothing it depends on changed (a stamp of the sources); a lock keeps two
 * processes (a test and the demo server) from building at once.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..', '..');
export const WEB = join(ROOT, 'bench', 'web');
export const BUILD = join(WEB, '.build');

/** Entry name → source. The names are the output file names (`demo.js`, `worker.js`, ...). */
const ENTRIES: Record<string, string> = {
  demo: join(WEB, 'demo.ts'),
  bench: join(WEB, 'bench.ts'),
  'cold-start': join(WEB, 'cold-start.ts'),
  // `createWorkerEngine` starts `new URL('./worker.js', import.meta.url)`: it must sit beside the chunks.
  worker: join(ROOT, 'src', 'worker', 'worker.ts'),
  'gliner-js-worker': join(WEB, 'gliner-js-worker.ts'),
};

const ORT = join(ROOT, 'node_modules', 'onnxruntime-web', 'dist');
const PEER_ORT = join(ROOT, 'node_modules', 'gliner', 'node_modules', 'onnxruntime-web', 'dist');
/** Where the peer's onnxruntime-web 1.19 files are served from, relative to the pages' bundle. */
export const PEER_ORT_DIR = 'ort-1.19';

/** Builds unless up to date; resolves with the output folder. */
export async function buildWeb(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<string> {
  const log = options.log ?? (() => undefined);
  const stamp = sourceStamp();
  const stampFile = join(BUILD, '.stamp');
  const upToDate = () => !options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  const lock = join(WEB, '.build.lock');
  for (;;) {
    if (upToDate()) return BUILD;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another process is building; a lock left by a killed build expires after 3 minutes
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (upToDate()) return BUILD;
    const t0 = performance.now();
    log('bundling bench/web pages with rollup…');
    const tmp = `${BUILD}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await bundle(tmp);
    copyRuntime(ORT, tmp);
    copyRuntime(PEER_ORT, join(tmp, PEER_ORT_DIR));
    rmSync(BUILD, { recursive: true, force: true });
    renameSync(tmp, BUILD);
    writeFileSync(stampFile, stamp);
    log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${BUILD}`);
    return BUILD;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function bundle(out: string): Promise<void> {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const commonjs = (await import('@rollup/plugin-commonjs')).default;
  const typescript = (await import('@rollup/plugin-typescript')).default;
  // The pages run what apps get from the package's browser build: the WASM-only runtime unless WebGPU is used.
  const { browserPlatform } = (await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href)) as { browserPlatform: import('rollup').Plugin };

  const build = await rollup({
    input: ENTRIES,
    plugins: [
      browserPlatform,
      peerOrtUnbundled(),
      nodeResolve({ browser: true, preferBuiltins: false }),
      commonjs(),
      typescript({
        tsconfig: join(WEB, 'tsconfig.json'),
        compilerOptions: { declaration: false, sourceMap: false, noEmitOnError: false, outDir: out, rootDir: ROOT },
        noEmitOnError: false,
      }),
    ],
    // Node-only branches (`await import('node:fs')`) are never reached in a page.
    external: (id) => id.startsWith('node:'),
    onwarn(warning, warn) {
      if (['EVAL', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'MODULE_LEVEL_DIRECTIVE'].includes(warning.code ?? '')) return;
      if (warning.code === 'UNRESOLVED_IMPORT' && String(warning.exporter ?? '').startsWith('node:')) return;
      // type errors of other parts of the repo (in progress elsewhere) do not stop these pages
      if (warning.plugin === 'typescript' && !String(warning.loc?.file ?? warning.id ?? '').includes(`${join('bench', 'web')}`)) return;
      warn(warning);
    },
  });
  await build.write({ dir: out, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await build.close();
}

/**
 * GLiNER.js imports onnxruntime-web 1.19's default entries, which inline the WASM glue: their WASM
 * threads then start from the bundle itself (the whole peer worker) and fail. The unbundled entries
 * load the glue (`ort-wasm-simd-threaded*.mjs`) from `wasmPaths` instead, which threads can start
 * from. Same runtime, same version; only how the file is found differs.
 */
function peerOrtUnbundled(): import('rollup').Plugin {
  const entries: Record<string, string> = {
    'onnxruntime-web': join(PEER_ORT, 'ort.min.mjs'),
    'onnxruntime-web/webgpu': join(PEER_ORT, 'ort.webgpu.min.mjs'),
  };
  const glinerDir = join(ROOT, 'node_modules', 'gliner') + sep;
  return {
    name: 'peer-ort-unbundled',
    resolveId(source, importer) {
      if (importer?.startsWith(glinerDir) && entries[source]) return entries[source];
      return null;
    },
  };
}

/** onnxruntime-web's `.wasm`/`.mjs` runtime files, hard-linked when the disk allows (they are large). */
function copyRuntime(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) {
    if (!/^ort-wasm.*\.(wasm|mjs)$/.test(f) || f.startsWith('ort-training')) continue;
    try {
      linkSync(join(from, f), join(to, f));
    } catch {
      copyFileSync(join(from, f), join(to, f));
    }
  }
}

/** Hash of everything a build depends on. */
function sourceStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string, keep: (name: string) => boolean) => {
    for (const f of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p, keep);
      else if (keep(f.name)) {
        hash.update(p);
        hash.update(readFileSync(p));
      }
    }
  };
  walk(join(ROOT, 'src'), () => true);
  for (const f of readdirSync(WEB)) if (f.endsWith('.ts') || f === 'tsconfig.json') hash.update(f).update(readFileSync(join(WEB, f)));
  hash.update(readFileSync(join(ROOT, 'rollup.config.mjs')));
  for (const pkg of ['onnxruntime-web', 'gliner', '@xenova/transformers', 'comlink']) {
    hash.update(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json')));
  }
  return hash.digest('hex');
}

// `npx tsx bench/web/build.ts [--force]`
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildWeb({ force: process.argv.includes('--force'), log: (l) => console.log(l) });
}
