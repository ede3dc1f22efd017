import type { Recognizer } from '../recognizer.js';

/** EPIC (voter id): three letters + seven digits; 0.4 when the second letter is one the Commission issues, else 0.3. */
export const inVoterRecognizer: Recognizer = {
  id: 'in-voter',
  type: 'IN_VOTER',
  pack: 'in',
  patterns: [
    { name: 'Voter (medium)', regex: /(?<![\w])[A-Z][ABCDGHJKMNPRSY][A-Z]\d{7}(?![\w])/g, score: 0.4 },
    { name: 'Voter (weak)', regex: /(?<![\w])[A-Z]{3}\d{7}(?![\w])/g, score: 0.3 },
  ],
  context: ['voter', 'voter id', 'epic', 'elector photo identity card', 'election commission'],
};
