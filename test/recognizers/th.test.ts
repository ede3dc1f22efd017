import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('TH_TNIN', () => {
  it.each(['3104700284157', '3-1047-00284-15-7'])('scores %s 0.7 bare (one check digit), 1.0 after "Thai ID"', (value) => {
    expect(found(`no. ${value}`, 'TH_TNIN', { contextWindow: 0 })).toEqual([{ value, score: 0.7 }]);
    expect(found(`Thai ID ${value}`, 'TH_TNIN')).toEqual([{ value, score: 1 }]);
  });
  it.each([['3104700284158'], ['9104700284157'], ['0104700284157'], ['310470028415'], ['3-1047-00284157']])('rejects %j', (text) => {
    expect(values(text, 'TH_TNIN')).toEqual([]);
  });
  it.each([['3004700284158'], ['3294700284156'], ['3884700284151']])('rejects %j (second digit 0, unused province)', (text) => {
    expect(values(text, 'TH_TNIN')).toEqual([]);
  });
});
