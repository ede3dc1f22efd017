import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGliner } from '../../src/gliner/index.js';

const SMALL = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small');

describe('load timings', () => {
  it('reports each stage of a load, the runtime started beside the file reads', async () => {
    const t0 = performance.now();
    const model = await loadGliner(SMALL, { backend: 'wasm' });
    const wall = performance.now() - t0;
    const t = model.loadTimings!;
    for (const k of ['runtime_ms', 'onnx_read_ms', 'tokenizer_ms', 'session_ms', 'total_ms'] as const) {
      expect(Number.isInteger(t[k]), k).toBe(true);
      expect(t[k], k).toBeGreaterThanOrEqual(0);
    }
    expect(t.total_ms).toBeLessThanOrEqual(Math.ceil(wall));
    expect(t.total_ms).toBeGreaterThanOrEqual(t.session_ms);
    // the same stages as User Timing entries, for profilers
    const measured = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('pii-local ') && m.startTime >= t0);
    expect(measured.map((m) => m.name).sort()).toEqual(['pii-local onnx_read', 'pii-local runtime', 'pii-local session', 'pii-local tokenizer']);
    expect(Math.round(measured.find((m) => m.name === 'pii-local session')!.duration)).toBeLessThanOrEqual(t.session_ms + 1);
    await model.dispose();
  });
});
