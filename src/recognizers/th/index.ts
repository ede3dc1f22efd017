/** Pack `th`: one recognizer per file, re-exported here. */
export * from './tnin.js';
