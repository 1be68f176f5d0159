/** Dates as clerks read them, in their locale. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date through a formatter cached per locale; in UTC, so it never shifts a day. */
function formatCalendarDate(isoDate: string, locale: string, cache: Map<string, Intl.DateTimeFormat>, month: 'short' | 'long'): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return isoDate;
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
    cache.set(locale, format);
  }
  return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A calendar date (YYYY-MM-DD) in the clerk's locale, e.g. "27 Nov 2026". */
export function formatDate(isoDate: string, locale: string): string {
  return formatCalendarDate(isoDate, locale, dateFormats, 'short');
}

/** A calendar date with the month's name written out, e.g. "1 January 2027", for a date in a sentence. */
export function formatLongDate(isoDate: string, locale: string): string {
  return formatCalendarDate(isoDate, locale, longDateFormats, 'long');
}

/** A timestamp in local time, e.g. "27 Nov 2026, 14:32". */
export function formatDateTime(iso: string, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    timeFormats.set(locale, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
