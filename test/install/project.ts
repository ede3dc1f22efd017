/**
 * The package as a user gets it: the tarball `npm pack` makes (its `prepare` script builds `dist/`),
 * installed into a fresh project outside the repo together with the bundlers the README talks
 * about, and a static server for what those bundlers build.
 *
 * The project is installed from npm's cache (`npm ci --offline`): its lockfile is the tarball plus the
 * entries of the repo's own lockfile that the tarball and the bundlers need, so the versions are the
 * ones the repo's `npm install` already fetched. A cache that lacks one of them (a machine whose
 * npm cache was cleared) falls back to the registry.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../browser/harness.js';

const run = promisify(execFile);

export interface Tarball {
  /** Absolute path of the `.tgz`. */
  path: string;
  /** Compressed bytes. */
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/** The bundlers the test apps use, at the repo's versions (devDependencies). */
export const BUNDLERS = ['vite', 'rollup', '@rollup/plugin-node-resolve', '@rollup/plugin-commonjs'] as const;

/** Packs the repo into `dest` the way `npm publish` would (scripts run, so `dist/` is built now). */
export async function packTarball(dest: string): Promise<Tarball> {
  mkdirSync(dest, { recursive: true });
  const { stdout } = await npm(['pack', '--json', '--pack-destination', dest], ROOT);
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; size: number; unpackedSize: number; files: Tarball['files'] }>;
  return { path: join(dest, info!.filename), size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files };
}

export interface Project {
  dir: string;
  /** False when npm's cache lacked a package and the registry was asked. */
  offline: boolean;
}

/** A fresh project in the system's temp folder with `pii-local` installed from `tarball`, and the bundlers. */
export async function installProject(tarball: string): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'pii-local-install-'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const file = basename(tarball);
  copyFileSync(tarball, join(dir, file));
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;

  const dependencies = { 'pii-local': `file:${file}` };
  const devDependencies = Object.fromEntries(BUNDLERS.map((name) => [name, pkg.devDependencies[name]!]));
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', dependencies, devDependencies },
    'node_modules/pii-local': { version: pkg.version, resolved: `file:${file}`, integrity, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  const copy = (at: string, entry: LockEntry, dev: boolean) => {
    const { devOptional: _o, extraneous: _e, dev: _d, ...rest } = entry;
    packages[at] = dev ? { ...rest, dev: true } : rest;
  };
  for (const [at, entry] of closure(lock.packages, 'node_modules/pii-local', pkg.dependencies)) copy(at, entry, false);
  for (const [at, entry] of closure(lock.packages, '', devDependencies)) if (!(at in packages)) copy(at, entry, true);

  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, devDependencies }, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2));

  const ci = ['ci', '--ignore-scripts', '--no-audit', '--no-fund'];
  try {
    await npm([...ci, '--offline'], dir);
    return { dir, offline: true };
  } catch (error) {
    if (!/ENOTCACHED/.test(String((error as { stderr?: string }).stderr))) throw error;
    await npm([...ci, '--prefer-offline'], dir);
    return { dir, offline: false };
  }
}

interface PackageJson {
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

interface LockEntry {
  [key: string]: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The lockfile entries that `deps`, needed by the package at `from`, resolve to, and theirs in turn,
 * found as Node finds them: in `from`'s own node_modules, then in each folder above. Optional
 * dependencies the lockfile lacks (other platforms' binaries) and optional peers are left out.
 */
function closure(packages: Record<string, LockEntry>, from: string, deps: Record<string, string>): Map<string, LockEntry> {
  const found = new Map<string, LockEntry>();
  const locate = (base: string, name: string): string | undefined => {
    for (;;) {
      const at = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (packages[at]) return at;
      if (!base) return undefined;
      const i = base.lastIndexOf('/node_modules/');
      base = i === -1 ? '' : base.slice(0, i);
    }
  };
  const visit = (base: string, names: string[], optional: boolean) => {
    for (const name of names) {
      const at = locate(base, name);
      if (at === undefined) {
        if (optional) continue;
        throw new Error(`package-lock.json has no ${name} for ${base || 'the project'}: run npm install in the repo`);
      }
      if (found.has(at)) continue;
      const entry = packages[at]!;
      found.set(at, entry);
      const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional);
      visit(at, [...Object.keys(entry.dependencies ?? {}), ...peers], false);
      visit(at, Object.keys(entry.optionalDependencies ?? {}), true);
    }
  };
  visit(from, Object.keys(deps), false);
  return found;
}

function npm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
}
