import type { Recognizer } from '../recognizer.js';

/**
 * UMID (Unified Multi-Purpose ID) common reference number: 12 digits, printed 4-7-1
 * (`0111-2345678-9`, 0.5) or bare (0.3). No published check: context words decide.
 */
export const phUmidRecognizer: Recognizer = {
  id: 'ph-umid',
  type: 'PH_UMID',
  pack: 'ph',
  patterns: [
    { name: 'UMID (dashed)', regex: /(?<![\w\-.])\d{4}-\d{7}-\d(?![\w]|[\-.]\d)/g, score: 0.5 },
    { name: 'UMID (bare)', regex: /(?<![\w\-.])\d{12}(?![\w]|[\-.]\d)/g, score: 0.3 },
  ],
  context: ['umid', 'umid number', 'umid card', 'unified multi-purpose id', 'unified multipurpose id', 'crn', 'common reference number', 'sss', 'gsis', 'philhealth', 'pag-ibig'],
};
