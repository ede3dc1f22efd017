/** Pack `ca`: one recognizer per file, re-exported here. */
export * from './postal-code.js';
export * from './sin.js';
