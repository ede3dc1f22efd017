/** Prose with and without personal data, shared by the model benchmarks so they read the same text. */
export const SENTENCES: readonly string[] = [
  'Dear Maria Gonzalez, your appointment at St. Mary Hospital on March 3, 2024 is confirmed.',
  'Call us at +1 (415) 555-0199 or write to maria.gonzalez@example.com before Friday.',
  'Jean Dupont from Lyon works for Airbus and moved to 1420 Oak Street, Springfield last year.',
  'The weather was fine and we talked about the new project for a while before lunch.',
  'Please send the signed contract to Anna Berg at Nordic Shipping AB in Oslo by next Tuesday.',
  'Our records show that the invoice number 48213 was paid on 12 January 2023 by bank transfer.',
  'The patient reported mild pain in the left knee after the walk and was given ice.',
  'Kenji Tanaka (kenji.t@example.jp) asked for the report to be sent to the Osaka office.',
];
