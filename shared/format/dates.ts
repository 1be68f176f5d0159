/**
 * Dates as people read them: the one place that turns a calendar date, a month or a moment
 * into words. Screens pass the clerk's locale (Settings); documents and report files pass the
 * locale of the document's language (shared/documents/document-labels.ts documentLocale).
 * Date arithmetic (today, month steps, month bounds) lives in shared/domain, not here.
 *
 * A calendar date ("2026-11-27") is formatted in UTC, so no time zone ever shifts it by a day;
 * a moment (an ISO timestamp) is shown in the time zone asked for, or the computer's own.
 * Formatters are cached per locale and style: Intl.DateTimeFormat is slow to build.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function calendarDate(isoDate: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  if (!ISO_DATE.test(isoDate)) return isoDate;
  return formatter(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A calendar date (YYYY-MM-DD) for a table or a field, e.g. "27 Nov 2026"; anything else is answered as it came. */
export function formatDate(isoDate: string, locale: string): string {
  return calendarDate(isoDate, locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A calendar date with the month's name written out, e.g. "1 January 2027", for a date in a sentence or a title. */
export function formatLongDate(isoDate: string, locale: string): string {
  return calendarDate(isoDate, locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A calendar date with its weekday, e.g. "Sunday, 6 December 2026": beside a date being typed, so day and month are never swapped unseen. */
export function formatWeekdayDate(isoDate: string, locale: string): string {
  return calendarDate(isoDate, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** Day and month only, e.g. "27 Nov", where the year is plain from the context (a chart's axis). */
export function formatDayMonth(isoDate: string, locale: string): string {
  return calendarDate(isoDate, locale, { day: 'numeric', month: 'short' });
}

/** "2026-11" as its name, e.g. "November 2026" (en), "novembre 2026" (fr); anything else is answered as it came. */
export function formatMonth(month: string, locale: string): string {
  const m = ISO_MONTH.exec(month);
  if (!m) return month;
  return formatter(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** Two calendar dates, both included, e.g. "1 Nov 2026 – 15 Dec 2026" (or in long form for a title). */
export function formatDateRange(from: string, to: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const format = style === 'long' ? formatLongDate : formatDate;
  return `${format(from, locale)} – ${format(to, locale)}`;
}

/** Two calendar dates as compactly as the locale writes a span, e.g. "16–18 Nov 2026" or "30 Nov – 2 Dec 2026"; one date when they are the same. */
export function formatDateSpan(from: string, to: string, locale: string): string {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return `${from} – ${to}`;
  if (from.slice(0, 10) === to.slice(0, 10)) return formatDate(from, locale);
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(day(from), day(to));
}

export interface MomentOptions {
  /** An IANA zone; by default the computer's own (a screen shows the clerk's local time). */
  timeZone?: string;
  /** The month's name written out and the zone named, e.g. "1 December 2026 at 08:30 UTC": for a document, read anywhere. */
  long?: boolean;
  /** With seconds, e.g. where two backups a minute apart must be told apart. */
  seconds?: boolean;
}

/** A moment (ISO timestamp), e.g. "27 Nov 2026, 14:32"; text that is not a moment is answered as it came. */
export function formatDateTime(iso: string, locale: string, options: MomentOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, {
    day: 'numeric',
    month: options.long ? 'long' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.long ? { timeZoneName: 'short' } : {}),
  }).format(date);
}

/**
 * The date formats of one reader, so a layout written once (the monthly report's) shows its
 * dates in the clerk's locale on screen and in the document's language in a file.
 */
export interface DateDisplay {
  locale: string;
  date(isoDate: string): string;
  longDate(isoDate: string): string;
  month(month: string): string;
  dateTime(iso: string): string;
}

/** A screen's dates: the clerk's locale, moments in the computer's local time. */
export function clerkDates(locale: string): DateDisplay {
  return {
    locale,
    date: (d) => formatDate(d, locale),
    longDate: (d) => formatLongDate(d, locale),
    month: (m) => formatMonth(m, locale),
    dateTime: (t) => formatDateTime(t, locale),
  };
}

/** A document's dates: its language's locale, moments written out with their zone (UTC unless told), since a file is read anywhere. */
export function documentDates(locale: string, timeZone = 'UTC'): DateDisplay {
  return {
    locale,
    date: (d) => formatDate(d, locale),
    longDate: (d) => formatLongDate(d, locale),
    month: (m) => formatMonth(m, locale),
    dateTime: (t) => formatDateTime(t, locale, { timeZone, long: true }),
  };
}
