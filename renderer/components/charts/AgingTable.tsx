import { AGING_BUCKETS, AGING_BUCKET_LABELS, type AgingRow } from '../../../shared/contract/receivables';
import { Money } from '../Money';
import './charts.css';

interface AgingTableProps<R extends AgingRow> {
  caption: string;
  rows: readonly R[];
  /** The row's name: its currency by default, or e.g. a customer. */
  rowLabel?(row: R): string;
  /** Kept for screen readers only, when a chart beside it shows the same figures. */
  hidden?: boolean;
}

/** What is owed by age, exact to the cent, one row per currency (or per customer and currency). */
export function AgingTable<R extends AgingRow>({ caption, rows, rowLabel, hidden }: AgingTableProps<R>) {
  const table = (
    <table className={hidden ? 'chart-table' : 'grid chart-table aging-table'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowLabel ? 'Who' : 'Currency'}</th>
          {AGING_BUCKETS.map((b) => (
            <th key={b} scope="col" className="num">
              {AGING_BUCKET_LABELS[b]}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col" className="num">
            Orders
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.currency}-${i}`}>
            <th scope="row">
              <bdi>{rowLabel ? rowLabel(r) : r.currency}</bdi>
            </th>
            {AGING_BUCKETS.map((b) => (
              <td key={b} className="num">
                <Money value={r.buckets[b]} currency={r.currency} />
              </td>
            ))}
            <td className="num">
              <strong>
                <Money value={r.total} currency={r.currency} />
              </strong>
            </td>
            <td className="num">{r.orders}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A table grows to its content whatever its width, so the hiding is done by a box around it.
  return hidden ? <div className="chart-table--hidden">{table}</div> : table;
}
