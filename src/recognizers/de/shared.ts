/** Helpers shared by more than one recognizer of pack `de`. */
export const L = '(?<![\\w\\-.])';
export const R = '(?![\\w]|[\\-.]\\d)';

/** Digit sum of a product below 100 (the German "Quersumme"). */
export function crossSum(n: number): number {
  return Math.floor(n / 10) + (n % 10);
}

/** Letter → its alphabet position as two digits (A → "01", Z → "26"). */
export function letterDigits(letter: string): string {
  return String(letter.charCodeAt(0) - 64).padStart(2, '0');
}

/** Score of a 9-digit LANR/BSNR that passes its check: most nine-digit numbers are neither, context decides. */
export const NINE_DIGIT_MEDICAL_SCORE = 0.3;
