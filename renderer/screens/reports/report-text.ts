/** The words and small computations the Reports screen shows around the report (its layout's own words are in shared/reports). */
import type { ReportPeriod } from '../../../shared/contract/reports';
import { formatDateRange, formatMonth } from '../../../shared/format/dates';

/** "November 2026", or "1 Nov 2026 – 15 Dec 2026" for a range of days. */
export function periodName(period: ReportPeriod, locale: string): string {
  if (period.month) return formatMonth(period.month, locale);
  return formatDateRange(period.from, period.to, locale);
}

/** The short form of a SHA-256 shown on screen; the whole one is in the stored files' names and the audit log. */
export function shortHash(hex: string): string {
  return hex.slice(0, 12);
}
