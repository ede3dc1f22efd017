/**
 * Redact before upload: `redactFile` on a CSV `File` inside the page returns a CSV `File` of the
 * same name and type, same header and row count, masked, and byte for byte what Node produces.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactFileWithReport } from '../../src/browser/redact-file.js';
import { parseFile } from '../../src/datasets/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { CSV } from './corpus.js';
import { openTestPage, pageUrl, ROOT, skipReason, useBrowserSession } from './harness.js';

describe.skipIf(skipReason !== undefined)('redactFile in Chromium', () => {
  const session = useBrowserSession();

  it('returns the CSV with the same header and row count, masked', async () => {
    const { page, errors } = await openTestPage(session.browser, pageUrl(session.server));
    await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    const options = { method: 'gliner+heuristics' as const, types: ['PERSON', 'EMAIL', 'PHONE_NUMBER', 'IBAN_CODE'] };
    const out = await page.evaluate(([csv, o]) => window.pii.redactCsv(csv, 'contacts.csv', o), [CSV, options] as const);

    expect(out.name).toBe('contacts.csv');
    expect(out.type).toBe('text/csv');
    expect(out.failed).toBe(0);
    expect(out.text.split('\r\n')[0]).toBe(CSV.split('\r\n')[0]);
    const before = parseFile('contacts.csv', CSV);
    const after = parseFile('contacts.csv', out.text);
    expect(after.records.length).toBe(before.records.length);
    expect(out.records).toBe(before.records.length);
    for (const email of ['maria.gonzalez@example.com', 'john.smith@example.org', 'zoe@example.de', '555-0199', 'DE89 3704']) {
      expect(out.text).not.toContain(email);
    }
    expect(out.text).toContain('[EMAIL]');
    expect(out.text).toContain('nothing to see here'); // text without PII is kept as it was
    expect(out.text.endsWith('\r\n')).toBe(true);

    // the same call in Node gives the same bytes
    const engine = createEngine({ model: join(ROOT, 'models', 'pii-local-small'), modelOptions: { backend: 'wasm', numThreads: 1 } });
    try {
      const inNode = await redactFileWithReport(new File([CSV], 'contacts.csv', { type: 'text/csv' }), { engine, ...options });
      expect(out.text).toBe(await inNode.file.text());
    } finally {
      await engine.dispose();
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
