/**
 * Every recognizer runs in time proportional to its input, on inputs built to make backtracking
 * regexes explode (long runs of digits, separators, `@`, dots, spaces). We compare the time on
 * 100 kB with the time on 1 MB of the same pattern: linear code gives ~10x, quadratic ~100x. The
 * bound (50x, half of quadratic) is a ratio, so a slow or busy machine does not fail it; a quadratic pattern does.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { heuristicTypes, recognize } from '../../src/recognizers/registry.js';
import { spanProblems } from './fuzz-support.js';

const SMALL = 100_000;
const LARGE = 1_000_000;
const MAX_RATIO = 50;

/** Adversarial units, repeated to size. Each targets a family of patterns. */
const INPUTS: Record<string, string> = {
  digits: '1234567890',
  zeros: '0',
  'digit-dash': '1-',
  'digit-space': '1 ',
  'digit-dot': '1.',
  'grouped-digits': '4111 ',
  at: '@',
  'at-dot': 'a@a.',
  'dots': '.',
  'word-dots': 'a.',
  spaces: ' ',
  'email-local-run': 'a',
  'plus-paren': '+1 (',
  'hex-colon': 'ab:',
  'ipv6-ish': '1::',
  'ipv4-ish': '1.1.',
  slashes: '1/',
  'url-ish': 'http://a',
  'base58-run': '1BoatSLRHtKNngkdXEeob',
  'iban-ish': 'GB82 WEST ',
  'letters-digits': 'A1',
  'mixed-separators': '1-2.3 4/5:',
  'unicode-digits': '٣𝟏',
};

function build(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function time(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}

describe('recognizers run in linear time on adversarial 1 MB inputs', () => {
  const types = heuristicTypes({ all: true });

  it.each(Object.keys(INPUTS))('%s: 1 MB costs at most 50x what 100 kB costs', (name) => {
    const unit = INPUTS[name]!;
    const small = build(unit, SMALL);
    const large = build(unit, LARGE);
    recognize(small, { types }); // warm up the JIT and the regex caches
    let spans: ReturnType<typeof recognize> = [];
    const measure = () => {
      const tSmall = Math.max(time(() => recognize(small, { types }), 5), 1); // 1 ms floor: timer resolution
      const tLarge = time(() => {
        spans = recognize(large, { types });
      }, 3);
      return { tSmall, tLarge, ratio: tLarge / tSmall };
    };
    // Shared machines stall at random; a quadratic pattern fails both measurements, a stall only one.
    let { tSmall, tLarge, ratio } = measure();
    if (ratio > MAX_RATIO) ({ tSmall, tLarge, ratio } = measure());
    expect(spanProblems(large, spans)).toEqual([]);
    if (ratio > MAX_RATIO) {
      // Name the culprit: time each type alone on the large input.
      const perType = types.map((t) => [t, time(() => recognize(large, { types: [t] }), 1)] as const).sort((a, b) => b[1] - a[1]);
      throw new Error(`${name}: 1 MB took ${tLarge.toFixed(0)} ms vs ${tSmall.toFixed(0)} ms for 100 kB (x${ratio.toFixed(1)}); slowest: ${perType.slice(0, 3).map(([t, ms]) => `${t} ${ms.toFixed(0)} ms`).join(', ')}`);
    }
    expect(ratio).toBeLessThanOrEqual(MAX_RATIO);
  }, 300_000);
});
