import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';

// pii-local's worker is a second input named `worker`, so it lands beside the app's bundle where
// the library looks for it (`new URL('./worker.js', import.meta.url)`); commonjs() for papaparse.
export default {
  input: { main: 'main.js', worker: 'pii-local/worker' },
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js' },
  plugins: [nodeResolve({ browser: true }), commonjs()],
};
