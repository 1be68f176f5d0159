/** Country cells as people type them ("Switzerland", "Suisse", "CHE", "ch") → ISO alpha-2 code. */
import countries from 'i18n-iso-countries';
import { COUNTRY_LANGUAGES, countryOptions } from '../../shared/domain/countries';
import { foldForMatch } from '../../shared/domain/text';

let byName: Map<string, string> | undefined;

/** Every country name and alias in every language the app knows, folded, → code. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const language of COUNTRY_LANGUAGES) {
    for (const option of countryOptions(language)) {
      for (const key of option.keys) if (!byName.has(key)) byName.set(key, option.code);
    }
  }
  return byName;
}

/** The ISO code for the cell, or the cell itself when it names no country (the schema then says so). */
export function countryCodeFor(text: string): string {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const code = countries.alpha3ToAlpha2(trimmed.toUpperCase());
    if (code) return code;
  }
  return names().get(foldForMatch(trimmed)) ?? trimmed;
}
