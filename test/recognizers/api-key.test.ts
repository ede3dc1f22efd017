import { describe, expect, it } from 'vitest';
import { heuristicTypes, recognize } from '../../src/recognizers/registry.js';
import { found, values } from './helpers.js';

// Fake credentials are assembled at run time so the source holds no token-shaped literal.
const CHARS = 'Q7xZ2mB9kR4tW8nV3pL6hJ5cF1dS0gY';
const fill = (n: number, chars = CHARS): string => Array.from({ length: n }, (_, i) => chars[(i * 7) % chars.length]).join('');
const UPPER = 'Q7Z2MB9KR4TW8NV3PL6HJ5CF1DS0GY';
const join = (...parts: string[]): string => parts.join('');

const awsId = join('AK', 'IA', fill(16, UPPER));
const awsSecret = fill(38) + '/+';
const githubToken = join('gh', 'p_', fill(36));
const githubApp = join('gh', 's_', fill(20), '.', fill(30));
const githubPat = join('github', '_pat_', fill(82));
const googleKey = join('AI', 'za', fill(35));
const slackToken = join('xo', 'xb-', '1234567890-', fill(24));
const stripeKey = join('sk', '_live_', fill(28));
const jwt = join('ey', 'J', fill(20), '.', 'ey', 'J', fill(30), '.', fill(43));

describe('API_KEY', () => {
  it.each([
    ['AWS access key id', awsId, 0.9],
    ['GitHub token', githubToken, 0.9],
    ['GitHub App token', githubApp, 0.9],
    ['GitHub fine-grained token', githubPat, 0.9],
    ['Google API key', googleKey, 0.9],
    ['Slack token', slackToken, 0.85],
    ['Stripe secret key', stripeKey, 0.9],
    ['JSON Web Token', jwt, 0.6],
  ])('finds a %s at its base score', (_name, value, score) => {
    expect(found(`value: ${value}.`, 'API_KEY', { contextWindow: 0 })).toEqual([{ value, score }]);
  });

  it('finds an AWS secret only after its credential name, without the name', () => {
    expect(found(`aws_secret_access_key = ${awsSecret}`, 'API_KEY', { contextWindow: 0 })).toEqual([{ value: awsSecret, score: 0.8 }]);
    expect(found(`AWS_SECRET_ACCESS_KEY="${awsSecret}"`, 'API_KEY', { contextWindow: 0 })).toEqual([{ value: awsSecret, score: 0.8 }]);
    expect(values(`checksum = ${awsSecret}`, 'API_KEY')).toEqual([]);
  });

  it('lifts a JWT after "Bearer"', () => {
    expect(found(`Authorization: Bearer ${jwt}`, 'API_KEY')[0]?.score).toBeCloseTo(0.95);
  });

  it.each([
    ['AWS id too short', join('AK', 'IA', fill(15, UPPER))],
    ['AWS id with lower case', join('AK', 'IA', fill(16))],
    ['AWS id glued to a letter', join('X', 'AK', 'IA', fill(16, UPPER))],
    ['GitHub token too short', join('gh', 'p_', fill(35))],
    ['GitHub token too long', join('gh', 'p_', fill(37))],
    ['unknown GitHub prefix', join('gh', 'x_', fill(36))],
    ['lower-case vendor prefix', join('ai', 'za', fill(35))],
    ['Slack body too short', join('xo', 'xb-', '12345')],
    ['publishable Stripe key', join('pk', '_live_', fill(28))],
    ['Stripe key too short', join('sk', '_live_', fill(20))],
    ['JWT with a short segment', join('ey', 'J', fill(20), '.', 'ey', 'J', fill(4), '.', fill(43))],
    ['two-segment JWT', join('ey', 'J', fill(20), '.', 'ey', 'J', fill(30))],
  ])('rejects %s', (_name, text) => {
    expect(values(`value ${text} end`, 'API_KEY')).toEqual([]);
  });

  it('is off unless named, and reachable by aliases', () => {
    expect(heuristicTypes()).not.toContain('API_KEY');
    expect(heuristicTypes({ all: true })).toContain('API_KEY');
    expect(recognize(`key ${githubToken}`).map((s) => s.label)).not.toContain('API_KEY');
    expect(values(`id ${awsId}`, 'AWS_ACCESS_KEY')).toEqual([awsId]);
  });

  it('stays linear on long runs of key characters', () => {
    const text = join('gh', 's_a.').repeat(20_000) + ' ' + join('ey', 'Jaaaaaaaaa.').repeat(20_000) + ' ' + join('xo', 'xb-').repeat(20_000);
    const t0 = performance.now();
    recognize(text, { types: ['API_KEY'] });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
