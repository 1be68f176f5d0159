import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColour } from './palette';
import './charts.css';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  /** One number per series key; amounts in one unit (never two currencies in one chart). */
  values: Record<string, number>;
}

interface StackedBarChartProps {
  /** Says what the chart shows, for screen readers; the numbers are in the table that goes with it. */
  summary: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  format(value: number): string;
  /** Width kept for the row labels, in pixels. */
  labelWidth?: number;
}

/**
 * Horizontal bars, one per row, stacked by series. The picture is for the eye; it is one
 * image to assistive technology, described by `summary`, and the exact figures belong in
 * a table beside it.
 */
export function StackedBarChart({ summary, series, rows, format, labelWidth = 160 }: StackedBarChartProps) {
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const height = 70 + rows.length * 34;
  return (
    <div className="chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis type="number" tickFormatter={format} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fill: 'currentColor', fontSize: 12 }} stroke="currentColor" strokeOpacity={0.4} />
          <Tooltip formatter={(value) => format(Number(value))} cursor={{ fill: 'currentColor', fillOpacity: 0.06 }} wrapperClassName="chart__tooltip" />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={seriesColour(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
