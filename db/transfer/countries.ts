/** Country cells as people type them ("Switzerland", "Suisse", "CHE", "ch") → ISO alpha-2 code. */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { foldForMatch } from '../../shared/domain/text';

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const data of [en, fr, de, es]) {
    countries.registerLocale(data);
    for (const [code, list] of Object.entries(countries.getNames(data.locale, { select: 'all' }))) {
      for (const name of list) if (!byName.has(foldForMatch(name))) byName.set(foldForMatch(name), code);
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
