/**
 * Calendar dates as clerks type them, in the settings locale's order: "6.12.2026" and
 * "06/12/2026" in en-CH or fr-CH, "12/6/2026" in en-US, and "2026-12-06" everywhere; also
 * "6 dec 2026", "061226", "20261206". The value is always "YYYY-MM-DD" (what the API takes),
 * and the field shows that same text once left, with the date in words beside it, so what
 * is stored is what is seen. Pure, so the parsing is tested without a browser.
 *
 * Decisions:
 * - A two-digit year is this century's: "6.12.26" is 6 December 2026 (as in the month field);
 *   the date in words beside the field shows which year was understood.
 * - A date without a year ("6.12") is the one nearest to today, so "28.12" typed on 3 January
 *   is last December's.
 * - Years outside 1900–2199 are refused as typing mistakes ("26117-12-06").
 */
import { addDays } from '../../shared/domain/calendar';
import { formatWeekdayDate } from '../../shared/format/dates';
import { asciiDigits, monthByName } from './month-text';

export type DateParse = { ok: true; date: string } | { ok: false; message: string };

export type DatePart = 'day' | 'month' | 'year';

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/** 6 December 2026: day and month can never be confused in an example. */
const EXAMPLE = new Date(Date.UTC(2026, 11, 6));

const orders = new Map<string, DatePart[]>();

/** The order the locale writes a numeric date in: day-month-year (en-CH), month-day-year (en-US) or year-month-day (sv-SE). */
export function dateOrder(locale: string): DatePart[] {
  let order = orders.get(locale);
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(EXAMPLE);
    order = parts.map((p) => p.type).filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
    if (order.length !== 3) order = ['day', 'month', 'year'];
    orders.set(locale, order);
  }
  return order;
}

/** "6.12.2026 or 2026-12-06" in en-CH, "12/6/2026 or 2026-12-06" in en-US. */
export function dateExamples(locale: string): string {
  const local = asciiDigits(new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(EXAMPLE), locale).replace(/[\u200e\u200f\u061c]/g, '');
  return local === '2026-12-06' ? '2026-12-06' : `${local} or 2026-12-06`;
}

const monthNames = new Map<string, Intl.DateTimeFormat>();

function utc(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** "2026-12-06" in words, e.g. "Sunday, 6 December 2026" (en-CH), "dimanche, 6 décembre 2026" (fr-CH); "" for anything else. */
export function formatDateLong(iso: string, locale: string): string {
  return utc(iso) ? formatWeekdayDate(iso, locale) : '';
}

function monthName(month: number, locale: string): string {
  let format = monthNames.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    monthNames.set(locale, format);
  }
  return format.format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** The day before or after ("↑ ↓" in the field). */
export function stepDate(iso: string, days: number): string {
  return addDays(iso, days);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (digits: string) => (digits.length <= 2 ? 2000 + Number(digits) : Number(digits));

interface Context {
  label: string;
  locale: string;
}

function checked(year: number, month: number, day: number, { label, locale }: Context): DateParse {
  if (month < 1 || month > 12) return { ok: false, message: `${label}: there is no month ${month}; months go from 1 to 12 (type ${dateExamples(locale)}).` };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `${label}: ${year} is not a plausible year; type the year with four digits, e.g. ${dateExamples(locale)}.` };
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    const name = monthName(month, locale);
    const why = month === 2 && day === 29 ? `${year} is not a leap year` : `${name} has ${last} days`;
    return { ok: false, message: `${label}: there is no ${day} ${name} ${year} — ${why}.` };
  }
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** A day and month without a year: the year that puts it nearest to today. */
function nearestYear(month: number, day: number, today: string, context: Context): DateParse {
  const now = utc(today) ?? new Date();
  const year = now.getUTCFullYear();
  let best: { date: string; distance: number } | null = null;
  for (const candidate of [year - 1, year, year + 1]) {
    if (month < 1 || month > 12 || day < 1 || day > daysIn(candidate, month)) continue;
    const date = `${candidate}-${pad(month)}-${pad(day)}`;
    const distance = Math.abs(utc(date)!.getTime() - now.getTime());
    if (!best || distance < best.distance) best = { date, distance };
  }
  return best ? { ok: true, date: best.date } : checked(year, month, day, context);
}

/** Three numbers in the locale's order (a four-digit first number is always the year). */
function fromNumbers(numbers: string[], locale: string, today: string, context: Context): DateParse | null {
  if (numbers.length === 3) {
    const [a, b, c] = numbers as [string, string, string];
    // A long first number is a year, mistyped or not ("26117-12-06" says so).
    if (a.length >= 4) return checked(Number(a), Number(b), Number(c), context);
    if (c.length !== 2 && c.length < 4) return null;
    const order = dateOrder(locale);
    // A year-first locale still reads "6.12.2026" day first: the year is plainly last.
    const [day, month] = order.indexOf('month') < order.indexOf('day') && order[0] !== 'year' ? [b, a] : [a, b];
    if (day.length > 2 || month.length > 2) return null;
    return checked(fullYear(c), Number(month), Number(day), context);
  }
  if (numbers.length === 2) {
    const [a, b] = numbers as [string, string];
    if (a.length > 2 || b.length > 2) return null;
    const order = dateOrder(locale);
    const [day, month] = order.indexOf('month') < order.indexOf('day') ? [b, a] : [a, b];
    return nearestYear(Number(month), Number(day), today, context);
  }
  return null;
}

/** "20261206", "06122026", "061226": digits only, year first when that makes a date. */
function fromDigits(digits: string, locale: string, context: Context): DateParse | null {
  const order = dateOrder(locale);
  const split = (yearDigits: number, yearFirst: boolean) => {
    const year = yearFirst ? digits.slice(0, yearDigits) : digits.slice(-yearDigits);
    const rest = yearFirst ? digits.slice(yearDigits) : digits.slice(0, -yearDigits);
    const [first, second] = [rest.slice(0, 2), rest.slice(2)];
    const monthFirst = yearFirst || order.indexOf('month') < order.indexOf('day');
    return checked(fullYear(year), Number(monthFirst ? first : second), Number(monthFirst ? second : first), context);
  };
  if (digits.length === 8) {
    const yearFirst = split(4, true);
    return yearFirst.ok || order[0] === 'year' ? yearFirst : split(4, false);
  }
  if (digits.length === 6) return split(2, order[0] === 'year');
  return null;
}

/**
 * Reads a typed date. Empty text gives { ok: true, date: '' }. Numbers may be separated by
 * ".", "/", "-", "," or spaces; a month may be named ("6 dec 2026", "December 6, 2026").
 * Messages start with the field's label, so the clerk knows which date is wrong.
 */
export function parseDate(text: string, locale: string, options: { label: string; today: string }): DateParse {
  const context = { label: options.label, locale };
  const trimmed = asciiDigits(text.replace(/[\u200e\u200f\u061c]/g, '').trim(), locale);
  if (trimmed === '') return { ok: true, date: '' };
  const generic: DateParse = { ok: false, message: `${options.label}: type the day, month and year, e.g. ${dateExamples(locale)}.` };

  const tokens = trimmed.split(/[\s\-./,]+/).filter(Boolean);
  const numbers = tokens.filter((t) => /^\d+$/.test(t));
  const words = tokens.filter((t) => !/^\d+$/.test(t));

  if (words.length === 0) {
    if (numbers.length === 1) return fromDigits(numbers[0]!, locale, context) ?? generic;
    return fromNumbers(numbers, locale, options.today, context) ?? generic;
  }
  // "6 dec 2026", "December 6, 2026", "6. Dezember 2026": one month name, a day and perhaps a year.
  if (words.length !== 1 || numbers.length < 1 || numbers.length > 2) return generic;
  const named = monthByName(words[0]!, locale);
  if (!('month' in named)) return named.message.includes('could be') ? { ok: false, message: `${options.label}: ${named.message}` } : generic;
  const [first, second] = numbers as [string, string | undefined];
  if (second === undefined) return first.length <= 2 ? nearestYear(named.month, Number(first), options.today, context) : generic;
  const [day, year] = first.length === 4 ? [second, first] : [first, second];
  if (day.length > 2 || (year.length !== 4 && year.length !== 2)) return generic;
  return checked(fullYear(year), named.month, Number(day), context);
}
