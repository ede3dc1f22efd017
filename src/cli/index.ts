import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';
import { claimProcess } from './wasm-tiering.js';

// The built CLI (dist/cli.js) is also the module its `--workers` threads load: there it only
// exports the task and runs nothing.
export { redactChunkTask } from './chunk-worker.js';

if (isMainThread) {
  claimProcess();
  main().then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write('pii-local: internal error\n');
      process.exitCode = 2;
    },
  );
}
