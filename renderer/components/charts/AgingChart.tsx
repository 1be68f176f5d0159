import { AGING_BUCKETS, AGING_BUCKET_LABELS, type AgingRow, type CustomerAgingRow } from '../../../shared/contract/receivables';
import { formatMoney } from '../../../shared/money/money';
import { useLocale } from '../../state/settings';
import { AgingTable } from './AgingTable';
import { StackedBarChart, type ChartRow } from './StackedBarChart';

const SERIES = AGING_BUCKETS.map((b) => ({ key: b, label: AGING_BUCKET_LABELS[b] }));

function chartRow(label: string, row: AgingRow): ChartRow {
  // Numbers only place the bars; every figure a clerk reads comes from the exact strings.
  return { label, values: Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(row.buckets[b])])) };
}

interface AgingChartProps {
  /** The currency's totals; one chart never holds two currencies. */
  total: AgingRow;
  /** Customers owing the most in this currency. */
  customers: readonly CustomerAgingRow[];
}

/** One currency's aging: all orders, then the customers owing most, each bar stacked by age. */
export function AgingChart({ total, customers }: AgingChartProps) {
  const locale = useLocale();
  const c = total.currency;
  const mine = customers.filter((r) => r.currency === c);
  const rows = [chartRow('All orders', total), ...mine.map((r) => chartRow(r.customerName || 'No customer record', r))];
  const parts = AGING_BUCKETS.map((b) => `${AGING_BUCKET_LABELS[b]} ${formatMoney(total.buckets[b], c, locale)}`).join(', ');
  return (
    <figure className="aging-chart">
      <figcaption>
        <strong>{formatMoney(total.total, c, locale)}</strong> owed on {total.orders === 1 ? '1 order' : `${total.orders} orders`}
      </figcaption>
      <StackedBarChart
        summary={`Aging in ${c}: ${parts}. The table that follows has every figure.`}
        series={SERIES}
        rows={rows}
        format={(v) => formatMoney(String(v), c, locale)}
      />
      <AgingTable caption={`Aging in ${c}, all orders and the customers owing most`} rows={[total, ...mine]} rowLabel={(r) => ('customerName' in r ? (r as CustomerAgingRow).customerName || 'No customer record' : 'All orders')} hidden />
    </figure>
  );
}
