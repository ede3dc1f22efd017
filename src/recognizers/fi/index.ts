/** Pack `fi`: one recognizer per file, re-exported here. */
export * from './personal-identity-code.js';
