/** Finding a catalogue title from what the clerk reads on the paper form. */
import type { Publication } from '../../../shared/contract/types';
import { foldForMatch } from '../../../shared/domain/text';

function words(text: string): string[] {
  return foldForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function isbnDigits(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Titles where every typed word starts a word of the title or subtitle ("supply
 * chains", "borno adam"), or whose ISBN / E-ISBN contains the typed digits, with or
 * without hyphens ("978-92-9068-805-1", "9789290688051", "805-1").
 */
export function matchPublications(query: string, publications: readonly Publication[], limit = 8): Publication[] {
  const typed = words(query);
  if (typed.length === 0) return [];
  const digits = isbnDigits(query);
  const looksLikeIsbn = /^[\dX]{3,13}$/.test(digits);
  return publications
    .filter((p) => {
      if (looksLikeIsbn && [p.isbn, p.eisbn].some((isbn) => isbn !== '' && isbn.includes(digits))) return true;
      const titleWords = words(`${p.title} ${p.subtitle}`);
      return typed.every((w) => titleWords.some((t) => t.startsWith(w)));
    })
    .slice(0, limit);
}

/** The one catalogue title whose full title is exactly what was typed (accents and case aside). */
export function exactTitle(text: string, publications: readonly Publication[]): Publication | null {
  const folded = foldForMatch(text);
  if (folded === '') return null;
  const found = publications.filter((p) => foldForMatch(p.title) === folded);
  return found.length === 1 ? found[0]! : null;
}
