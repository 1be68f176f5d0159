/** Report periods: a calendar month or any range of days, both ends included. */
import type { ReportPeriod } from '../../../shared/contract/reports';
import { firstDayOf, lastDayOf, monthOf } from '../../../shared/domain/calendar';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11" → "November 2026", as the refusals name a closed month. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** A month given as from/to (its first to its last day) is the month itself. */
export function periodOf(input: { month?: string | undefined; from?: string | undefined; to?: string | undefined }): ReportPeriod {
  if (input.month !== undefined) return { month: input.month, from: firstDayOf(input.month), to: lastDayOf(input.month) };
  const from = input.from!;
  const to = input.to!;
  const month = monthOf(from) === monthOf(to) && from === firstDayOf(monthOf(from)) && to === lastDayOf(monthOf(from)) ? monthOf(from) : null;
  return { month, from, to };
}
