/** Report periods: a calendar month or any range of days, both ends included. */
import type { ReportPeriod } from '../../../shared/contract/reports';
import { formatMonth } from '../../../shared/format/dates';

/** Days in a month, leap years included (UTC arithmetic: no time zone ever shifts a date here). */
function daysIn(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return `${month}-${String(daysIn(month)).padStart(2, '0')}`;
}

/** "2026-11" → "November 2026", as the refusals name a closed month (the API answers in English). */
export function monthLabel(month: string): string {
  return formatMonth(month, 'en-GB');
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A month given as from/to (its first to its last day) is the month itself. */
export function periodOf(input: { month?: string | undefined; from?: string | undefined; to?: string | undefined }): ReportPeriod {
  if (input.month !== undefined) return { month: input.month, from: firstDayOf(input.month), to: lastDayOf(input.month) };
  const from = input.from!;
  const to = input.to!;
  const month = monthOf(from) === monthOf(to) && from === firstDayOf(monthOf(from)) && to === lastDayOf(monthOf(from)) ? monthOf(from) : null;
  return { month, from, to };
}

/** Every day from `from` to `to`, for the orders-per-day chart's zero days. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
