/** Helpers shared by more than one recognizer of pack `au`. */
import { allSameDigit } from '../checksums.js';

export const L = '(?<![\\w\\-.])';
export const R = '(?![\\w]|[\\-.]\\d)';
export const re = (source: string) => new RegExp(L + source + R, 'g');
export const common = { pack: 'au' as const, invalidate: (v: string) => allSameDigit(v) };
