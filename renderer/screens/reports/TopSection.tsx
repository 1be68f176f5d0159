import type { MonthlyReport } from '../../../shared/contract/reports';
import { Money } from '../../components/Money';
import { ReportTable } from './ReportTable';

/** The customers and countries that ordered most, per currency. */
export function TopSection({ report }: { report: MonthlyReport }) {
  return (
    <section className="report-section" aria-labelledby="report-top">
      <h2 id="report-top">Top customers and countries</h2>
      <div className="report-tables">
        <ReportTable
          caption="Top customers by amount ordered, per currency"
          columns={[
            { header: 'Customer', cell: (r) => <bdi>{r.customerName || 'No customer record'}</bdi> },
            { header: 'Country', cell: (r) => r.country },
            { header: 'Currency', cell: (r) => r.currency },
            { header: 'Orders', num: true, cell: (r) => r.orders },
            { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
          ]}
          rows={report.topCustomers}
          rowKey={(r, i) => `${r.currency}-${r.customerId ?? r.customerName}-${i}`}
          empty="No orders in the period."
        />
        <ReportTable
          caption="Top countries by amount ordered, per currency"
          columns={[
            { header: 'Country', cell: (r) => <bdi>{r.countryName || r.country}</bdi> },
            { header: 'Currency', cell: (r) => r.currency },
            { header: 'Orders', num: true, cell: (r) => r.orders },
            { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
          ]}
          rows={report.topCountries}
          rowKey={(r) => `${r.currency}-${r.country}`}
          empty="No orders in the period."
        />
      </div>
    </section>
  );
}
