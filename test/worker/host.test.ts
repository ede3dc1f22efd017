/**
 * The worker's engine host driven in-process (no Worker, no Comlink): call ids, cancel, the error
 * shapes that cross the boundary, progress through the bridge, and packed replies.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import { createEngineHost } from '../../src/worker/host.js';
import { fromWire, toWire } from '../../src/worker/pack-texts.js';
import type { HostBridge, HostEvent } from '../../src/worker/protocol.js';
import { fromWireError, toWireError } from '../../src/worker/wire-errors.js';

function bridge(events: HostEvent[] = []): HostBridge {
  return {
    event: (e) => void events.push(e),
    flush() {},
    complete: async () => ({ ok: false, error: { name: 'EngineError', code: 'llm_not_configured', message: 'none' } }),
  };
}

const init = { modelCache: false as const, loadCall: 0 };
const heuristics = { method: 'heuristics' as const, types: ['EMAIL', 'PHONE_NUMBER'], threshold: 0.3 };

describe('createEngineHost', () => {
  it('detects and redacts with progress through the bridge, ending at the total', async () => {
    const events: HostEvent[] = [];
    const host = createEngineHost();
    expect(host.init(init, bridge(events)).ok).toBe(true);
    const texts = ['mail ann@example.com', 'nothing', 'call +1 (415) 555-0199'];
    const detected = await host.detect(1, toWire(texts).wire, { ...heuristics, reportProgress: true });
    expect(detected.ok && detected.value.map((d) => d.spans.map((s) => s.label))).toEqual([['EMAIL'], [], ['PHONE_NUMBER']]);
    const progress = events.filter((e) => e.kind === 'progress' && e.call === 1);
    expect(progress.at(-1)).toMatchObject({ done: 3, total: 3 });

    const redacted = await host.redact(2, toWire(texts).wire, { ...heuristics, reportProgress: false, displayLabels: { EMAIL: 'email' } });
    expect(redacted.ok).toBe(true);
    if (redacted.ok) expect(fromWire(redacted.value.texts)).toEqual(['mail [email]', 'nothing', 'call [PHONE_NUMBER]']);
    await host.dispose();
  });

  it('returns the aborted code for a call canceled by its id, and serves the next call', async () => {
    const host = createEngineHost();
    host.init(init, bridge());
    const many = Array.from({ length: 400 }, (_, i) => `row ${i} ${'word '.repeat(300)} x${i}@example.com`);
    const pending = host.detect(7, toWire(many).wire, { ...heuristics, reportProgress: false });
    host.cancel(7);
    host.cancel(12345); // unknown ids are ignored
    const reply = await pending;
    expect(reply).toEqual({ ok: false, error: { name: 'AbortError', message: 'the operation was aborted' } });
    expect(fromWireError(reply.ok ? { name: '', message: '' } : reply.error)).toMatchObject({ code: 'aborted' });
    const next = await host.detect(8, toWire(['a@b.co']).wire, { ...heuristics, reportProgress: false });
    expect(next.ok).toBe(true);
    await host.dispose();
  });

  it('beats the heartbeat of a call that asked, while the model works on a long text', async () => {
    const events: HostEvent[] = [];
    const host = createEngineHost();
    host.init(init, bridge(events));
    const long = Array.from({ length: 400 }, (_, i) => `Line ${i}: Maria Gonzalez wrote to the office in Lisbon about invoice ${i}.`).join(' ');
    const gliner = { method: 'gliner' as const, types: ['PERSON'], threshold: 0.5, reportProgress: false };
    expect((await host.detect(3, toWire([long]).wire, { ...gliner, reportWork: true })).ok).toBe(true);
    expect(events.filter((e) => e.kind === 'work' && e.call === 3).length).toBeGreaterThanOrEqual(1);
    expect((await host.redact(4, toWire([long]).wire, { ...gliner, reportWork: false })).ok).toBe(true);
    expect(events.filter((e) => e.kind === 'work' && e.call === 4)).toEqual([]);
    await host.dispose();
  }, 60_000);

  it('refuses calls before init with an engine code', async () => {
    const reply = await createEngineHost().detect(1, toWire(['x']).wire, { ...heuristics, reportProgress: false });
    expect(reply.ok ? undefined : reply.error.code).toBe('invalid_input');
  });

  it('marks packed replies for transfer', async () => {
    const marked: Transferable[][] = [];
    const host = createEngineHost((value, list) => (marked.push(list), value));
    host.init(init, bridge());
    const big = Array.from({ length: 3000 }, (_, i) => `${i} ${'.'.repeat(100)} a${i}@example.com`);
    const reply = await host.redact(3, toWire(big).wire, { ...heuristics, reportProgress: false });
    expect(reply.ok && 'packed' in reply.value.texts).toBe(true);
    expect(marked).toHaveLength(1);
    await host.dispose();
  });
});

describe('wire errors', () => {
  it('keeps an engine error code and message', () => {
    const back = fromWireError(toWireError(new EngineError('model_load_failed', 'tokenizer.json is missing'), 'in the worker'));
    expect(back).toBeInstanceOf(EngineError);
    expect(back).toMatchObject({ code: 'model_load_failed', message: 'tokenizer.json is missing' });
  });

  it('drops the message of a foreign error, which may quote the scanned text', () => {
    const wire = toWireError(new SyntaxError('Unexpected token in "Maria Gonzalez, 555-0199"'), 'in the worker');
    expect(wire).toEqual({ name: 'SyntaxError', message: 'internal error in the worker (SyntaxError)' });
    expect(JSON.stringify(wire)).not.toContain('Maria');
  });
});
