/**
 * When a month can be closed: only once it has ended, so the current month and future ones
 * cannot. The service refuses such a closing and the Reports screen does not offer it, by this
 * one rule. Dates are YYYY-MM-DD and months YYYY-MM, compared as text (they sort as they read).
 */
import { stepMonth } from './months';

export interface MonthEnd {
  /** Whether `today` is after the month's last day. */
  ended: boolean;
  /** The first day of the next month: the first day the month can be closed. */
  closableFrom: string;
}

export function monthEnd(month: string, today: string): MonthEnd {
  const closableFrom = `${stepMonth(month, 1)}-01`;
  return { ended: today >= closableFrom, closableFrom };
}
