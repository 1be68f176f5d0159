/** Language codes shown as names in the clerk's locale, and names typed back into codes. */
import { LANGUAGE_CODES } from '../../../shared/contract/catalogue-languages';
import { foldForMatch } from '../../../shared/domain/text';

export interface LanguageOption {
  code: string;
  name: string;
}

const cache = new Map<string, LanguageOption[]>();

export function languageOptions(locale: string): LanguageOption[] {
  let options = cache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' });
    options = LANGUAGE_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(locale, options);
  }
  return options;
}

export function languageName(code: string, locale: string): string {
  return languageOptions(locale).find((o) => o.code === code)?.name ?? code;
}

/** "French", "french", "Français" typed in a French locale, or the code "fr" itself. */
export function findLanguage(typed: string, locale: string): LanguageOption | undefined {
  const wanted = foldForMatch(typed);
  if (wanted === '') return undefined;
  const options = languageOptions(locale);
  return options.find((o) => foldForMatch(o.name) === wanted) ?? options.find((o) => o.code === wanted);
}
