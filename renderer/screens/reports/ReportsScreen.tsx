import { useCallback, useEffect, useState } from 'react';
import type { MonthlyReport } from '../../../shared/contract/reports';
import { orderDesk } from '../../api/client';
import { formatDate, formatDateTime } from '../../format/dates';
import { useLocale } from '../../state/settings';
import { AmountsSection } from './AmountsSection';
import { ClosingPanel } from './ClosingPanel';
import { ConvertedTotals } from './ConvertedTotals';
import { MoneySection } from './MoneySection';
import { OrdersSection } from './OrdersSection';
import { OutstandingSection } from './OutstandingSection';
import { PeriodPicker, type PeriodInput } from './PeriodPicker';
import { RatesForm } from './RatesForm';
import { ReportExports } from './ReportExports';
import { TitlesSection } from './TitlesSection';
import { TopSection } from './TopSection';
import { periodName } from './report-text';
import { previousMonth } from '../../../shared/domain/calendar';
import { unitToday } from '../../state/business-day';
import './reports.css';

const periodKey = (p: PeriodInput) => ('month' in p ? p.month : `${p.from}..${p.to}`);

/** Loads the report for a period; a stale answer for a period no longer shown is dropped. */
function useReport(period: PeriodInput) {
  const [state, setState] = useState<{ key: string; report: MonthlyReport | null; error: string | null }>({ key: '', report: null, error: null });
  const [generation, setGeneration] = useState(0);
  const key = periodKey(period);
  useEffect(() => {
    let current = true;
    void orderDesk()
      .reports.monthly(period)
      .then((r) => {
        if (!current) return;
        setState(r.ok ? { key, report: r.value, error: null } : { key, report: null, error: r.error.message });
      });
    return () => {
      current = false;
    };
    // The period is compared by its key: a new object for the same month is no reason to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const shown = state.key === key ? state : { key, report: null, error: null };
  return { ...shown, loading: state.key !== key, reload };
}

/** Monthly reports: the figures of a month (or any range of days) as tables and charts, its exchange rates, its closing, and its files. */
export function ReportsScreen() {
  const locale = useLocale();
  const [period, setPeriod] = useState<PeriodInput>(() => ({ month: previousMonth(unitToday()) }));
  const { report, error, loading, reload } = useReport(period);
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
          {error}
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
          <OrdersSection orders={report.orders} />
          <TitlesSection report={report} />
          <AmountsSection report={report} />
          <MoneySection money={report.money} currencies={report.currencies} />
          <OutstandingSection outstanding={report.outstanding} />
          <TopSection report={report} />
          {report.converted && report.rates ? <ConvertedTotals converted={report.converted} rates={report.rates} /> : null}
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
