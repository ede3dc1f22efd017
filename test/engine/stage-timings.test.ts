/**
 * The opt-in `timings` sink (benchmarks): every stage that ran gets its milliseconds, results stay
 * the same, and across the worker host the stage times come back as one event before the reply.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { StageTimings } from '../../src/engine/timings.js';
import { createEngineHost } from '../../src/worker/host.js';
import { toWire } from '../../src/worker/pack-texts.js';
import type { HostBridge, HostEvent } from '../../src/worker/protocol.js';

const SMALL = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small');
const TEXTS = ['Dear Maria Gonzalez, write to maria.gonzalez@example.com about St. Mary Hospital.', 'nothing here', 'Call John Smith at +1 (415) 555-0199.'];
const OPTIONS = { method: 'gliner+heuristics' as const, types: ['PERSON', 'ORGANIZATION', 'EMAIL', 'PHONE_NUMBER'], threshold: 0.3 };

describe('stage timings', () => {
  const engine = createEngine({ model: SMALL, modelOptions: { backend: 'wasm' } });
  afterAll(() => engine.dispose());

  it('fills every stage that ran and leaves the results as they were', async () => {
    const plain = await engine.detect(TEXTS, OPTIONS);
    const timings: StageTimings = {};
    const timed = await engine.detect(TEXTS, { ...OPTIONS, timings });
    expect(timed).toEqual(plain);
    for (const k of ['prepareMs', 'tensorsMs', 'runMs', 'decodeMs', 'heuristicsMs', 'mergeMs'] as const) {
      expect(timings[k], k).toBeGreaterThanOrEqual(0);
    }
    expect(timings.runs).toBeGreaterThanOrEqual(1);
    expect(timings.workerMs).toBeUndefined();
  });

  it('adds to what the sink holds, so one object can sum several calls', async () => {
    const timings: StageTimings = {};
    await engine.detect(TEXTS, { ...OPTIONS, timings });
    const runs = timings.runs!;
    await engine.detect(TEXTS, { ...OPTIONS, timings });
    expect(timings.runs).toBe(2 * runs);
  });

  it('comes back from the worker host as one event before the reply, with the time in the worker', async () => {
    const events: HostEvent[] = [];
    const bridge: HostBridge = {
      event: (e) => void events.push(e),
      flush() {},
      complete: async () => ({ ok: false, error: { name: 'EngineError', code: 'llm_not_configured', message: 'none' } }),
    };
    const host = createEngineHost();
    host.init({ model: SMALL, modelOptions: { backend: 'wasm' }, modelCache: false, loadCall: 0 }, bridge);
    const t0 = performance.now();
    const reply = await host.detect(3, toWire(TEXTS).wire, { ...OPTIONS, reportProgress: false, reportTimings: true });
    const wall = performance.now() - t0;
    expect(reply.ok).toBe(true);
    const sent = events.filter((e): e is Extract<HostEvent, { kind: 'timings' }> => e.kind === 'timings');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.call).toBe(3);
    expect(sent[0]!.timings.runMs).toBeGreaterThan(0);
    expect(sent[0]!.timings.workerMs).toBeLessThanOrEqual(wall + 1);

    await host.detect(4, toWire(TEXTS).wire, { ...OPTIONS, reportProgress: false });
    expect(events.filter((e) => e.kind === 'timings')).toHaveLength(1); // not asked, not sent
    await host.dispose();
  });
});
