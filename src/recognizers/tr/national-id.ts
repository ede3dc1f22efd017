import type { Recognizer } from '../recognizer.js';

export function validateTckn(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const sum10 = d.slice(0, 10).reduce((a, b) => a + b, 0);
  return tenth === d[9] && sum10 % 10 === d[10];
}

export const trNationalIdRecognizer: Recognizer = {
  id: 'tr-national-id',
  type: 'TR_NATIONAL_ID',
  pack: 'tr',
  patterns: [{ name: 'TCKN', regex: /(?<![\w\-.])[1-9]\d{10}(?![\w]|[\-.]\d)/g, score: 0.3 }],
  context: ['tc kimlik', 'kimlik', 'tckn', 'tc no', 'kimlik no', 'vatandaşlık', 'nüfus'],
  validate: validateTckn,
};
