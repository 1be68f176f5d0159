/**
 * transfer.export: the catalogue (with the prices in force today) and the customer
 * directory as CSV or XLSX. Column names are the ones import recognises, so an export
 * can be edited in a spreadsheet and imported back.
 */
import type { ExportFile, ExportFormat, ExportKind } from '../../shared/contract/transfer';
import { CURRENCY_CODES } from '../../shared/money/currencies';
import { today, type ServiceContext } from '../context';
import { statement } from '../statements';
import { listPublications } from '../services/catalogue';
import { toCustomer, type CustomerRow } from '../services/customers';
import { csvBytes, csvDelimiter, tableRows } from '../files/csv';
import { money, type Table } from '../files/table';
import { XLSX_MIME, xlsxBytes } from '../files/xlsx';

function catalogueSheet(ctx: ServiceContext): Table {
  const { publications } = listPublications(ctx, { includeRetired: true });
  return {
    name: 'Catalogue',
    columns: [
      { header: 'ID', kind: 'integer', width: 6 },
      { header: 'Title', kind: 'text', width: 60 },
      { header: 'Subtitle', kind: 'text', width: 40 },
      { header: 'Year', kind: 'integer', width: 6 },
      { header: 'Pages', kind: 'integer', width: 6 },
      { header: 'ISBN', kind: 'text', width: 16 },
      { header: 'E-ISBN', kind: 'text', width: 16 },
      { header: 'Languages', kind: 'text', width: 12 },
      { header: 'Formats', kind: 'text', width: 10 },
      { header: 'Active', kind: 'text', width: 7 },
      ...CURRENCY_CODES.map((c) => ({ header: `Price ${c}`, kind: 'amount' as const, width: 11 })),
    ],
    rows: publications.map((p) => [
      p.id,
      p.title,
      p.subtitle,
      p.year,
      p.pages,
      p.isbn,
      p.eisbn,
      p.languages.join(', '),
      p.formats.join(', '),
      p.active ? 'yes' : 'no',
      // A price is an amount cell: a plain number in CSV, a numeric cell in Excel, never guarded as text.
      ...CURRENCY_CODES.map((c) => {
        const price = p.prices[c]?.unitPrice;
        return price === undefined ? null : money(price);
      }),
    ]),
  };
}

function customersSheet(ctx: ServiceContext): Table {
  const rows = (statement(ctx, 'SELECT * FROM customers WHERE merged_into IS NULL ORDER BY name COLLATE NOCASE, id').all() as CustomerRow[]).map(toCustomer);
  return {
    name: 'Customers',
    columns: [
      { header: 'ID', kind: 'integer', width: 6 },
      { header: 'Name', kind: 'text', width: 32 },
      { header: 'Address', kind: 'text', width: 40 },
      { header: 'Country', kind: 'text', width: 8 },
      { header: 'City', kind: 'text', width: 20 },
      { header: 'Zip code', kind: 'text', width: 10 },
      { header: 'Tel.', kind: 'text', width: 18 },
      { header: 'E-mail', kind: 'text', width: 30 },
      { header: 'Notes', kind: 'text', width: 40 },
    ],
    rows: rows.map((c) => [c.id, c.name, c.address, c.country, c.city, c.postalCode, c.phone, c.email, c.notes]),
  };
}

export async function exportData(ctx: ServiceContext, input: { kind: ExportKind; format: ExportFormat; delimiter?: 'comma' | 'semicolon' | undefined }): Promise<ExportFile> {
  const sheet = input.kind === 'catalogue' ? catalogueSheet(ctx) : customersSheet(ctx);
  const stem = `order-desk-${input.kind}-${today(ctx)}`;
  const content = input.format === 'csv' ? csvBytes(tableRows(sheet), csvDelimiter(input.delimiter)) : await xlsxBytes([sheet], { time: ctx.now() });
  return {
    fileName: `${stem}.${input.format}`,
    mimeType: input.format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_MIME,
    contentBase64: content.toString('base64'),
    rows: sheet.rows.length,
  };
}
