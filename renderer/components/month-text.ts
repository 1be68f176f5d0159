/**
 * Months as clerks type and read them: "2026-11", "11.2026", "11/26", "nov 2026", "novembre 2026".
 * The value is always "YYYY-MM" (what the API filters by); the text shown is the month's name in
 * the settings locale. Pure, so the parsing is tested without a browser.
 */
import { foldForMatch } from '../../shared/domain/text';
import { formatMonth } from '../../shared/format/dates';

export type MonthParse = { ok: true; month: string } | { ok: false; message: string };

const EXAMPLES = 'e.g. 2026-11, 11.2026 or nov 2026';
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** The month names a clerk may type, long and short: for reading, not showing (showing is formatMonth's). */
const nameFormats = new Map<string, { long: Intl.DateTimeFormat; short: Intl.DateTimeFormat }>();

function formatsFor(locale: string) {
  let formats = nameFormats.get(locale);
  if (!formats) {
    formats = {
      long: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
      short: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
    };
    nameFormats.set(locale, formats);
  }
  return formats;
}

const localDigits = new Map<string, Map<string, string>>();

/** The locale's own digits ("٢٠٢٦" in Arabic) as ASCII, so they read like "2026". */
export function asciiDigits(text: string, locale: string): string {
  let digits = localDigits.get(locale);
  if (!digits) {
    const format = new Intl.NumberFormat(locale, { useGrouping: false });
    digits = new Map(Array.from({ length: 10 }, (_, d) => [format.format(d), String(d)]));
    localDigits.set(locale, digits);
  }
  const known = digits;
  return text.replace(/\p{Nd}/gu, (d) => known.get(d) ?? d);
}

const firstOf = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1));
const pad = (month: number) => String(month).padStart(2, '0');

/** Every name a month goes by, folded: long and short names in the locale and in English ("nov.", "novembre", "november"). */
function monthNames(locale: string): string[][] {
  const names: string[][] = [];
  const locales = [formatsFor(locale), formatsFor('en')];
  for (let month = 1; month <= 12; month++) {
    const date = firstOf(2000, month);
    const forms = locales.flatMap((f) => [f.long.format(date), f.short.format(date)]).map((n) => foldForMatch(n).replace(/\.$/, ''));
    names.push([...new Set(forms)]);
  }
  return names;
}

/** A month by any unambiguous start of its name in the locale or in English; otherwise why not, in words. */
export function monthByName(word: string, locale: string): { month: number } | { message: string } {
  const typed = foldForMatch(word).replace(/\.$/, '');
  const names = monthNames(locale);
  const exact = names.findIndex((forms) => forms.includes(typed));
  if (exact >= 0) return { month: exact + 1 };
  const matches = names.flatMap((forms, i) => (forms.some((n) => n.startsWith(typed)) ? [i + 1] : []));
  if (matches.length === 1) return { month: matches[0]! };
  if (matches.length > 1) {
    const listed = matches.map((m) => formatsFor(locale).long.format(firstOf(2000, m)));
    return { message: `“${word}” could be ${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}: type a few more letters.` };
  }
  return { message: `“${word}” is not a month. Type the month and year, ${EXAMPLES}.` };
}

function checked(year: number, month: number): MonthParse {
  if (month < 1 || month > 12) return { ok: false, message: `There is no month ${month}: months go from 1 to 12.` };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `${year} is not a plausible year: type it with four digits, ${EXAMPLES}.` };
  return { ok: true, month: `${year}-${pad(month)}` };
}

/** A two-digit year is this century's: "11/26" is November 2026. */
const fullYear = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

/**
 * Reads a typed month. Empty text gives { ok: true, month: '' } (no month). Numbers may be
 * separated by "-", ".", "/" or a space, year first or last; a name may be any unambiguous
 * start of the month's name in the locale or in English, before or after the year.
 */
export function parseMonth(text: string, locale: string): MonthParse {
  const trimmed = asciiDigits(text.trim(), locale);
  if (trimmed === '') return { ok: true, month: '' };

  // The field's own display ("November 2026", "2026年11月", "نوفمبر ٢٠٢٦") always reads back.
  const folded = foldForMatch(trimmed);
  const year4 = /\d{4}/.exec(trimmed);
  if (year4) {
    for (let month = 1; month <= 12; month++) {
      const shown = asciiDigits(formatMonth(`${year4[0]}-${pad(month)}`, locale), locale);
      if (foldForMatch(shown) === folded) return checked(Number(year4[0]), month);
    }
  }

  const tokens = trimmed.split(/[\s\-./,]+/).filter(Boolean);
  if (tokens.length === 1) {
    const only = tokens[0]!;
    if (/^\d{6}$/.test(only)) return checked(Number(only.slice(0, 4)), Number(only.slice(4)));
    return { ok: false, message: /^\d+$/.test(only) && only.length <= 2 ? `Add the year, e.g. ${only}.2026.` : /^\d+$/.test(only) ? `Type the month and year, ${EXAMPLES}.` : `Add the year, e.g. ${only} 2026.` };
  }
  if (tokens.length !== 2) return { ok: false, message: `Type the month and year, ${EXAMPLES}.` };

  const [a, b] = tokens as [string, string];
  const isNumber = (t: string) => /^\d+$/.test(t);
  if (isNumber(a) && isNumber(b)) {
    if (a.length === 4 && b.length <= 2) return checked(Number(a), Number(b));
    if (a.length <= 2 && (b.length === 4 || b.length === 2)) return checked(fullYear(b), Number(a));
    return { ok: false, message: `Type the month and year, ${EXAMPLES}.` };
  }
  const [word, digits] = isNumber(a) ? [b, a] : [a, b];
  if (!isNumber(digits) || (digits.length !== 4 && digits.length !== 2)) return { ok: false, message: `Type the month and year, ${EXAMPLES}.` };
  const named = monthByName(word, locale);
  return 'month' in named ? checked(fullYear(digits), named.month) : { ok: false, message: named.message };
}
