/**
 * ISO 3166 country names in the clerk's language, for the Country type-ahead.
 * Orders store the alpha-2 code; names are only for display and matching.
 */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { foldForMatch } from './text';

for (const data of [en, fr, es, de]) countries.registerLocale(data);

export const COUNTRY_LANGUAGES = ['en', 'fr', 'es', 'de'] as const;

export interface CountryOption {
  code: string;
  /** The official short name shown to the clerk. */
  name: string;
  /** Every known name (official and aliases such as "USA"), folded for matching. */
  keys: string[];
}

/** "fr-CH" → "fr"; a language without registered names falls back to English. */
export function countryLanguage(locale: string): string {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (COUNTRY_LANGUAGES as readonly string[]).includes(language) ? language : 'en';
}

const optionsByLanguage = new Map<string, CountryOption[]>();

/** All countries, sorted by name the way the clerk's language sorts. */
export function countryOptions(locale: string): CountryOption[] {
  const language = countryLanguage(locale);
  const cached = optionsByLanguage.get(language);
  if (cached) return cached;
  const all = countries.getNames(language, { select: 'all' });
  const options = Object.entries(all)
    .map(([code, names]) => ({ code, name: names[0] ?? code, keys: names.map(foldForMatch) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  optionsByLanguage.set(language, options);
  return options;
}

export function countryName(code: string, locale: string): string {
  if (code === '') return '';
  return countries.getName(code.toUpperCase(), countryLanguage(locale)) ?? code.toUpperCase();
}

function rank(option: CountryOption, query: string): number {
  if (option.code.toLowerCase() === query) return 0;
  if (option.keys.some((k) => k === query)) return 0;
  if (option.keys.some((k) => k.startsWith(query))) return 1;
  if (option.keys.some((k) => k.split(/[\s\-'(),.]+/).some((word) => word.startsWith(query)))) return 2;
  return -1;
}

/**
 * Countries whose name (or alias, or code) starts with what was typed, or has a word
 * that does: "ger" finds Germany, "kingdom" the United Kingdom, "us" the United States.
 */
export function matchCountries(query: string, locale: string, limit = 12): CountryOption[] {
  const folded = foldForMatch(query);
  if (folded === '') return [];
  return countryOptions(locale)
    .map((option) => ({ option, rank: rank(option, folded) }))
    .filter((m) => m.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((m) => m.option);
}

/**
 * The country a typed text unambiguously names (by name, alias or code), if any;
 * used when the clerk leaves the field without picking from the list.
 */
export function resolveCountry(text: string, locale: string): CountryOption | null {
  const folded = foldForMatch(text);
  if (folded === '') return null;
  const options = countryOptions(locale);
  const exact = options.find((o) => o.code.toLowerCase() === folded || o.keys.includes(folded));
  if (exact) return exact;
  const starts = options.filter((o) => o.keys.some((k) => k.startsWith(folded)));
  return starts.length === 1 ? starts[0]! : null;
}
