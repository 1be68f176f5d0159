/** What an import will do, in words: which rows go in, and which are left out. */
import type { ImportReport } from '../../../shared/contract/transfer';
import { plural } from '../../../shared/domain/plural';

const rowsWord = (n: number) => plural(n, 'row', 'rows');

/** "row 4", "rows 4 and 7", "rows 4, 7 and 9"; "12 rows" when there are more than five or not all are listed. */
export function rowNumbers(rows: readonly number[], count: number): string {
  if (count === 1 && rows.length === 1) return `row ${rows[0]}`;
  if (count > 5 || rows.length < count) return rowsWord(count);
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

/** The rows with a problem and that they will be left out: "row 4 has an error and will be skipped". */
function skippedWords(report: ImportReport): string {
  const one = report.rowsWithProblemsCount === 1;
  return `${rowNumbers(report.rowsWithProblems, report.rowsWithProblemsCount)} ${one ? 'has an error' : 'have errors'} and will be skipped`;
}

/** The import button says exactly what it imports: "Import 3 rows (row 4 has an error and will be skipped)". */
export function importButtonLabel(report: ImportReport): string {
  if (report.problemCount === 0) return `Confirm import of ${rowsWord(report.validRows)}`;
  if (report.canSkipRowsWithProblems) return `Import ${rowsWord(report.validRows)} (${skippedWords(report)})`;
  return 'Nothing can be imported yet';
}

/** After an import: what went in, and what was left out. */
export function importedText(fileName: string, result: { created: number; updated: number; skipped: number; report: ImportReport }): string {
  const done = `Imported ${fileName}: ${result.created} added, ${result.updated} updated`;
  if (result.skipped === 0) return `${done}.`;
  const { rowsWithProblems, rowsWithProblemsCount } = result.report;
  return `${done}; ${rowNumbers(rowsWithProblems, rowsWithProblemsCount)} with ${rowsWithProblemsCount === 1 ? 'an error was' : 'errors were'} not imported.`;
}
