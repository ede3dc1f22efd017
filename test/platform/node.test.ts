import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFolderUp, readLocalFile } from '../../src/platform/node.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MODEL = join(ROOT, 'models', 'pii-local-small');

describe('the Node platform', () => {
  it('reads a file of a folder given as a path or as a file: URL', async () => {
    const byPath = await readLocalFile(MODEL, 'gliner_config.json');
    const byUrl = await readLocalFile(pathToFileURL(`${MODEL}/`), 'gliner_config.json');
    expect(JSON.parse(new TextDecoder().decode(byPath))).toEqual(JSON.parse(new TextDecoder().decode(byUrl)));
  });

  it("rejects with Node's ENOENT for an absent file", async () => {
    await expect(readLocalFile(MODEL, 'absent.json')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('finds a folder beside a module or in a folder above it, and stops after the given levels', async () => {
    const module = pathToFileURL(join(ROOT, 'src', 'engine', 'model-source.ts')).href;
    expect(await findFolderUp(module, 'models/pii-local-small', 'gliner_config.json', 5)).toBe(MODEL);
    expect(await findFolderUp(module, 'models/pii-local-small', 'gliner_config.json', 1)).toBeUndefined();
    expect(await findFolderUp(module, 'models/pii-local-small', 'absent.json', 5)).toBeUndefined();
  });
});
