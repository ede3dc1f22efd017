#!/usr/bin/env node
// Writes DIR/manifest.json: size and SHA-256 (subresource-integrity form) of every model file, so
// loaders and the browser model cache can tell the right bytes from a wrong answer.
// Usage: node models/scripts/write-manifest.mjs models/pii-local-small
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

const MODEL_FILES = /^(gliner_config\.json|tokenizer\.json|tokenizer_config\.json|.*\.onnx)$/;

export function manifestOf(dir) {
  const files = {};
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (MODEL_FILES.test(name)) {
        const bytes = readFileSync(path);
        files[relative(dir, path).split(sep).join('/')] = {
          size: bytes.byteLength,
          integrity: `sha256-${createHash('sha256').update(bytes).digest('base64')}`,
        };
      }
    }
  };
  walk(dir);
  return { name: basename(dir), files };
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: write-manifest.mjs MODEL_DIR');
    process.exit(2);
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestOf(dir), null, 1)}\n`);
  console.log(`wrote ${join(dir, 'manifest.json')}`);
}
