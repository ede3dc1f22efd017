/** Pack `dk`: one recognizer per file, re-exported here. */
export * from './cpr.js';
