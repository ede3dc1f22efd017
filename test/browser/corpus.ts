/** Inputs shared by the browser tests: mixed PII, non-ASCII and astral characters (UTF-16 offsets), a long text. */
export const TEXTS: string[] = [
  'Dear Maria Gonzalez, your appointment at St. Mary Hospital on March 3, 2024 is confirmed. Call us at +1 (415) 555-0199 or write to maria.gonzalez@example.com .',
  'John Smith works at Acme Corp in Berlin.',
  'Ship to: 1420 Oak Street, Apt 5, Springfield, IL 62704',
  'Frau Zoë Müller 👩‍⚕️ aus Köln, Tel. +49 221 1234567, IBAN DE89 3704 0044 0532 0130 00.',
  'Nothing personal here, just the weather report for tomorrow.',
  Array.from({ length: 20 }, (_, i) => `Entry ${i}: patient Anna Berg (anna.berg${i}@example.org) saw Dr. Okafor in Lyon.`).join(' '),
];

/** Model prompts the parity tests ask for. Threshold 0 keeps every span the greedy decoder picks, so there is much to compare. */
export const MODEL_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'STREET_ADDRESS', 'DATE_TIME', 'EMAIL', 'PHONE_NUMBER'];

export const ALL_TYPES = ['PERSON', 'EMAIL', 'PHONE_NUMBER', 'ORGANIZATION', 'LOCATION', 'DATE_TIME', 'IBAN_CODE', 'STREET_ADDRESS'];

export const CSV = [
  'id,name,email,notes',
  '1,Maria Gonzalez,maria.gonzalez@example.com,"Call +1 (415) 555-0199, after 5pm"',
  '2,John Smith,john.smith@example.org,"Multi-line note:',
  'works at Acme Corp"',
  '3,Zoë Müller,zoe@example.de,IBAN DE89 3704 0044 0532 0130 00',
  '4,Anna Berg,,nothing to see here',
  '',
].join('\r\n');
