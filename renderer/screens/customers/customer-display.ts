/** Display helpers for the customer screens: country names and calendar dates in the clerk's locale. */
import countries from 'i18n-iso-countries';
import type { DuplicateReason } from '../../../shared/contract/customers';

const regionNames = new Map<string, Intl.DisplayNames>();

function names(locale: string): Intl.DisplayNames {
  let found = regionNames.get(locale);
  if (!found) {
    found = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    regionNames.set(locale, found);
  }
  return found;
}

export function countryLabel(code: string, locale: string): string {
  if (code === '') return '';
  return names(locale).of(code) ?? code;
}

export interface CountryChoice {
  code: string;
  name: string;
}

const choices = new Map<string, CountryChoice[]>();

/** Every ISO 3166 country, sorted by its name in the clerk's language. */
export function countryChoices(locale: string): CountryChoice[] {
  let list = choices.get(locale);
  if (!list) {
    list = Object.keys(countries.getAlpha2Codes())
      .map((code) => ({ code, name: countryLabel(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    choices.set(locale, list);
  }
  return list;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-20" → "20 Nov 2026"; formatted in UTC so a calendar date never shifts a day. */
export function calendarDate(isoDate: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return isoDate;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  same_email: 'same e-mail',
  same_name_country: 'same name and country',
};

export function reasonsText(reasons: DuplicateReason[]): string {
  return reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(' and ');
}
