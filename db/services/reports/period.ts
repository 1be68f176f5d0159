/** Report periods: a calendar month or any range of days, both ends included. */
import type { ReportPeriod } from '../../../shared/contract/reports';
import { firstDayOf, lastDayOf, monthOf } from '../../../shared/domain/calendar';
import { formatMonth } from '../../../shared/format/dates';

/** "2026-11" → "November 2026", as the refusals name a closed month (the API answers in English). */
export function monthLabel(month: string): string {
  return formatMonth(month, 'en-GB');
}

/** A month given as from/to (its first to its last day) is the month itself. */
export function periodOf(input: { month?: string | undefined; from?: string | undefined; to?: string | undefined }): ReportPeriod {
  if (input.month !== undefined) return { month: input.month, from: firstDayOf(input.month), to: lastDayOf(input.month) };
  const from = input.from!;
  const to = input.to!;
  const month = monthOf(from) === monthOf(to) && from === firstDayOf(monthOf(from)) && to === lastDayOf(monthOf(from)) ? monthOf(from) : null;
  return { month, from, to };
}
