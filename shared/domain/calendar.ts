/**
 * The unit's calendar: what day it is for the unit, and every day and month sum.
 *
 * A day is a calendar date, YYYY-MM-DD, in the unit's time zone (a setting, Europe/Zurich by
 * default), whichever zone the computer, the browser or the server runs in: a clerk in Geneva
 * at 00:30 is on the new day, for the dialog that fills in the date and for the service that
 * checks it alike. A month is YYYY-MM. Both sort as they read, so they are compared as text.
 * Sums are done on UTC midnights, where no zone and no daylight-saving change can shift a date.
 */

/** The unit's zone until Settings says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Zurich';

/** The unit's first day of business until Settings says otherwise: nothing is dated before it. */
export const DEFAULT_FIRST_BUSINESS_DAY = '2000-01-01';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date `at` falls on in `timeZone`: the unit's "today" when `at` is now. */
export function businessDay(at: Date, timeZone: string): string {
  const ms = at.getTime();
  // A service asks again and again for the same moment (a bank import checks thousands of dates
  // against one clock): the last answer is kept, as formatting one takes some microseconds.
  if (ms === last.ms && timeZone === last.timeZone) return last.day;
  const parts = dayFormat(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  last = { ms, timeZone, day };
  return day;
}

let last = { ms: Number.NaN, timeZone: '', day: '' };

/**
 * The zone's IANA name as Intl spells it ("europe/zurich" → "Europe/Zurich"), or null for a
 * name Intl does not know. A bare offset such as "+01:00" is refused too: it is not a place,
 * and it would keep winter time all summer.
 */
export function timeZoneName(name: string): string | null {
  if (!/^[A-Za-z]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function utcMidnight(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const at = utcMidnight(day);
  at.setUTCDate(at.getUTCDate() + days);
  return dayOf(at);
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = utcMidnight(from).getTime(), end = utcMidnight(to).getTime(); t <= end; t += 86_400_000) days.push(dayOf(new Date(t)));
  return days;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / 86_400_000);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function yearOf(dayOrMonth: string): number {
  return Number(dayOrMonth.slice(0, 4));
}

/** The month a number of months away, e.g. stepMonth("2026-12", 1) is "2027-01"; text that is not a month is answered as it came. */
export function stepMonth(month: string, by: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month before the one `today` is in: the month a report is usually wanted for. */
export function previousMonth(today: string): string {
  return stepMonth(monthOf(today), -1);
}

/** Days in a month, leap years included. */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(yearOf(month), Number(month.slice(5, 7)), 0)).getUTCDate();
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

/** "2026-11" → ["2026-11-01", "2026-12-01"]: the month's days are from the first, included, to the second, excluded. */
export function monthBounds(month: string): [string, string] {
  return [firstDayOf(month), firstDayOf(stepMonth(month, 1))];
}

export interface MonthEnd {
  /** Whether `today` is after the month's last day. */
  ended: boolean;
  /** The first day of the next month: the first day the month can be closed. */
  closableFrom: string;
}

/**
 * Whether a month has ended, by the unit's `today`: only an ended month can be closed, so the
 * current month and future ones cannot. The service refuses such a closing and the Reports
 * screen does not offer it, by this one rule.
 */
export function monthEnd(month: string, today: string): MonthEnd {
  const closableFrom = monthBounds(month)[1];
  return { ended: today >= closableFrom, closableFrom };
}
