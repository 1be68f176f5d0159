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

/** Whether the typed words begin the title, in order ("ending child" → "Ending child labour, …"). */
function startsTitle(typed: readonly string[], titleWords: readonly string[]): boolean {
  return typed.every((w, i) => {
    const t = titleWords[i];
    return t !== undefined && (i === typed.length - 1 ? t.startsWith(w) : t === w);
  });
}

/**
 * How well a title answers what was typed, lower is better, or null for no match.
 * The list's first entry is taken by Enter, so the order matters: the title the
 * words begin, then one whose own title has every word, then subtitle matches.
 */
function rank(p: Publication, typed: readonly string[], isbn: string | null): number | null {
  if (isbn !== null && [p.isbn, p.eisbn].some((code) => code !== '' && code.includes(isbn))) return 0;
  const titleWords = words(p.title);
  if (startsTitle(typed, titleWords)) return 1;
  const inTitle = (w: string) => titleWords.some((t) => t.startsWith(w));
  if (typed.every(inTitle)) return 2;
  const subtitleWords = words(p.subtitle);
  if (typed.every((w) => inTitle(w) || subtitleWords.some((t) => t.startsWith(w)))) return 3;
  return null;
}

/**
 * Titles where every typed word starts a word of the title or subtitle ("supply
 * chains", "borno adam"), or whose ISBN / E-ISBN contains the typed digits, with or
 * without hyphens ("978-92-9068-805-1", "9789290688051", "805-1"); best match first,
 * catalogue order among equals.
 */
export function matchPublications(query: string, publications: readonly Publication[], limit = 8): Publication[] {
  const typed = words(query);
  if (typed.length === 0) return [];
  const digits = isbnDigits(query);
  const isbn = /^[\dX]{3,13}$/.test(digits) ? digits : null;
  return publications
    .map((p, index) => ({ p, index, rank: rank(p, typed, isbn) }))
    .filter((m): m is { p: Publication; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.p);
}

/** The one catalogue title whose full title is exactly what was typed (accents and case aside). */
export function exactTitle(text: string, publications: readonly Publication[]): Publication | null {
  const folded = foldForMatch(text);
  if (folded === '') return null;
  const found = publications.filter((p) => foldForMatch(p.title) === folded);
  return found.length === 1 ? found[0]! : null;
}
