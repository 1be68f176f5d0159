/**
 * ISO 3166 country names in the clerk's language, for the Country type-ahead.
 * Orders store the alpha-2 code; names are only for display and matching.
 */
// The package's core, as browsers get it: its Node entry registers all of its 80 languages, a
// megabyte that every worker of the app would parse at each start. The few used are registered below.
import countries from 'i18n-iso-countries/index';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import { foldForMatch } from './text';

// Matching a typed name to a country lives in ./country-match.ts.

// Italian is only searched (shared/domain/country-match.ts): names are shown in the four languages below.
for (const data of [en, fr, es, de, it]) countries.registerLocale(data);

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
