import { useMemo, useState } from 'react';
import type { MonthlyReport } from '../../../shared/contract/reports';
import { clerkDates, formatDate, formatDateTime } from '../../../shared/format/dates';
import { layReport } from '../../../shared/reports/report-layout';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { ClosingPanel } from './ClosingPanel';
import { PeriodPicker, type PeriodInput } from './PeriodPicker';
import { RatesForm } from './RatesForm';
import { ReportExports } from './ReportExports';
import { ReportSection } from './ReportSection';
import { sectionCharts } from './SectionCharts';
import { periodName } from './report-text';
import { previousMonth } from '../../../shared/domain/calendar';
import { unitToday } from '../../state/business-day';
import './reports.css';

const periodKey = (p: PeriodInput) => ('month' in p ? p.month : `${p.from}..${p.to}`);

/** The report's sections as laid out once for the screen, the PDF and the files, with the screen's charts beside them. */
function ReportSections({ report, locale }: { report: MonthlyReport; locale: string }) {
  const sections = useMemo(() => layReport(report, clerkDates(locale)), [report, locale]);
  return (
    <>
      {sections.map((section) => (
        <ReportSection key={section.id} section={section} {...sectionCharts(section, report)} />
      ))}
    </>
  );
}

/** Monthly reports: the figures of a month (or any range of days) as tables and charts, its exchange rates, its closing, and its files. */
export function ReportsScreen() {
  const locale = useLocale();
  const [period, setPeriod] = useState<PeriodInput>(() => ({ month: previousMonth(unitToday()) }));
  // The period is compared by its key: a new object for the same month is no reason to read again.
  // Another period's report must not stand under this one's name while it loads, so it is forgotten at once.
  const read = useApiRead(() => orderDesk().reports.monthly(period), [periodKey(period)], { forgetOnChange: true });
  const { data: report, error, reload } = read;
  // After closing or saving rates the report shown stays until the new one is in.
  const loading = read.loading && report === null && error === null;
  const month = 'month' in period ? period.month : null;

  return (
    <section className="screen reports">
      <h1 tabIndex={-1}>Reports</h1>
      <div className="report-toolbar">
        <PeriodPicker period={period} onChange={setPeriod} />
        <ReportExports period={period} />
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error.message}
        </p>
      ) : null}
      {loading ? <p aria-live="polite">Loading the report…</p> : null}
      {report ? (
        <article className="report" aria-labelledby="report-title">
          <header className="report__header">
            <p id="report-title" className="report__title">
              Report for {periodName(report.period, locale)}
            </p>
            <p className="muted">
              {formatDate(report.period.from, locale)} to {formatDate(report.period.to, locale)}, both included · figures as of {formatDateTime(report.generatedAt, locale)} · amounts in different currencies are never added together.
            </p>
          </header>
          {month ? <ClosingPanel key={month} month={month} monthName={periodName(report.period, locale)} closing={report.closing} onChanged={reload} /> : null}
          <ReportSections report={report} locale={locale} />
          {month ? (
            <section className="report-section" aria-labelledby="report-rates-title">
              <RatesForm key={`${month}-${report.rates?.setAt ?? 'none'}`} month={month} rates={report.rates} closed={report.closing !== null} onSaved={reload} />
            </section>
          ) : (
            <p className="muted">Exchange rates and closing belong to a calendar month: choose “A month” to set them.</p>
          )}
        </article>
      ) : null}
    </section>
  );
}
