import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseSpooled, SpooledBlob, spooledCopy } from '../../src/datasets/spooled-blob.js';

/** The spool files of this process (one `pii-local-*` folder per process under the temp folder). */
function spoolFiles(): string[] {
  return readdirSync(tmpdir())
    .filter((d) => d.startsWith('pii-local-'))
    .flatMap((d) => {
      try {
        return readdirSync(join(tmpdir(), d)).filter((f) => f.startsWith('spool-')).map((f) => join(d, f));
      } catch {
        return [];
      }
    });
}

describe('SpooledBlob', () => {
  it('keeps a small Blob in memory, with its pieces in order and strings as UTF-8', async () => {
    const before = spoolFiles();
    const spool = new SpooledBlob(1024);
    await spool.add('Zoë ');
    await spool.add(new Uint8Array([0x4d, 0xc3, 0xbc])); // "Mü" in UTF-8
    await spool.add('ller');
    const blob = await spool.finish('text/csv');
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe('Zoë Müller');
    expect(spoolFiles()).toEqual(before);
  });

  it('moves to a temporary file past its limit, and gives every byte back from there', async () => {
    const before = new Set(spoolFiles());
    const spool = new SpooledBlob(64);
    const pieces = Array.from({ length: 50 }, (_, i) => `row ${i}, Zoë, ${'x'.repeat(i)}\n`);
    for (const p of pieces) await spool.add(p);
    await spool.add(new Uint8Array([0xff, 0x00, 0x80]));
    const blob = await spool.finish('text/plain');
    const created = spoolFiles().filter((f) => !before.has(f));
    expect(created).toHaveLength(1);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const text = pieces.join('');
    expect(new TextDecoder().decode(bytes.subarray(0, bytes.length - 3))).toBe(text);
    expect([...bytes.subarray(bytes.length - 3)]).toEqual([0xff, 0x00, 0x80]);
    expect(blob.type).toBe('text/plain');
    // A slice reads from the file too, after its Blob object is gone from reach.
    expect(await blob.slice(0, 9).text()).toBe('row 0, Zo');

    await releaseSpooled(blob);
    expect(spoolFiles().filter((f) => !before.has(f))).toEqual([]);
    await expect(blob.text()).rejects.toThrow();
  });

  it('deletes its file when discarded, and takes no more pieces once finished', async () => {
    const before = new Set(spoolFiles());
    const spool = new SpooledBlob(8);
    await spool.add('more than eight bytes');
    expect(spoolFiles().filter((f) => !before.has(f))).toHaveLength(1);
    await spool.discard();
    expect(spoolFiles().filter((f) => !before.has(f))).toEqual([]);
    await expect(spool.add('x')).rejects.toThrow(/finished/);
  });

  it('copies bytes the caller may then reuse', async () => {
    const bytes = new Uint8Array(9 * 1024 * 1024).fill(0x61);
    const copy = await spooledCopy(bytes);
    bytes.fill(0x62);
    const back = new Uint8Array(await copy.arrayBuffer());
    expect(back.length).toBe(9 * 1024 * 1024);
    expect(back.every((b) => b === 0x61)).toBe(true);
    await releaseSpooled(copy);
  });
});
