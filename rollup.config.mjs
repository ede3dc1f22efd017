import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Dependencies stay imports (the app's bundler resolves them once); node: built-ins are only
// reached through dynamic imports in the Node build.
const external = (id) =>
  id.startsWith('node:') || Object.keys(pkg.dependencies ?? {}).some((d) => id === d || id.startsWith(`${d}/`));

// The browser build (the package's default export condition, and the worker) gets
// src/platform/browser.ts in place of src/platform/node.ts, the one module that touches Node's
// built-ins: an app's bundler then meets no `node:` import at all (Vite would warn once per import
// and stub it). The Node build (`node` condition) and the CLI keep the real one.
const NODE_PLATFORM = fileURLToPath(new URL('./src/platform/node.ts', import.meta.url));
const BROWSER_PLATFORM = fileURLToPath(new URL('./src/platform/browser.ts', import.meta.url));
/** Also used by the browser tests' page build (`test/browser/harness.ts`), so pages run what apps get. */
export const browserPlatform = {
  name: 'browser-platform',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === NODE_PLATFORM ? BROWSER_PLATFORM : null;
  },
};

// Library entries: the browser API, the same API for Node, the Web Worker script (its own file, so
// `new Worker(new URL('./worker.js', import.meta.url))` finds it beside dist/index.js) and the CLI.
const entries = [
  { name: 'index', input: 'src/index.ts', browser: true },
  { name: 'node', input: 'src/index.ts', browser: false },
  { name: 'cli', input: 'src/cli/index.ts', browser: false },
];
if (existsSync('src/worker/worker.ts')) entries.push({ name: 'worker', input: 'src/worker/worker.ts', browser: true });
// The optional offline service worker: one classic script with no imports (`registerOfflineWorker`).
entries.push({ name: 'offline-sw', input: 'src/browser/offline-sw-entry.ts', browser: true, format: 'iife' });

// One self-contained build per entry, no shared chunks: modules that locate files with
// `import.meta.url` (the worker script beside dist/index.js, the bundled model in ../models/) must
// sit in dist/ itself, not in dist/chunks/. No source maps: they would point at src/, which the
// package does not ship (bundlers warn about the missing sources), and dist/ is plain readable ES.
const js = entries.map(({ name, input, browser, format = 'es' }) => ({
  input,
  external,
  output: { file: `dist/${name}.js`, format, sourcemap: false, inlineDynamicImports: true },
  plugins: [
    ...(browser ? [browserPlatform] : []),
    typescript({ tsconfig: './tsconfig.build.json', sourceMap: false, noEmitOnError: true, outputToFilesystem: false }),
  ],
}));

export default [
  ...js,
  {
    input: { index: 'src/index.ts' },
    external,
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
];
