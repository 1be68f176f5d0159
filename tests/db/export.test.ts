import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});
function open(): TestApp {
  const app = openTestApp();
  apps.push(app);
  return app;
}

const tricky = [
  { name: '=HYPERLINK("http://evil.example","Click")', country: 'CH', city: 'Genève', postalCode: '01234', phone: '+41 22 717 9111', email: 'a@example.ch', notes: '@SUM(A1)' },
  { name: 'Zoë "Zed" Ångström, PhD', address: 'Storgatan 1\nBox 7', country: 'SE', city: 'Uppsala', postalCode: '753 10', phone: '-', email: 'zoe@example.se', notes: '' },
];

async function seed(app: TestApp): Promise<void> {
  for (const c of tricky) await call(app, 'customers.save', c);
  const { publications } = await call(app, 'catalogue.list', {});
  await call(app, 'prices.set', { publicationId: publications[0].id, currency: 'CHF', unitPrice: '19.99' });
  await call(app, 'prices.set', { publicationId: publications[0].id, currency: 'USD', unitPrice: '1234567.05' });
  await call(app, 'prices.set', { publicationId: publications[1].id, currency: 'EUR', unitPrice: '0.10' });
}

const comparable = (list: Record<string, unknown>[]) =>
  list.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest).sort((a, b) => String(a.name ?? a.title).localeCompare(String(b.name ?? b.title)));

describe('export', () => {
  it('writes CSV that a spreadsheet cannot run as formulas, with exact amounts', async () => {
    const app = open();
    await seed(app);
    const file = await call(app, 'transfer.export', { kind: 'customers', format: 'csv' });
    expect(file.fileName).toBe('order-desk-customers-2026-11-20.csv');
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffID,Name,Address,Country,City,Zip code,Tel.,E-mail,Notes\r\n')).toBe(true);
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(text).toContain("'+41 22 717 9111");
    expect(text).toContain("'@SUM(A1)");
    expect(text).toContain(",'-,");
    expect(text).toContain(',01234,');

    const catalogue = Buffer.from((await call(app, 'transfer.export', { kind: 'catalogue', format: 'csv', delimiter: 'semicolon' })).contentBase64, 'base64').toString('utf8');
    expect(catalogue.split('\r\n')[0]).toBe('\ufeffID;Title;Subtitle;Year;Pages;ISBN;E-ISBN;Languages;Formats;Active;Price CHF;Price EUR;Price USD');
    expect(catalogue).toMatch(/;19\.99;;1234567\.05\r\n/);
    expect(catalogue).toMatch(/;;0\.10;\r\n/);
  });

  it('writes XLSX with text cells for ISBN, phone and zip code, and number cells for amounts', async () => {
    const app = open();
    await seed(app);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await call(app, 'transfer.export', { kind: 'customers', format: 'xlsx' })).contentBase64, 'base64') as any);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'ID', 'Name', 'Address', 'Country', 'City', 'Zip code', 'Tel.', 'E-mail', 'Notes']);
    const geneva = sheet.getRow(2);
    expect(geneva.getCell(2).value).toBe('=HYPERLINK("http://evil.example","Click")'); // a plain string cell, not a formula
    expect(geneva.getCell(6).value).toBe('01234');
    expect(geneva.getCell(6).numFmt).toBe('@');
    expect(geneva.getCell(7).value).toBe('+41 22 717 9111');

    const cat = new ExcelJS.Workbook();
    await cat.xlsx.load(Buffer.from((await call(app, 'transfer.export', { kind: 'catalogue', format: 'xlsx' })).contentBase64, 'base64') as any);
    const rows = cat.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const priced = rows.find((r) => r[11] === 19.99)!;
    expect(priced[13]).toBe(1234567.05);
    const isbns = rows.slice(1).map((r) => r[6]).filter((v) => v !== undefined);
    expect(isbns).toContain('9789290688051');
    for (const isbn of isbns) expect(isbn).toMatch(/^978\d{10}$/);
  });

  it('guards full-width and blank-led formulas in CSV, while numbers stay plain numbers', async () => {
    const app = open();
    await seed(app);
    for (const c of [
      { name: '\uff1d1+1', country: 'CH', phone: '\uff0b41 22 717 9111', notes: '\uff20SUM(A1)' },
      { name: '\uff0d2+3 Ltd', country: 'CH', postalCode: '-12.50', notes: '25.00' },
    ]) await call(app, 'customers.save', c);
    // A row written before names were cleaned on input may still start with a blank or a tab.
    const { customer } = await call(app, 'customers.save', { name: 'Legacy', country: 'CH' });
    app.db.prepare('UPDATE customers SET name = ?, city = ?, address = ? WHERE id = ?').run(' =1+1', '\t@cmd', '\r-2', customer.id);

    const text = Buffer.from((await call(app, 'transfer.export', { kind: 'customers', format: 'csv' })).contentBase64, 'base64').toString('utf8');
    const cells = Papa.parse<string[]>(text.slice(1)).data.flat();
    expect(cells).toEqual(
      expect.arrayContaining(["'\uff1d1+1", "'\uff0b41 22 717 9111", "'\uff20SUM(A1)", "'\uff0d2+3 Ltd", "' =1+1", "'\t@cmd", "'\r-2", "'+41 22 717 9111", '\'=HYPERLINK("http://evil.example","Click")']),
    );
    // Text is never guessed to be a number: a zip code written "-12.50" is text and guarded like any text;
    // amounts are typed number cells and stay plain (the catalogue's prices below, refunds in the report's CSV).
    expect(cells).toEqual(expect.arrayContaining(["'-12.50", '25.00']));
    const catalogue = Buffer.from((await call(app, 'transfer.export', { kind: 'catalogue', format: 'csv' })).contentBase64, 'base64').toString('utf8');
    expect(catalogue).toMatch(/,19\.99,,1234567\.05\r\n/);

    // The guarded file imports back to exactly the stored text.
    const other = open();
    const file = await call(app, 'transfer.export', { kind: 'customers', format: 'csv' });
    const preview = await call(other, 'transfer.preview', { kind: 'customers', fileName: file.fileName, contentBase64: file.contentBase64 });
    const fresh = await call(other, 'transfer.commit', { kind: 'customers', fileName: file.fileName, contentBase64: file.contentBase64, mapping: { ...preview.mapping, id: '' } });
    expect(fresh.written).toBe(true);
    const imported = (await call(other, 'customers.search', { query: '', limit: 200 })).customers.map((c: { name: string }) => c.name);
    expect(imported).toEqual(expect.arrayContaining(['\uff1d1+1', '\uff0d2+3 Ltd', '=1+1', '=HYPERLINK("http://evil.example","Click")']));
  });

  it('writes formula-like text as text cells in XLSX, never as formulas, and amounts as numbers', async () => {
    const app = open();
    await seed(app);
    await call(app, 'customers.save', { name: '\uff1d1+1', country: 'CH', phone: '+41 22 717 9111', notes: '-12.50' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await call(app, 'transfer.export', { kind: 'customers', format: 'xlsx' })).contentBase64, 'base64') as any);
    const sheet = workbook.worksheets[0]!;
    const textCells: ExcelJS.Cell[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) for (const column of [2, 3, 5, 6, 7, 8, 9]) if (row.getCell(column).value !== null) textCells.push(row.getCell(column));
    });
    expect(textCells.map((c) => c.value)).toEqual(expect.arrayContaining(['\uff1d1+1', '=HYPERLINK("http://evil.example","Click")', '+41 22 717 9111', '@SUM(A1)', '-12.50']));
    for (const cell of textCells) expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String);

    const cat = new ExcelJS.Workbook();
    await cat.xlsx.load(Buffer.from((await call(app, 'transfer.export', { kind: 'catalogue', format: 'xlsx' })).contentBase64, 'base64') as any);
    const priced = cat.worksheets[0]!.getRow(2);
    const prices = [11, 12, 13].map((c) => cat.worksheets[0]!.getColumn(c).values.filter((v) => v !== undefined && v !== null)).flat();
    expect(prices.filter((v) => typeof v === 'number')).toEqual(expect.arrayContaining([19.99, 1234567.05, 0.1]));
    expect(prices.filter((v) => typeof v !== 'number')).toEqual(['Price CHF', 'Price EUR', 'Price USD']);
    expect(priced.getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it.each(['csv', 'xlsx'] as const)('round-trips through %s: import of an export restores the exported data', async (format) => {
    const app = open();
    await seed(app);
    const customersAtExport = comparable((await call(app, 'customers.search', { query: '', limit: 200 })).customers);
    const catalogueAtExport = comparable((await call(app, 'catalogue.list', {})).publications);
    const customersFile = await call(app, 'transfer.export', { kind: 'customers', format });
    const catalogueFile = await call(app, 'transfer.export', { kind: 'catalogue', format });

    // Someone edits records after the export…
    const { customers } = await call(app, 'customers.search', { query: 'zoe' });
    await call(app, 'customers.save', { ...customers[0], city: 'Stockholm', id: customers[0].id });
    const { publications } = await call(app, 'catalogue.list', {});
    await call(app, 'catalogue.save', { ...publications[0], title: 'Changed title', id: publications[0].id });

    // …and importing the export puts the exported values back, matched by ID.
    const c = await call(app, 'transfer.commit', { kind: 'customers', fileName: customersFile.fileName, contentBase64: customersFile.contentBase64 });
    expect(c).toMatchObject({ written: true, created: 0, updated: 2 });
    const p = await call(app, 'transfer.commit', { kind: 'publications', fileName: catalogueFile.fileName, contentBase64: catalogueFile.contentBase64 });
    expect(p).toMatchObject({ written: true, created: 0 });
    expect(comparable((await call(app, 'customers.search', { query: '', limit: 200 })).customers)).toEqual(customersAtExport);
    expect(comparable((await call(app, 'catalogue.list', {})).publications)).toEqual(catalogueAtExport);

    // Into an empty directory, with the ID column left out, it creates the same customers.
    const other = open();
    const preview = await call(other, 'transfer.preview', { kind: 'customers', fileName: customersFile.fileName, contentBase64: customersFile.contentBase64 });
    const fresh = await call(other, 'transfer.commit', { kind: 'customers', fileName: customersFile.fileName, contentBase64: customersFile.contentBase64, mapping: { ...preview.mapping, id: '' } });
    expect(fresh).toMatchObject({ written: true, created: 2 });
    expect(comparable((await call(other, 'customers.search', { query: '', limit: 200 })).customers)).toEqual(customersAtExport);
  });
});
