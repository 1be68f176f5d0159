/** Folding for matching names typed with or without accents ("Ångström" ~ "angstrom"). */
const SPECIAL_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœıþ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * The German way of writing without umlauts ("Zürich" → "zuerich", "Straße" → "strasse"), which
 * banks and payers use as often as plain accent folding ("zurich"); otherwise as foldForMatch.
 */
export function foldUmlautsForMatch(text: string): string {
  return foldForMatch(text.normalize('NFC').replace(/[äöüÄÖÜ]/g, (c) => UMLAUTS[c] ?? c));
}
