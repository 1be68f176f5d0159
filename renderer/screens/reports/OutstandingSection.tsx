import type { MonthlyReport } from '../../../shared/contract/reports';
import { AgingChart } from '../../components/charts/AgingChart';
import { AgingTable } from '../../components/charts/AgingTable';
import { formatDate } from '../../../shared/format/dates';
import { useLocale } from '../../state/settings';

/** What was still owed at the end of the period, per currency and by age, as on the dashboard. */
export function OutstandingSection({ outstanding }: { outstanding: MonthlyReport['outstanding'] }) {
  const locale = useLocale();
  const asOf = formatDate(outstanding.asOf, locale);
  return (
    <section className="report-section" aria-labelledby="report-outstanding">
      <h2 id="report-outstanding">Outstanding on {asOf}</h2>
      {outstanding.rows.length === 0 ? (
        <p className="muted">Nothing was owed to the unit on {asOf}.</p>
      ) : (
        <>
          <AgingTable caption={`Outstanding on ${asOf} per currency, by age`} rows={outstanding.rows} />
          <div className="report-charts">
            {outstanding.rows.map((r) => (
              <AgingChart key={r.currency} total={r} customers={[]} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
