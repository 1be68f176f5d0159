import type { MonthlyReport } from '../../../shared/contract/reports';
import { PAYMENT_METHODS } from '../../../shared/domain/vocabulary';
import { Money } from '../../components/Money';
import { CurrencyBarsChart } from './CurrencyBarsChart';
import { ReportTable } from './ReportTable';
import { methodLabel } from './report-text';

/** Money received per currency and method, refunds paid, bank fees and write-offs. */
export function MoneySection({ money, currencies }: { money: MonthlyReport['money']; currencies: MonthlyReport['currencies'] }) {
  const receivedIn = currencies.filter((c) => money.byMethod.some((r) => r.currency === c));
  return (
    <section className="report-section" aria-labelledby="report-money">
      <h2 id="report-money">Money received</h2>
      <ReportTable
        caption="Money received, refunded and written off per currency"
        columns={[
          { header: 'Currency', cell: (r) => r.currency },
          { header: 'Received', num: true, cell: (r) => <Money value={r.received} currency={r.currency} /> },
          { header: 'Refunds paid', num: true, cell: (r) => <Money value={r.refunded} currency={r.currency} /> },
          { header: 'Net received', num: true, cell: (r) => <Money value={r.net} currency={r.currency} /> },
          { header: 'Bank fees', num: true, cell: (r) => <Money value={r.bankFees} currency={r.currency} /> },
          { header: 'Written off', num: true, cell: (r) => <Money value={r.writtenOff} currency={r.currency} /> },
        ]}
        rows={money.totals}
        rowKey={(r) => r.currency}
        empty="No money received, refunded or written off in the period."
      />
      <div className="report-tables report-tables--wide">
        <ReportTable
          caption="Money received per method"
          columns={[
            { header: 'Currency', cell: (r) => r.currency },
            { header: 'Method', cell: (r) => methodLabel(r.method) },
            { header: 'Payments', num: true, cell: (r) => r.count },
            { header: 'Reversed', num: true, cell: (r) => r.reversals },
            { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
          ]}
          rows={money.byMethod}
          rowKey={(r) => `${r.currency}-${r.method}`}
          empty="No payment received in the period."
        />
        <ReportTable
          caption="Refunds paid per method"
          columns={[
            { header: 'Currency', cell: (r) => r.currency },
            { header: 'Method', cell: (r) => methodLabel(r.method) },
            { header: 'Refunds', num: true, cell: (r) => r.count },
            { header: 'Reversed', num: true, cell: (r) => r.reversals },
            { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
          ]}
          rows={money.refunds}
          rowKey={(r) => `${r.currency}-${r.method}`}
          empty="No refund paid in the period."
        />
        <ReportTable
          caption="Write-offs, with their reasons"
          columns={[
            { header: 'Currency', cell: (r) => r.currency },
            { header: 'Write-offs', num: true, cell: (r) => r.count },
            { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
            { header: 'Reasons', cell: (r) => <bdi className="report-reason">{r.reasons.join('; ')}</bdi> },
          ]}
          rows={money.writeOffs}
          rowKey={(r) => r.currency}
          empty="Nothing written off in the period."
        />
      </div>
      {receivedIn.length > 0 ? (
        <div className="report-charts">
          {receivedIn.map((c) => (
            <CurrencyBarsChart
              key={c}
              title="Money received by method"
              currency={c}
              bars={PAYMENT_METHODS.flatMap((m) => {
                const row = money.byMethod.find((r) => r.currency === c && r.method === m);
                return row ? [{ label: methodLabel(m), amount: row.amount }] : [];
              })}
              tableNote="The table Money received per method has every figure."
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
