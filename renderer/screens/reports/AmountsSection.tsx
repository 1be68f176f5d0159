import type { MonthlyReport } from '../../../shared/contract/reports';
import { Money } from '../../components/Money';
import { CurrencyBarsChart, type CurrencyBar } from './CurrencyBarsChart';
import { ReportTable } from './ReportTable';

function barsFor(report: MonthlyReport, currency: MonthlyReport['currencies'][number]): CurrencyBar[] {
  const a = report.amounts.find((r) => r.currency === currency);
  const m = report.money.totals.find((r) => r.currency === currency);
  const o = report.outstanding.rows.find((r) => r.currency === currency);
  return [
    { label: 'Ordered', amount: a?.ordered ?? '0' },
    { label: 'Invoiced', amount: a?.invoiced ?? '0' },
    { label: 'Credited', amount: a?.credited ?? '0' },
    { label: 'Received', amount: m?.received ?? '0' },
    { label: 'Outstanding', amount: o?.total ?? '0' },
  ];
}

/** Amounts ordered, invoiced and credited per currency, with a chart per currency beside the money received and still owed. */
export function AmountsSection({ report }: { report: MonthlyReport }) {
  return (
    <section className="report-section" aria-labelledby="report-amounts">
      <h2 id="report-amounts">Amounts ordered, invoiced and credited</h2>
      <ReportTable
        caption="Amounts ordered, invoiced and credited per currency"
        columns={[
          { header: 'Currency', cell: (r) => r.currency },
          { header: 'Ordered', num: true, cell: (r) => <Money value={r.ordered} currency={r.currency} /> },
          { header: 'Invoiced', num: true, cell: (r) => <Money value={r.invoiced} currency={r.currency} /> },
          { header: 'Invoices', num: true, cell: (r) => r.invoices },
          { header: 'Credited', num: true, cell: (r) => <Money value={r.credited} currency={r.currency} /> },
          { header: 'Credit notes', num: true, cell: (r) => r.creditNotes },
        ]}
        rows={report.amounts}
        rowKey={(r) => r.currency}
        empty="Nothing ordered, invoiced or credited in the period."
      />
      {report.currencies.length > 0 ? (
        <div className="report-charts">
          {report.currencies.map((c) => (
            <CurrencyBarsChart
              key={c}
              title="Amounts"
              currency={c}
              bars={barsFor(report, c)}
              tableNote="The tables of this report have every figure: received under Money received, outstanding at the end of the period under Outstanding."
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
