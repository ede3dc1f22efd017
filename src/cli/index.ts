import { main } from './main.js';

main().then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('pii-local: internal error\n');
    process.exitCode = 2;
  },
);
