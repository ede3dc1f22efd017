/** Pack `pl`: one recognizer per file, re-exported here. */
export * from './pesel.js';
