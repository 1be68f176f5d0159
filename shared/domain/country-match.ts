/**
 * Finding a country from what the clerk typed. A country goes by many names: its name in the
 * clerk's language (shown), its aliases ("USA"), its names in English, French, German, Spanish
 * and Italian ("Suisse", "Schweiz", "Svizzera"), and its own name ("Deutschland", "España",
 * "Sverige", "Polska", from the runtime's CLDR data for the country's main language).
 *
 * Ranking, best first: the code or a whole name typed exactly; a name that starts with the
 * typed words ("United St" → United States); a name with words that start with them
 * ("kingdom" → United Kingdom). Within each, a name the typed words cover completely comes
 * first ("United St" names all of "United States" but not of "United States Minor Outlying
 * Islands"), then the countries most common among the unit's customers, then the names with
 * fewest words left over, then the alphabet.
 */
// The core without its languages (shared/domain/countries.ts).
import countries from 'i18n-iso-countries/index';
import { countryLanguage, countryOptions, type CountryOption } from './countries';
import { foldForMatch } from './text';

/** Where country names are looked up besides the clerk's own language. */
const ALIAS_LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;

interface CountryName {
  text: string;
  folded: string;
  words: string[];
}

interface CountryNames {
  option: CountryOption;
  /** The shown name first. */
  names: CountryName[];
}

export interface CountryMatch extends CountryOption {
  /** The other name the typed text matched ("Schweiz" for Switzerland), when the shown name does not start with it. */
  alias: string | null;
}

const splitWords = (folded: string) => folded.split(/[\s\-'’(),.]+/).filter(Boolean);

function nameOf(text: string): CountryName {
  const folded = foldForMatch(text);
  return { text, folded, words: splitWords(folded) };
}

/** The country's name in its own main language ("Deutschland"), when the runtime knows it. */
function ownName(code: string): string | null {
  try {
    const language = new Intl.Locale(`und-${code}`).maximize().language;
    const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

const namesByLanguage = new Map<string, CountryNames[]>();

function allNames(locale: string): CountryNames[] {
  const language = countryLanguage(locale);
  const cached = namesByLanguage.get(language);
  if (cached) return cached;
  const list = countryOptions(locale).map((option) => {
    const texts = [option.name];
    for (const l of [language, ...ALIAS_LANGUAGES]) {
      const names = countries.getName(option.code, l, { select: 'all' }) as string[] | undefined;
      texts.push(...(names ?? []));
    }
    const own = ownName(option.code);
    if (own) texts.push(own);
    const seen = new Set<string>();
    const names = texts.map(nameOf).filter((n) => n.folded !== '' && !seen.has(n.folded) && Boolean(seen.add(n.folded)));
    return { option, names };
  });
  namesByLanguage.set(language, list);
  return list;
}

interface Score {
  tier: number;
  complete: boolean;
  left: number;
  name: CountryName;
}

/** Every typed word starts a word of the name, in order; `leading` when the first starts its first word. */
function wordsMatch(typed: string[], words: string[]): { leading: boolean } | null {
  let at = 0;
  let first = -1;
  for (const word of typed) {
    while (at < words.length && !words[at]!.startsWith(word)) at += 1;
    if (at === words.length) return null;
    if (first < 0) first = at;
    at += 1;
  }
  return { leading: first === 0 };
}

function scoreName(name: CountryName, folded: string, typed: string[]): Score | null {
  if (name.folded === folded) return { tier: 0, complete: true, left: 0, name };
  const match = wordsMatch(typed, name.words);
  const leading = name.folded.startsWith(folded) || (match?.leading ?? false);
  if (!leading && !match) return null;
  return { tier: leading ? 1 : 2, complete: typed.length >= name.words.length, left: Math.max(0, name.words.length - typed.length), name };
}

function better(a: Score, b: Score): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.complete !== b.complete) return a.complete;
  return a.left < b.left;
}

function scoreCountry(entry: CountryNames, folded: string, typed: string[]): Score | null {
  if (entry.option.code.toLowerCase() === folded) return { tier: 0, complete: true, left: 0, name: entry.names[0]! };
  let best: Score | null = null;
  for (const name of entry.names) {
    const score = scoreName(name, folded, typed);
    if (score && (!best || better(score, best))) best = score;
  }
  return best;
}

function aliasShown(entry: CountryNames, score: Score): string | null {
  const shown = entry.names[0]!;
  return shown.folded.startsWith(score.name.folded) ? null : score.name.text;
}

export interface MatchOptions {
  limit?: number;
  /** How many of the unit's customers live in each country (by ISO code): the common ones come first among equals. */
  counts?: ReadonlyMap<string, number>;
}

/** The countries the typed text may mean, best first (see the ranking above). */
export function matchCountries(query: string, locale: string, options: MatchOptions = {}): CountryMatch[] {
  const folded = foldForMatch(query);
  const typed = splitWords(folded);
  if (folded === '' || typed.length === 0) return [];
  const counts = options.counts;
  const found: { entry: CountryNames; score: Score; index: number }[] = [];
  allNames(locale).forEach((entry, index) => {
    const score = scoreCountry(entry, folded, typed);
    if (score) found.push({ entry, score, index });
  });
  found.sort(
    (a, b) =>
      a.score.tier - b.score.tier ||
      Number(b.score.complete) - Number(a.score.complete) ||
      (counts?.get(b.entry.option.code) ?? 0) - (counts?.get(a.entry.option.code) ?? 0) ||
      a.score.left - b.score.left ||
      a.index - b.index,
  );
  return found.slice(0, options.limit ?? 12).map(({ entry, score }) => ({ ...entry.option, alias: aliasShown(entry, score) }));
}

/**
 * The country a typed text unambiguously names (by any of its names, or its code), if any;
 * used when the clerk leaves the field without picking from the list.
 */
export function resolveCountry(text: string, locale: string): CountryOption | null {
  const folded = foldForMatch(text);
  if (folded === '') return null;
  const entries = allNames(locale);
  const exact =
    entries.find((e) => e.option.code.toLowerCase() === folded || e.names[0]!.folded === folded) ??
    entries.find((e) => e.names.some((n) => n.folded === folded));
  if (exact) return exact.option;
  const starts = entries.filter((e) => e.names.some((n) => n.folded.startsWith(folded)));
  return starts.length === 1 ? starts[0]!.option : null;
}
