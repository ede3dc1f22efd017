/**
 * Australia (pack `au`): ABN, ACN, TFN and Medicare numbers, each with its weighted checksum.
 * Grouped as printed 0.1, bare 0.01 (Presidio's scores); checksum passes → 1.0, fails → dropped.
 */
export * from './abn.js';
export * from './acn.js';
export * from './medicare.js';
export * from './tfn.js';
