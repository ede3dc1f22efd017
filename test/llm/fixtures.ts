/** Sample texts and model answers (as a chat model would write them) for the LLM tests. */

export const NOTE = 'Contact Maria Garcia at maria.garcia@example.com or +1 415 555 0199. Maria Garcia lives in Lisbon.';

export const at = (text: string, value: string, from = 0): number => {
  const i = text.indexOf(value, from);
  if (i < 0) throw new Error(`fixture value not in fixture text: ${value}`);
  return i;
};

/** Well-formed JSON, correct offsets, both mentions of the name listed. */
export const GOOD_ANSWER = JSON.stringify({
  entities: [
    { type: 'PERSON', text: 'Maria Garcia', start: at(NOTE, 'Maria Garcia') },
    { type: 'EMAIL', text: 'maria.garcia@example.com', start: at(NOTE, 'maria.garcia@example.com') },
    { type: 'PHONE_NUMBER', text: '+1 415 555 0199', start: at(NOTE, '+1 415 555 0199') },
    { type: 'PERSON', text: 'Maria Garcia', start: at(NOTE, 'Maria Garcia', at(NOTE, 'Maria Garcia') + 1) },
  ],
});

/** The same in a code fence, with prose around, a trailing comma and an alias type name. */
export const FENCED_ANSWER = [
  'Sure! Here are the entities I found [as requested]:',
  '',
  '```json',
  '{',
  '  "entities": [',
  `    {"type": "EMAIL_ADDRESS", "text": "maria.garcia@example.com", "start": ${at(NOTE, 'maria.garcia@example.com')}},`,
  `    {"type": "phone number", "text": "+1 415 555 0199", "start": ${at(NOTE, '+1 415 555 0199')}},`,
  '  ]',
  '}',
  '```',
  '',
  'Let me know if you need anything else.',
].join('\n');

/** Answers that hold no JSON at all. */
export const MALFORMED_ANSWERS = [
  'I found a person named Maria and an e-mail address.',
  '{"entities": [{"type": "PERSON", "text": "Maria Garcia"',
  '```json\nnot json\n```',
  '',
];

/** Offsets off by a few characters (models count badly), and one beyond the text. */
export const WRONG_OFFSET_ANSWER = JSON.stringify({
  entities: [
    { type: 'EMAIL', text: 'maria.garcia@example.com', start: at(NOTE, 'maria.garcia@example.com') + 3 },
    { type: 'PERSON', text: 'Maria Garcia', start: at(NOTE, 'Maria Garcia', 20) + 40 }, // nearest is the second mention
    { type: 'PHONE_NUMBER', text: '+1 415 555 0199', start: 10_000 },
  ],
});

/** Values that are not in the text, next to one that is. */
export const HALLUCINATED_ANSWER = JSON.stringify({
  entities: [
    { type: 'PERSON', text: 'John Smith', start: 8 },
    { type: 'EMAIL', text: 'maria@example.com', start: 24 },
    { type: 'LOCATION', text: 'Lisbon' },
  ],
});

/** The name listed once without an offset: every mention must be found. */
export const REPEATED_NO_OFFSET_ANSWER = '[{"type": "PERSON", "text": "Maria Garcia"}]';
