/** The lines above a report's files and PDF: its title, its period, and whether its figures can still change. */
import type { MonthlyReport, ReportPeriod } from '../contract/reports';
import { documentLocale } from '../documents/document-labels';
import type { DocumentLanguage } from '../documents/invoice-document';
import { documentDates, type DateDisplay } from '../format/dates';

/** The report's files and PDF are written in English for the unit's finance colleagues. */
export const REPORT_LANGUAGE: DocumentLanguage = 'en';
export const REPORT_LOCALE = documentLocale(REPORT_LANGUAGE);
/** The dates of the report's files and PDF: in its language, moments in UTC with the zone named. */
export const reportFileDates: DateDisplay = documentDates(REPORT_LOCALE);

/** "November 2026", or "1 January 2026 – 31 December 2026". */
export function periodLabel(period: ReportPeriod, dates: DateDisplay): string {
  if (period.month) return dates.month(period.month);
  return `${dates.longDate(period.from)} – ${dates.longDate(period.to)}`;
}

export function reportTitle(report: MonthlyReport, dates: DateDisplay): string {
  return `Order report ${periodLabel(report.period, dates)}`;
}

/** When the figures were made, or that the month is closed and by whom. */
export function reportStatus(report: MonthlyReport, dates: DateDisplay): string {
  const closing = report.closing;
  if (closing) return `Closed ${dates.dateTime(closing.closedAt)} by ${closing.closedBy}${closing.version > 1 ? ` (closing ${closing.version}, after a reopening)` : ''}; figures as they stood at closing.`;
  return `Generated ${dates.dateTime(report.generatedAt)}; the month is open, so figures may still change.`;
}
