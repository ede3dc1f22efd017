#!/usr/bin/env node
// The CLI is built into dist/ by `npm ci` (the `prepare` script).
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('pii-local: dist/ is missing; run `npm run build` first\n');
  } else {
    process.stderr.write(`pii-local: could not start (${error && error.name})\n`);
  }
  process.exitCode = 2;
});
