import type { TitleRow } from '../../../shared/contract/reports';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { plural } from '../../../shared/domain/plural';
import { StackedBarChart, type ChartRow } from '../../components/charts/StackedBarChart';

const TOP = 10;
/** Long titles are cut in the chart only, where they would wrap into each other; the table and the description have them whole. */
const LABEL_CHARS = 36;
const shortTitle = (title: string) => (title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1).trimEnd()}…` : title);

/** Copies are copies whatever the price's currency, so a title's bar stacks its copies per currency. */
function topTitles(titles: readonly TitleRow[]): { rows: ChartRow[]; names: string[] } {
  const byTitle = new Map<string, { label: string; copies: number; values: Record<string, number> }>();
  for (const t of titles) {
    const key = t.publicationId === null ? `free:${t.title}` : `pub:${t.publicationId}`;
    const entry = byTitle.get(key) ?? { label: t.title, copies: 0, values: {} };
    entry.copies += t.copies;
    entry.values[t.currency] = (entry.values[t.currency] ?? 0) + t.copies;
    byTitle.set(key, entry);
  }
  const top = [...byTitle.values()].sort((a, b) => b.copies - a.copies).slice(0, TOP);
  return { rows: top.map((t) => ({ label: shortTitle(t.label), values: t.values })), names: top.map((t) => `${t.label} ${plural(t.copies, 'copy', 'copies')}`) };
}

/** The titles ordered most, by copies, stacked per currency of their price. */
export function TopTitlesChart({ titles }: { titles: readonly TitleRow[] }) {
  const chart = topTitles(titles);
  if (chart.rows.length === 0) return null;
  const series = CURRENCY_CODES.filter((c) => titles.some((t) => t.currency === c)).map((c) => ({ key: c, label: `Copies priced in ${c}` }));
  return (
    <figure className="report-figure">
      <figcaption>Top titles by copies ordered</figcaption>
      <StackedBarChart
        summary={`Top titles by copies ordered: ${chart.names.join('; ')}. The table that follows has copies and amounts per currency.`}
        series={series}
        rows={chart.rows}
        format={(v) => String(v)}
        labelWidth={250}
      />
    </figure>
  );
}
