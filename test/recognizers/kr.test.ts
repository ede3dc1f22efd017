import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('KR_RRN', () => {
  it('lifts a pre-2020 number with a valid check digit to 1.0', () => {
    expect(found('RRN 900101-1234568', 'KR_RRN')).toEqual([{ value: '900101-1234568', score: 1 }]);
    expect(found('x 9001011234568', 'KR_RRN')).toEqual([{ value: '9001011234568', score: 1 }]);
  });
  it('keeps a number whose last digits are random (post-2020) at 0.5', () => {
    expect(found('x 900101-1234567', 'KR_RRN', { contextWindow: 0 })).toEqual([{ value: '900101-1234567', score: 0.5 }]);
    expect(found('x 9001011234567', 'KR_RRN', { contextWindow: 0 })).toEqual([{ value: '9001011234567', score: 0.5 }]);
  });
  it.each([['901301-1234568'], ['900132-1234568'], ['900101-5234568'], ['x900101-1234568']])('rejects %j', (text) => {
    expect(values(text, 'KR_RRN')).toEqual([]);
  });
});

describe('KR_FRN', () => {
  it.each(['880415-6142737', '8804156142737'])('finds %s at 1.0 (pre-2020 check digit)', (value) => {
    expect(found(`외국인등록번호 ${value}`, 'KR_FRN')).toEqual([{ value, score: 1 }]);
  });
  it('keeps 0.5 when the check digit fails (post-2020 numbers are random)', () => {
    expect(found('no. 880415-6142738', 'KR_FRN', { contextWindow: 0 })).toEqual([{ value: '880415-6142738', score: 0.5 }]);
  });
  it.each([['880415-1142737'], ['881315-6142737'], ['880415-614273'], ['880415-9142737']])('rejects %j', (text) => {
    expect(values(text, 'KR_FRN')).toEqual([]);
  });
});

describe('KR_BRN', () => {
  it('scores a dashed checksum-valid BRN 0.7, 1.0 after "사업자등록번호"', () => {
    expect(found('no. 214-87-30690', 'KR_BRN', { contextWindow: 0 })).toEqual([{ value: '214-87-30690', score: 0.7 }]);
    expect(found('사업자등록번호 214-87-30690', 'KR_BRN')).toEqual([{ value: '214-87-30690', score: 1 }]);
  });
  it('scores a bare checksum-valid number 0.7 too', () => {
    expect(found('no. 2148730690', 'KR_BRN', { contextWindow: 0 })).toEqual([{ value: '2148730690', score: 0.7 }]);
  });
  it.each([['214-87-30691'], ['2148730691'], ['214-873-0690'], ['214-87-306900']])('rejects %j', (text) => {
    expect(values(text, 'KR_BRN')).toEqual([]);
  });
});

describe('KR_DRIVER_LICENSE', () => {
  it.each([['11-19-123456-78', 0.3], ['111912345678', 0.3], ['99-19-123456-78', 0.05]])('finds %s at %d', (value, score) => {
    expect(found(`no. ${value}`, 'KR_DRIVER_LICENSE', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('lifts it after "운전면허번호"', () => {
    expect(found('운전면허번호 11-19-123456-78', 'KR_DRIVER_LICENSE')[0]?.score).toBeCloseTo(0.65);
  });
  it.each([['11-19-12345-78'], ['11-19-123456-789'], ['11-19 123456-78']])('rejects %j', (text) => {
    expect(values(text, 'KR_DRIVER_LICENSE')).toEqual([]);
  });
});

describe('KR_PASSPORT', () => {
  it.each([['M123A4567', 0.1], ['s987B6543', 0.1], ['M12345678', 0.05]])('finds %s at %d', (value, score) => {
    expect(found(`no. ${value}`, 'KR_PASSPORT', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('lifts it after "여권" or "passport"', () => {
    expect(found('여권 M123A4567', 'KR_PASSPORT')[0]?.score).toBeCloseTo(0.45);
    expect(found('Korean passport number M12345678', 'KR_PASSPORT')[0]?.score).toBeCloseTo(0.4);
  });
  it.each([['A123B4567'], ['M123A45678'], ['M1234567'], ['XM12345678']])('rejects %j (letter, length, boundary)', (text) => {
    expect(values(text, 'KR_PASSPORT')).toEqual([]);
  });
});
