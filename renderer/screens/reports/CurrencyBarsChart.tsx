import type { CurrencyCode } from '../../../shared/money/currencies';
import { formatMoney } from '../../../shared/money/money';
import { StackedBarChart } from '../../components/charts/StackedBarChart';
import { useLocale } from '../../state/settings';

export interface CurrencyBar {
  label: string;
  /** An exact decimal string; the bar's length is only for the eye. */
  amount: string;
}

interface CurrencyBarsChartProps {
  title: string;
  currency: CurrencyCode;
  bars: readonly CurrencyBar[];
  /** Says where the exact figures are, e.g. "the table above". */
  tableNote: string;
}

/** One currency's amounts as bars: one chart never holds two currencies. */
export function CurrencyBarsChart({ title, currency, bars, tableNote }: CurrencyBarsChartProps) {
  const locale = useLocale();
  const summary = `${title} in ${currency}: ${bars.map((b) => `${b.label} ${formatMoney(b.amount, currency, locale)}`).join(', ')}. ${tableNote}`;
  return (
    <figure className="report-figure">
      <figcaption>
        {title} in <strong>{currency}</strong>
      </figcaption>
      <StackedBarChart
        summary={summary}
        series={[{ key: 'amount', label: currency }]}
        rows={bars.map((b) => ({ label: b.label, values: { amount: Number(b.amount) } }))}
        format={(v) => formatMoney(String(v), currency, locale)}
        labelWidth={120}
      />
    </figure>
  );
}
