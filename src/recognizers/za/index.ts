/** Pack `za`: one recognizer per file, re-exported here. */
export * from './company-registration.js';
export * from './driver-license.js';
export * from './id-number.js';
export * from './income-tax-number.js';
export * from './license-plate.js';
export * from './mobile-number.js';
export * from './passport.js';
export * from './telephone-number.js';
export * from './traffic-register-number.js';
export * from './vat-number.js';
