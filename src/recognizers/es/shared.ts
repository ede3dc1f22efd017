/** Helpers shared by more than one recognizer of pack `es`. */
export const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function nifLetterMatches(number: string, letter: string): boolean {
  return /^\d{8}$/.test(number) && LETTERS[Number(number) % 23] === letter;
}
