/**
 * CSV as spreadsheets open it without asking: UTF-8 with a BOM (so Excel shows accents), CRLF
 * line ends, RFC 4180 quoting (papaparse), comma or semicolon between cells (Excel with Swiss or
 * European regional settings expects semicolons). Text cells go through the formula guard
 * (cell-safety.ts); numbers, amounts and dates are written as plain numbers and ISO dates, never
 * guarded, because the table says what they are.
 */
import Papa from 'papaparse';
import { protectCell } from './cell-safety';
import { plainText, type Cell, type Table } from './table';

export type CsvDelimiter = ',' | ';';

export function csvDelimiter(choice: 'comma' | 'semicolon' | undefined): CsvDelimiter {
  return choice === 'semicolon' ? ';' : ',';
}

export function csvCell(cell: Cell): string {
  return typeof cell === 'string' ? protectCell(cell) : plainText(cell);
}

/** Rows of cells to CSV bytes; a row may be empty (a blank line between sections). */
export function csvBytes(rows: readonly (readonly Cell[])[], delimiter: CsvDelimiter): Buffer {
  const text = Papa.unparse(
    rows.map((row) => row.map(csvCell)),
    { delimiter, newline: '\r\n', quotes: false, header: false },
  );
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}

/** One table as the Data screen exports it: the header row, then the rows. */
export function tableRows(table: Table): Cell[][] {
  return [table.columns.map((c) => c.header), ...table.rows];
}

/**
 * Tables one after another, as a report's sections: each with its title row (and notes), its
 * header and its rows, a blank line between them; `preamble` rows come first.
 */
export function sectionedRows(tables: readonly Table[], preamble: readonly (readonly Cell[])[] = []): Cell[][] {
  const rows: Cell[][] = preamble.map((r) => [...r]);
  for (const table of tables) {
    if (rows.length > 0) rows.push([]);
    if (table.title !== undefined) rows.push([table.title]);
    for (const note of table.notes ?? []) rows.push([note]);
    rows.push(...tableRows(table));
  }
  return rows;
}
