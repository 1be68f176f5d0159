import type { LaidTable, ReportValue, ValueKind } from '../../../shared/reports/report-cells';
import { formatDate } from '../../../shared/format/dates';
import { Money } from '../../components/Money';
import { useLocale } from '../../state/settings';

/** Figures are right-aligned with tabular digits. */
const NUMERIC: ReadonlySet<ValueKind> = new Set(['count', 'money', 'rate']);

function Value({ value, locale }: { value: ReportValue; locale: string }) {
  switch (value.kind) {
    case 'text':
      return <bdi className="report-text">{value.text}</bdi>;
    case 'currency':
      return <>{value.currency}</>;
    case 'count':
      return <>{value.count}</>;
    case 'money':
      return <Money value={value.amount} currency={value.currency} />;
    case 'date':
      return <span className="nowrap">{formatDate(value.date, locale)}</span>;
    case 'rate':
      return <>{value.rate}</>;
  }
}

/**
 * One table of the report's layout (shared/reports/report-layout.ts), as the PDF and the files
 * have it: its title as the caption, the columns' labels, and the first cell of each row as its
 * row header; its notes under it, and a sentence instead of an empty table.
 */
export function ReportTable({ table }: { table: LaidTable }) {
  const locale = useLocale();
  const notes = table.notes.map((note) => (
    <p key={note.text} className={note.warning ? 'banner banner--warning' : 'muted report-note'}>
      {note.text}
    </p>
  ));
  if (table.rows.length === 0)
    return (
      <div className="report-table-block">
        <p className="muted report-empty">
          <span className="visually-hidden">{table.title}: </span>
          {table.empty}
        </p>
        {notes}
      </div>
    );
  const cellClass = (c: number) => [NUMERIC.has(table.columns[c]!.kind) ? 'num' : '', table.columns[c]!.keepWhole ? 'nowrap' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="report-table-block">
      <table className="grid report-table" id={`report-table-${table.id}`}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, c) => (
              <th key={c} scope="col" className={cellClass(c)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, c) => {
                const shown = table.columns[c]!.strong ? (
                  <strong>
                    <Value value={value} locale={locale} />
                  </strong>
                ) : (
                  <Value value={value} locale={locale} />
                );
                return c === 0 ? (
                  <th key={c} scope="row" className={cellClass(c)}>
                    {shown}
                  </th>
                ) : (
                  <td key={c} className={cellClass(c)}>
                    {shown}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {notes}
    </div>
  );
}
