import { allSameDigit, verhoeff } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

export const ngNinRecognizer: Recognizer = {
  id: 'ng-nin',
  type: 'NG_NIN',
  pack: 'ng',
  patterns: [{ name: 'NIN', regex: /(?<![\w\-.])\d{11}(?![\w]|[\-.]\d)/g, score: 0.01 }],
  context: ['nin', 'national identification number', 'national identity number', 'nimc', 'national id', 'identity number'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: (value) => verhoeff(value),
  invalidate: allSameDigit,
};
