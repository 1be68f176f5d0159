/**
 * Excel workbooks (.xlsx) for the Data screen's exports and the monthly report, from Tables.
 *
 * Why exceljs 4.4.0 and not a maintained alternative such as write-excel-file (decided for the
 * monthly reports, issue 10): exceljs has had no release since 2023 and its own tracker asks
 * whether it is maintained (exceljs#2907, #2969; MUI's "intent to fork", #2764, over outdated
 * dependencies). But it is already here and stays here whatever we write with: import reads
 * .xlsx through it (db/transfer/read-table.ts) and the tests read every workbook back with it.
 * It does all a finance workbook needs (typed numeric, date and text cells, per-cell number
 * formats such as `#,##0.00 "CHF"`, frozen header rows, column widths, autofilter, print titles,
 * fit to page width), and what we use of it is the long-stable core of its API. write-excel-file
 * would add a second xlsx library for writing only, with its own zip and date handling to make
 * deterministic, and no reader to test with. The risk of an unmaintained writer is contained:
 * everything exceljs-specific is in this one file behind the Table model (table.ts), so moving
 * to a fork (@protobi/exceljs, excelts) or another writer touches nothing else, and the tests
 * (tests/unit/xlsx-writer.test.ts, tests/db/report-files.test.ts) check the cells, not the library.
 * Its one gap for us, zip entries stamped with the current time, is closed in zip-dates.ts.
 *
 * Formula injection: a text cell is written as a string cell with the Text number format (@),
 * so a name such as =HYPERLINK(…) is shown as written, never evaluated, and stays text even
 * when someone edits the cell (Excel does not parse what is typed into a Text cell). The value
 * itself is kept exactly, so an exported file imports back unchanged.
 */
import ExcelJS from 'exceljs';
import { amount as decimalOf } from '../../shared/money/money';
import { currencyExponent } from '../../shared/money/currencies';
import { withEntryDates } from './zip-dates';
import { isAmount, isDate, isDecimal, plainText, type AmountCell, type Cell, type Column, type Table } from './table';

export interface WorkbookOptions {
  /** The workbook's created and modified dates and every zip entry's date: same tables and time, same bytes. */
  time: Date;
  title?: string;
  /** Landscape pages, fitted to the page width, for wide report tables. */
  print?: 'portrait' | 'landscape';
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * XLSX stores numbers as doubles, so an amount is handed over as the double whose shortest
 * form is exactly its decimal string (true for every amount with at most 15 digits); anything
 * else stays text rather than be written inexactly.
 */
export function excelNumber(text: string): number | string {
  const value = Number(text);
  return Number.isFinite(value) && decimalOf(String(value)).equals(decimalOf(text)) ? value : text;
}

function amountFormat(cell: AmountCell): string {
  const digits = cell.currency ? currencyExponent(cell.currency) : 2;
  const number = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  return cell.currency ? `${number} "${cell.currency}"` : digits > 0 ? `0.${'0'.repeat(digits)}` : '0';
}

const COLUMN_FORMAT: Record<Column['kind'], string> = { text: '@', integer: '0', amount: '0.00', date: 'yyyy-mm-dd', decimal: 'General' };

/** A calendar day as the midnight UTC that exceljs turns into that day's serial number. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if (isAmount(cell)) return excelNumber(cell.amount);
  if (isDate(cell)) return excelDate(cell.date);
  if (isDecimal(cell)) return excelNumber(cell.decimal);
  return null;
}

/** How wide a cell shows, in characters: amounts with their group separators and currency code. */
function shownLength(cell: Cell): number {
  const text = plainText(cell);
  if (isAmount(cell)) return text.length + Math.floor(text.replace(/^-|\..*$/g, '').length / 3) + (cell.currency ? 4 : 0);
  // East Asian characters take about two columns.
  return [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
}

function columnWidth(table: Table, index: number): number {
  const column = table.columns[index]!;
  if (column.width !== undefined) return column.width;
  const widest = table.rows.reduce((max, row) => Math.max(max, shownLength(row[index] ?? null)), column.header.length + 2);
  return Math.min(Math.max(widest + 2, 8), 60);
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, print: WorkbookOptions['print']): void {
  const lead = table.title === undefined ? 0 : 1 + (table.notes?.length ?? 0) + 1;
  const headerRow = lead + 1;
  const ws = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: print ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  ws.columns = table.columns.map((c, i) => ({ key: String(i), width: columnWidth(table, i), style: { numFmt: COLUMN_FORMAT[c.kind] } }));

  if (table.title !== undefined) {
    const title = ws.getRow(1);
    title.getCell(1).value = table.title;
    title.getCell(1).numFmt = '@';
    title.font = { bold: true, size: 13 };
    (table.notes ?? []).forEach((note, i) => {
      const row = ws.getRow(2 + i);
      row.getCell(1).value = note;
      row.getCell(1).numFmt = '@';
      row.font = { color: { argb: 'FF5B6675' } };
    });
  }

  const header = ws.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.numFmt = '@';
    cell.font = { bold: true };
    cell.alignment = { horizontal: c.kind === 'text' ? 'left' : 'right', vertical: 'bottom', wrapText: false };
    cell.border = { bottom: { style: 'thin' } };
  });

  table.rows.forEach((cells, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      target.value = cellValue(cell);
      if (isAmount(cell)) target.numFmt = typeof target.value === 'number' ? amountFormat(cell) : '@';
      else if (isDecimal(cell) && typeof target.value !== 'number') target.numFmt = '@';
    });
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: Math.max(1, table.columns.length) } };
}

export async function xlsxBytes(tables: readonly Table[], options: WorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Order Desk';
  workbook.lastModifiedBy = 'Order Desk';
  workbook.created = options.time;
  workbook.modified = options.time;
  if (options.title) workbook.title = options.title;
  for (const table of tables) addSheet(workbook, table, options.print);
  return withEntryDates(Buffer.from(await workbook.xlsx.writeBuffer()), options.time);
}
