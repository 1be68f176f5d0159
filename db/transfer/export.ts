/**
 * transfer.export: the catalogue (with the prices in force today) and the customer
 * directory as CSV or XLSX. Column names are the ones import recognises, so an export
 * can be edited in a spreadsheet and imported back.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportFile, ExportFormat, ExportKind } from '../../shared/contract/transfer';
import { localIsoDate } from '../../shared/domain/dates';
import { CURRENCY_CODES } from '../../shared/money/currencies';
import { amount } from '../../shared/money/money';
import type { ServiceContext } from '../context';
import { listPublications } from '../services/catalogue';
import { toCustomer, type CustomerRow } from '../services/customers';
import { protectCell } from './cell-safety';

type CellType = 'text' | 'integer' | 'amount';

interface Column {
  header: string;
  type: CellType;
  width: number;
}

interface Sheet {
  name: string;
  columns: Column[];
  /** Cells as exact text; typed for XLSX from the column's type. */
  rows: string[][];
}

function catalogueSheet(ctx: ServiceContext): Sheet {
  const { publications } = listPublications(ctx, { includeRetired: true });
  return {
    name: 'Catalogue',
    columns: [
      { header: 'ID', type: 'integer', width: 6 },
      { header: 'Title', type: 'text', width: 60 },
      { header: 'Subtitle', type: 'text', width: 40 },
      { header: 'Year', type: 'integer', width: 6 },
      { header: 'Pages', type: 'integer', width: 6 },
      { header: 'ISBN', type: 'text', width: 16 },
      { header: 'E-ISBN', type: 'text', width: 16 },
      { header: 'Languages', type: 'text', width: 12 },
      { header: 'Formats', type: 'text', width: 10 },
      { header: 'Active', type: 'text', width: 7 },
      ...CURRENCY_CODES.map((c) => ({ header: `Price ${c}`, type: 'amount' as const, width: 11 })),
    ],
    rows: publications.map((p) => [
      String(p.id),
      p.title,
      p.subtitle,
      p.year === null ? '' : String(p.year),
      p.pages === null ? '' : String(p.pages),
      p.isbn,
      p.eisbn,
      p.languages.join(', '),
      p.formats.join(', '),
      p.active ? 'yes' : 'no',
      ...CURRENCY_CODES.map((c) => p.prices[c]?.unitPrice ?? ''),
    ]),
  };
}

function customersSheet(ctx: ServiceContext): Sheet {
  const rows = (ctx.db.prepare('SELECT * FROM customers WHERE merged_into IS NULL ORDER BY name COLLATE NOCASE, id').all() as CustomerRow[]).map(toCustomer);
  return {
    name: 'Customers',
    columns: [
      { header: 'ID', type: 'integer', width: 6 },
      { header: 'Name', type: 'text', width: 32 },
      { header: 'Address', type: 'text', width: 40 },
      { header: 'Country', type: 'text', width: 8 },
      { header: 'City', type: 'text', width: 20 },
      { header: 'Zip code', type: 'text', width: 10 },
      { header: 'Tel.', type: 'text', width: 18 },
      { header: 'E-mail', type: 'text', width: 30 },
      { header: 'Notes', type: 'text', width: 40 },
    ],
    rows: rows.map((c) => [String(c.id), c.name, c.address, c.country, c.city, c.postalCode, c.phone, c.email, c.notes]),
  };
}

/** UTF-8 with BOM so Excel shows accents; every cell that could run as a formula is quoted. */
function toCsv(sheet: Sheet, delimiter: ',' | ';'): Buffer {
  const text = Papa.unparse(
    { fields: sheet.columns.map((c) => protectCell(c.header)), data: sheet.rows.map((r) => r.map(protectCell)) },
    { delimiter, newline: '\r\n', quotes: false },
  );
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}

/**
 * XLSX writers take numbers, so an amount is handed over as the double whose shortest
 * form is exactly its decimal string (true for every amount with at most 15 digits);
 * anything else stays text rather than be written inexactly.
 */
function excelAmount(text: string): number | string {
  const value = Number(text);
  return amount(String(value)).equals(amount(text)) ? value : text;
}

async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Order Desk';
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    // Text format keeps ISBNs, phone numbers and zip codes such as 01234 exactly as written.
    style: { numFmt: c.type === 'text' ? '@' : c.type === 'amount' ? '0.00' : '0' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const cells of sheet.rows) {
    ws.addRow(
      cells.map((text, i) => {
        const type = sheet.columns[i]!.type;
        if (text === '') return null;
        if (type === 'integer') return Number.parseInt(text, 10);
        if (type === 'amount') return excelAmount(text);
        return text;
      }),
    );
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportData(ctx: ServiceContext, input: { kind: ExportKind; format: ExportFormat; delimiter?: 'comma' | 'semicolon' | undefined }): Promise<ExportFile> {
  const sheet = input.kind === 'catalogue' ? catalogueSheet(ctx) : customersSheet(ctx);
  const stem = `order-desk-${input.kind}-${localIsoDate(ctx.now())}`;
  const content = input.format === 'csv' ? toCsv(sheet, input.delimiter === 'semicolon' ? ';' : ',') : await toXlsx(sheet);
  return {
    fileName: `${stem}.${input.format}`,
    mimeType: input.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    rows: sheet.rows.length,
  };
}
