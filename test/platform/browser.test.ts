import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import * as browserPlatform from '../../src/platform/browser.js';
import * as nodePlatform from '../../src/platform/node.js';

describe('the browser platform (what the browser build has in place of the Node one)', () => {
  it('exports the same names as the Node platform', () => {
    expect(Object.keys(browserPlatform).sort()).toEqual(Object.keys(nodePlatform).sort());
  });

  it('refuses to read a model folder, and says to give a URL', async () => {
    const error = await browserPlatform.readLocalFile('/models/pii-local-small', 'gliner_config.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Node build.*URL/) });
  });

  it('does not look for the bundled model on disk, and says to give a URL', async () => {
    const error = await browserPlatform.findFolderUp(import.meta.url, 'models/pii-local-small', 'gliner_config.json', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'model_load_failed', message: expect.stringMatching(/Node build.*URL/) });
  });
});
