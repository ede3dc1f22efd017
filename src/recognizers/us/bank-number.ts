import { allSameDigit } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';
import { re } from './shared.js';

export const usBankNumberRecognizer: Recognizer = {
  id: 'us-bank-number',
  needsDigit: true,
  type: 'US_BANK_NUMBER',
  pack: 'us',
  patterns: [{ name: 'Bank Account (weak)', regex: re('\\d{8,17}'), score: 0.05 }],
  context: ['bank', 'account', 'acct', 'checking', 'saving', 'savings', 'debit', 'deposit'],
  invalidate: allSameDigit,
};
