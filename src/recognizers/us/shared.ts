/** Helpers shared by more than one recognizer of pack `us`. */
export const L = '(?<![\\w\\-.])';
export const R = '(?![\\w]|[\\-.]\\d)';
export const re = (source: string) => new RegExp(L + source + R, 'g');
