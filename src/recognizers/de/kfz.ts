import type { Recognizer } from '../recognizer.js';

/**
 * KFZ-Kennzeichen: district (1–3 letters, umlauts allowed), 1–2 letters, 1–4 digits, optional E
 * (electric) or H (historic), separated by spaces or hyphens. 0.3, no validation.
 */
export const deKfzRecognizer: Recognizer = {
  id: 'de-kfz',
  type: 'DE_KFZ',
  pack: 'de',
  patterns: [{ name: 'KFZ-Kennzeichen', regex: /(?<![\w\-ÄÖÜäöüß])[A-ZÄÖÜ]{1,3}[ \-][A-Z]{1,2}[ \-][1-9]\d{0,3}[EH]?(?![\wÄÖÜäöüß]|-\w)/g, score: 0.3 }],
  context: ['kennzeichen', 'kfz-kennzeichen', 'kraftfahrzeugkennzeichen', 'nummernschild', 'fahrzeugkennzeichen', 'zulassung', 'kfz', 'fahrzeug', 'pkw', 'lkw', 'fahrzeugschein', 'amtliches kennzeichen'],
};
