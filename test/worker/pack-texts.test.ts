import { describe, expect, it } from 'vitest';
import { fromWire, packTexts, PACK_THRESHOLD, toWire, transferablesOfWire, unpackTexts } from '../../src/worker/pack-texts.js';

describe('packTexts / unpackTexts', () => {
  it.each([
    [[] as string[], 'no text'],
    [[''], 'one empty text'],
    [['', 'a', ''], 'empty texts around a letter'],
    [['Zoë 👩‍⚕️ Müller', '日本語'], 'astral and combining characters'],
    [['lone \uD83D high', 'lone \uDC00 low'], 'lone surrogates (TextEncoder would replace them)'],
    [['x'.repeat(20_000)], 'a text longer than one decoding slice'],
  ])('round-trips %j (%s)', (texts) => {
    expect(unpackTexts(packTexts(texts))).toEqual(texts);
  });

  it('keeps small batches plain and packs large ones with their buffers listed for transfer', () => {
    const small = toWire(['a', 'b']);
    expect(small.wire).toEqual({ plain: ['a', 'b'] });
    expect(small.transfer).toEqual([]);
    const texts = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(PACK_THRESHOLD / 50, '.'));
    const large = toWire(texts);
    expect('packed' in large.wire).toBe(true);
    expect(large.transfer).toHaveLength(2);
    expect(transferablesOfWire(large.wire)).toEqual(large.transfer);
    expect(fromWire(large.wire)).toEqual(texts);
  });
});
