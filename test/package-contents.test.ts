/**
 * What `npm pack` puts in the tarball: the bundled model must be inside it (a `files` pattern that
 * matched a folder but no file under npm 11 once shipped a package without its ONNX model).
 * Scripts are skipped, so this lists files without building `dist/` (test/install/ packs for real).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

interface PackFile { path: string; size: number }

describe('the npm tarball', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = (JSON.parse(out) as Array<{ files: PackFile[] }>)[0]!.files;
  const paths = new Set(files.map((f) => f.path));

  it('holds every file the bundled model loads', () => {
    const cfg = JSON.parse(readFileSync(join(ROOT, 'models', 'pii-local-small', 'gliner_config.json'), 'utf8')) as object;
    expect(cfg).toBeTruthy();
    for (const f of ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'manifest.json', 'README.md']) {
      expect(paths, f).toContain(`models/pii-local-small/${f}`);
    }
    const onnx = files.find((f) => f.path === 'models/pii-local-small/onnx/model_quantized.onnx')!;
    expect(onnx.size).toBe(readFileSync(join(ROOT, 'models', 'pii-local-small', 'onnx', 'model_quantized.onnx')).length);
  });

  it('holds every file package.json points at, and no source maps (they would name sources it leaves out)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; types: string; exports: Record<string, unknown>; bin: Record<string, string> };
    const targets = new Set<string>([pkg.main, pkg.types, ...Object.values(pkg.bin)]);
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(pkg.exports);
    for (const target of targets) {
      if (target.includes('*')) continue;
      expect(paths, target).toContain(target.replace(/^\.\//, ''));
    }
    expect([...paths].filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('leaves out build scratch, tests and the random-weight fixture', () => {
    for (const p of paths) {
      expect(p, p).not.toMatch(/^(test|bench|models\/build|models\/scripts|models\/fixtures|node_modules)\//);
      expect(p, p).not.toMatch(/experiments\.json$|eval\.json$/);
    }
  });
});
