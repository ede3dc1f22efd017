import { existsSync, readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Dependencies stay imports (the app's bundler resolves them once); node: built-ins are only
// reached through dynamic imports on Node code paths.
const external = (id) =>
  id.startsWith('node:') || Object.keys(pkg.dependencies ?? {}).some((d) => id === d || id.startsWith(`${d}/`));

// Library entries: the main API and the Web Worker script (shipped as its own file so apps and
// bundlers can point `new Worker(new URL(...))` at it).
const entries = { index: 'src/index.ts', cli: 'src/cli/index.ts' };
if (existsSync('src/worker/worker.ts')) entries.worker = 'src/worker/worker.ts';

// One self-contained build per entry, no shared chunks: modules that locate files with
// `new URL(..., import.meta.url)` (the worker script next to dist/index.js, the bundled model in
// ../models/) must sit in dist/ itself, not in dist/chunks/.
const js = Object.entries(entries).map(([name, input]) => ({
  input,
  external,
  output: { file: `dist/${name}.js`, format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true, outputToFilesystem: false })],
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
