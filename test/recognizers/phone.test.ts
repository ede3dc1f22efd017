import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('PHONE_NUMBER', () => {
  it.each([
    // international (E.164 with +, or 00)
    ['+44 20 7946 0958', 0.6],
    ['+1 (415) 555-0132', 0.6],
    ['+1 415-555-0132', 0.6],
    ['+14155550132', 0.6],
    ['+49 30 12345678', 0.6],
    ['+33 1 23 45 67 89', 0.6],
    ['+91 98765 43210', 0.6],
    ['+81 3-1234-5678', 0.6],
    ['+86 138 0013 8000', 0.6],
    ['+44 (0)20 7946 0958', 0.6],
    ['0044 20 7946 0958', 0.6],
    ['+55 11 91234 5678', 0.6],
    // NANP
    ['212-555-0143', 0.4],
    ['(415) 555-0132', 0.4],
    ['415.555.0132', 0.4],
    ['1-800-555-0199', 0.4],
    // trunk-prefixed national
    ['020 7946 0958', 0.4], // UK
    ['07700 900123', 0.4], // UK mobile
    ['030 12345678', 0.4], // DE
    ['089/1234567', 0.4], // DE
    ['01 23 45 67 89', 0.4], // FR
    ['06-12345678', 0.4], // NL
    ['(02) 9876 5432', 0.4], // AU
    ['03-1234-5678', 0.4], // JP
    ['010-1234-5678', 0.4], // KR
    // national shapes without a trunk prefix: below the default threshold until context lifts them
    ['912 345 678', 0.25], // ES
    ['98765 43210', 0.25], // IN
    ['138 0013 8000', 0.25], // CN
    ['(11) 91234-5678', 0.25], // BR
  ])('finds %j with base score %d', (value, score) => {
    expect(found(`Numbers: ${value} here`, 'PHONE_NUMBER', { contextWindow: 0 })).toEqual([{ value, score }]);
  });

  it('lifts a number by a context word before it', () => {
    expect(found('Call me on 212-555-0143', 'PHONE_NUMBER')).toEqual([{ value: '212-555-0143', score: 0.75 }]);
    expect(found('my mobile: 4155550132', 'PHONE_NUMBER')[0]?.score).toBeCloseTo(0.45);
  });

  it.each([
    ['text630-596-1111'], // glued to a word (Presidio #1301)
    ['212-555-0143abc'],
    ['GUID 123e4567-e89b-12d3-a456-426614174000'], // Presidio #71
    ['card 4111 1111 1111 1111'],
    ['SSN 536-22-8741'],
    ['date 2024-02-29 and 01.02.2023'],
    ['IP 192.168.10.1'],
    ['amount 1 000 000'],
    ['ISBN 978-3-16-148410-0'],
    ['+1 415 555 01'], // too short for +1
    ['+44 20 7946 09581'], // too long for +44
    ['+1234567890123456'], // over 15 digits
    ['123-555-0143'], // NANP area code cannot start with 1
    ['12.05.2023 14'], // mixed separators
    ['tax id 86 095 742 719'], // head of a longer identifier
    ['version 1.2.3.4'],
  ])('does not take %j for a phone number', (text) => {
    expect(values(text, 'PHONE_NUMBER')).toEqual([]);
  });

  it('lifts a plain national shape over the default threshold with a context word', () => {
    expect(found('móvil 612 345 678', 'PHONE_NUMBER')[0]?.score).toBeCloseTo(0.6);
  });

  it('reads a 00 prefix only at the start of a run, not inside other digit groups', () => {
    expect(values('ref 3704 0044 0532 0130 00', 'PHONE_NUMBER')).toEqual([]);
  });

  it('separates a number from a neighbouring year joined by a space', () => {
    expect(values('in 2023 212 555 0143 was used', 'PHONE_NUMBER')).toEqual(['212 555 0143']);
  });

  it('trims an unbalanced closing parenthesis', () => {
    expect(values('(call 212-555-0143)', 'PHONE_NUMBER')).toEqual(['212-555-0143']);
  });
});
