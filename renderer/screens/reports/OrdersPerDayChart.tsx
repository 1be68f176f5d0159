import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OrdersReceivedSection } from '../../../shared/contract/reports';
import type { LaidTable } from '../../../shared/reports/report-cells';
import { plural } from '../../../shared/domain/plural';
import { formatDate } from '../../../shared/format/dates';
import { seriesColour } from '../../components/charts/palette';
import { useLocale } from '../../state/settings';
import { ReportTable } from './ReportTable';
import '../../components/charts/charts.css';

/** What the chart shows, in words: the total, how many days had orders, and the busiest day. */
function summaryOf(perDay: OrdersReceivedSection['perDay'], locale: string): string {
  const total = perDay.reduce((n, d) => n + d.count, 0);
  if (total === 0) return 'Orders received per day: none in the period.';
  const busy = perDay.filter((d) => d.count > 0);
  const top = busy.reduce((a, b) => (b.count > a.count ? b : a));
  return `Orders received per day: ${plural(total, 'order', 'orders')} on ${plural(busy.length, 'day', 'days')} of ${perDay.length}; the busiest day was ${formatDate(top.date, locale)} with ${top.count}. The table that follows lists every day.`;
}

/**
 * One column per day of the period, zero days included, so quiet days show as gaps; `figures` is
 * the report's table of the same days, kept for screen readers (the PDF and the files print it).
 */
export function OrdersPerDayChart({ perDay, figures }: { perDay: OrdersReceivedSection['perDay']; figures: LaidTable | undefined }) {
  const locale = useLocale();
  const summary = summaryOf(perDay, locale);
  // A month shows days of the month; a longer range needs the date to tell days apart.
  const spansMonths = perDay.length > 0 && perDay[0]!.date.slice(0, 7) !== perDay.at(-1)!.date.slice(0, 7);
  const data = perDay.map((d) => ({ label: spansMonths ? formatDate(d.date, locale) : String(Number(d.date.slice(8, 10))), date: d.date, count: d.count }));
  return (
    <figure className="report-figure">
      <figcaption>Orders received per day</figcaption>
      <div className="chart" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="label" tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} interval="preserveStartEnd" minTickGap={4} />
            <YAxis allowDecimals={false} width={32} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
            <Tooltip
              labelFormatter={(_label, payload) => {
                const date = (payload?.[0]?.payload as { date?: string } | undefined)?.date;
                return date ? formatDate(date, locale) : '';
              }}
              formatter={(value) => [String(value), 'Orders']}
              cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
              wrapperClassName="chart__tooltip"
            />
            <Bar dataKey="count" name="Orders" fill={seriesColour(0)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {figures ? (
        <div className="chart-table--hidden">
          <ReportTable table={figures} />
        </div>
      ) : null}
    </figure>
  );
}
