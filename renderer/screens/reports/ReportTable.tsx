import type { ReactNode } from 'react';

export interface Column<R> {
  header: string;
  /** Right-aligned, tabular figures. */
  num?: boolean;
  cell(row: R): ReactNode;
}

interface ReportTableProps<R> {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R, index: number): string;
  /** Said instead of an empty table. */
  empty: string;
  /** Shown under the last row, e.g. a total in one currency. */
  footer?: ReactNode;
}

/** One section of the report as a plain table: a caption naming it, column headers, and the first cell of each row as its row header. */
export function ReportTable<R>({ caption, columns, rows, rowKey, empty, footer }: ReportTableProps<R>) {
  if (rows.length === 0)
    return (
      <p className="muted report-empty">
        <span className="visually-hidden">{caption}: </span>
        {empty}
      </p>
    );
  return (
    <table className="grid report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.num ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c, j) =>
              j === 0 ? (
                <th key={c.header} scope="row" className={c.num ? 'num' : undefined}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={c.num ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
}
