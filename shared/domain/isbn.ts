/** ISBN checks and display, via the isbn3 library (check digits and hyphenation ranges). */
import ISBN from 'isbn3';

/** Returns a clerk-readable problem, or null when the ISBN is valid. */
export function isbnProblem(text: string, label = 'ISBN'): string | null {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^(\d{9}[\dXx]|\d{13})$/.test(digits)) return `${label} must have 10 or 13 digits (hyphens allowed).`;
  const parsed = ISBN.parse(digits);
  if (!parsed || !parsed.isValid) return `${label} ${text} is not valid: its check digit does not match.`;
  return null;
}

/** Canonical stored form: ISBN-13 digits. */
export function normalizeIsbn(text: string): string {
  if (text.trim() === '') return '';
  const parsed = ISBN.parse(text.replace(/\s/g, ''));
  return parsed?.isbn13 ?? text.replace(/[\s-]/g, '');
}

export function hyphenateIsbn(isbn13: string): string {
  if (isbn13 === '') return '';
  return ISBN.hyphenate(isbn13) || isbn13;
}
