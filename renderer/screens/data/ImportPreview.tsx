import type { ImportReport } from '../../../shared/contract/transfer';

/** Which fields to show: those with a value in any previewed row, in the fields' order. */
function shownFields(report: ImportReport) {
  return report.fields.filter((f) => report.sample.some((row) => (row.values[f.key] ?? '') !== ''));
}

/** The summary, every problem in words, and the first rows exactly as they would be stored. */
export function ImportPreview({ report }: { report: ImportReport }) {
  const fields = shownFields(report);
  const hidden = report.problemCount - report.problems.length;
  const withProblems = report.sample.some((row) => row.problems.length > 0);
  return (
    <div className="import-preview">
      <p className="import-summary" role="status">
        {report.totalRows} {report.totalRows === 1 ? 'row' : 'rows'} in {report.fileName}: {report.toCreate} new, {report.toUpdate} to update
        {report.problemCount > 0 ? `, ${report.problemCount} ${report.problemCount === 1 ? 'problem' : 'problems'}` : ', no problems'}.
      </p>
      {report.problemCount > 0 ? (
        <section className="import-problems" aria-labelledby="import-problems-heading">
          <h3 id="import-problems-heading">Problems to fix in the file</h3>
          <p>
            {report.canSkipRowsWithProblems
              ? 'A row with a problem is not imported: fix it in the file and choose the file again, or import the other rows without it.'
              : 'Nothing can be imported until these are fixed in the file.'}{' '}
            Row numbers are those your spreadsheet shows (the column names are row 1).
          </p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                Row {p.row}: {p.message}
              </li>
            ))}
          </ul>
          {hidden > 0 ? <p>…and {hidden} more.</p> : null}
        </section>
      ) : null}
      {report.sample.length > 0 ? (
        <div className="import-table-wrap">
          <table className="grid import-table">
            <caption>
              First {report.sample.length} of {report.totalRows} rows as they would be stored
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Will</th>
                {withProblems ? <th scope="col">Problems</th> : null}
                {fields.map((f) => (
                  <th scope="col" key={f.key}>
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.sample.map((row) => (
                <tr key={row.row} className={row.problems.length > 0 ? 'row--problem' : ''}>
                  <th scope="row">{row.row}</th>
                  <td>{row.problems.length > 0 ? 'Not imported (error)' : row.action === 'create' ? 'Add' : `Update${row.matches ? `: ${row.matches}` : ''}`}</td>
                  {withProblems ? <td className="problems-cell">{row.problems.join(' ')}</td> : null}
                  {fields.map((f) => (
                    <td key={f.key}>{row.values[f.key] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.ignoredColumns.length > 0 ? <p className="muted">Not imported: {report.ignoredColumns.join(', ')}.</p> : null}
    </div>
  );
}
