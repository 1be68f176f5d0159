import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const b64 = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
const count = (table: string) => (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const CUSTOMERS_WITH_ERRORS = [
  'Name;Address;Country;City/Zip Code;Tel.;E-mail',
  'Zoë Ångström;Storgatan 1;Sweden;753 10 Uppsala;+46 18 000 00;zoe@example.se',
  ';Rue du Rhône 1;CH;1204 Genève;;anon@example.ch',
  'Jean Dupont;1 rue de Paris;France;75001 Paris;;jean@example',
  'Maria Rossi;Via Roma 1;Narnia;00100 Roma;;maria@example.it',
  'Kwame Mensah;P.O. Box 1;GH;Accra;;kwame@example.gh',
].join('\r\n');

describe('import from CSV', () => {
  it('reports every bad row in plain words and writes nothing, not even the good rows', async () => {
    app = openTestApp();
    const before = count('customers');
    const input = { kind: 'customers', fileName: 'customers.csv', contentBase64: b64(`\ufeff${CUSTOMERS_WITH_ERRORS}`) };

    const preview = await call(app, 'transfer.preview', input);
    expect(preview.delimiter).toBe(';');
    expect(preview.mapping).toMatchObject({ name: 'Name', address: 'Address', country: 'Country', cityZip: 'City/Zip Code', phone: 'Tel.', email: 'E-mail' });
    expect(preview.totalRows).toBe(5);
    expect(preview.validRows).toBe(2);
    expect(preview.problems.map((p: { row: number; message: string }) => `Row ${p.row}: ${p.message}`)).toEqual([
      'Row 3: Name is required.',
      'Row 4: E-mail does not look like an e-mail address (name@example.org).',
      'Row 5: Country must be a country from the list (ISO code such as CH).',
    ]);
    // The first rows as they would be stored: the country name became its code, City/Zip Code was split.
    expect(preview.sample[0]).toMatchObject({ row: 2, action: 'create', values: { name: 'Zoë Ångström', country: 'SE', city: 'Uppsala', postalCode: '753 10', phone: '+46 18 000 00' } });
    expect(count('customers')).toBe(before);

    const commit = await call(app, 'transfer.commit', input);
    expect(commit.written).toBe(false);
    expect(commit.report.problemCount).toBe(3);
    expect(count('customers')).toBe(before);
  });

  it('says which rows have a problem, and on the clerk’s explicit choice imports the others without them', async () => {
    app = openTestApp();
    const input = { kind: 'customers', fileName: 'customers.csv', contentBase64: b64(`\ufeff${CUSTOMERS_WITH_ERRORS}`) };
    const preview = await call(app, 'transfer.preview', input);
    expect(preview).toMatchObject({ validRows: 2, rowsWithProblems: [3, 4, 5], rowsWithProblemsCount: 3, canSkipRowsWithProblems: true });

    const result = await call(app, 'transfer.commit', { ...input, skipRowsWithProblems: true });
    expect(result).toMatchObject({ written: true, created: 2, updated: 0, skipped: 3 });
    expect(app.db.prepare('SELECT name FROM customers ORDER BY name').pluck().all()).toEqual(['Kwame Mensah', 'Zoë Ångström']);
    expect(app.db.prepare("SELECT json_extract(after, '$.rows') AS rows, json_extract(after, '$.skipped') AS skipped FROM audit_log WHERE entity = 'import'").get()).toEqual({ rows: 2, skipped: 3 });

    // A problem with the file itself (no column for Name) is not a row to skip: nothing is written.
    const noName = { ...input, mapping: { ...preview.mapping, name: '' } };
    expect(await call(app, 'transfer.preview', noName)).toMatchObject({ canSkipRowsWithProblems: false });
    expect(await call(app, 'transfer.commit', { ...noName, skipRowsWithProblems: true })).toMatchObject({ written: false, skipped: 0 });
    expect(await app.invoke('transfer.commit', { ...input, skipRowsWithProblems: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'skipRowsWithProblems' } });
  });

  it('imports a clean file completely, in one go, and records it in the audit log', async () => {
    app = openTestApp();
    const clean = CUSTOMERS_WITH_ERRORS.split('\r\n').filter((_, i) => i === 0 || i === 1 || i === 5).join('\r\n');
    const result = await call(app, 'transfer.commit', { kind: 'customers', fileName: 'clean.csv', contentBase64: b64(clean) });
    expect(result).toMatchObject({ written: true, created: 2, updated: 0 });
    const { customers } = await call(app, 'customers.search', { query: 'example' });
    expect(customers.map((c: { name: string; country: string }) => `${c.name} ${c.country}`).sort()).toEqual(['Kwame Mensah GH', 'Zoë Ångström SE']);
    expect(app.db.prepare("SELECT action, json_extract(after, '$.created') AS created FROM audit_log WHERE entity = 'import'").all()).toEqual([{ action: 'customers', created: 2 }]);

    // The same file again updates the same customers (matched by e-mail) instead of adding them twice.
    const again = await call(app, 'transfer.preview', { kind: 'customers', fileName: 'clean.csv', contentBase64: b64(clean) });
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 2 });
    expect(again.sample[0].matches).toBe('Zoë Ångström');
  });

  it('reads Windows-1252 files from Excel and comma-separated files with quoted fields', async () => {
    app = openTestApp();
    const text = 'Name,Country,City,Zip,Email\r\n"Müller, Anna",Switzerland,Zürich,8001,anna@example.ch\r\n';
    const latin1 = Buffer.from(text, 'latin1');
    const preview = await call(app, 'transfer.preview', { kind: 'customers', fileName: 'excel.csv', contentBase64: b64(latin1) });
    expect(preview.delimiter).toBe(',');
    expect(preview.problems).toEqual([]);
    expect(preview.sample[0].values).toMatchObject({ name: 'Müller, Anna', country: 'CH', city: 'Zürich', postalCode: '8001', email: 'anna@example.ch' });
  });

  it('follows a "sep=" first line, as Excel does', async () => {
    app = openTestApp();
    const text = 'sep=;\r\nName;Country;Notes\r\nAda, Countess of Lovelace;GB;a, b\r\n';
    const preview = await call(app, 'transfer.preview', { kind: 'customers', fileName: 'sep.csv', contentBase64: b64(text) });
    expect(preview).toMatchObject({ delimiter: ';', headers: ['Name', 'Country', 'Notes'], problems: [] });
    expect(preview.sample[0]).toMatchObject({ row: 2, values: { name: 'Ada, Countess of Lovelace', notes: 'a, b' } });
  });

  it('lets the clerk change the column mapping and preview again', async () => {
    app = openTestApp();
    const text = 'Client;Land;Courriel;Remarks\nAda Lovelace;GB;ada@example.org;VIP\n';
    const input = { kind: 'customers', fileName: 'x.csv', contentBase64: b64(text) };
    const first = await call(app, 'transfer.preview', input);
    expect(first.mapping).toMatchObject({ name: 'Client', country: 'Land', email: 'Courriel', notes: 'Remarks' });

    const noNotes = await call(app, 'transfer.preview', { ...input, mapping: { ...first.mapping, notes: '' } });
    expect(noNotes.sample[0].values.notes).toBe('');
    expect(noNotes.ignoredColumns).toEqual(['Remarks']);

    const noName = await call(app, 'transfer.preview', { ...input, mapping: { ...first.mapping, name: '' } });
    expect(noName.problems).toEqual([{ row: 1, message: 'No column is chosen for Name; choose the column that holds it.' }]);

    const wrong = await app.invoke('transfer.preview', { ...input, mapping: { name: 'Nom' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mapping.name', message: 'Name: the file has no column "Nom". Choose one of its columns.' } });
  });

  it('imports prices by ISBN or exact title, with amounts converted exactly by the money module', async () => {
    app = openTestApp();
    const text = [
      'ISBN;Title;Price CHF;Price EUR',
      '978-92-9068-805-1;;24.50;"22,00"',
      ';Ending child labour, forced labour and human trafficking in global supply chains;;',
      ';No such book;10;',
      '9789290688051;;1.005;',
    ].join('\n');
    const input = { kind: 'prices', fileName: 'prices.csv', contentBase64: b64(text) };
    const preview = await call(app, 'transfer.preview', input);
    expect(preview.problems.map((p: { row: number; message: string }) => `${p.row}: ${p.message}`)).toEqual([
      '3: No price is given on this row.',
      '4: No publication in the catalogue is titled exactly "No such book".',
      '5: Price CHF can have at most 2 decimals in CHF.',
    ]);

    const fixed = text.split('\n').slice(0, 2).join('\n');
    const result = await call(app, 'transfer.commit', { ...input, contentBase64: b64(fixed) });
    expect(result).toMatchObject({ written: true, updated: 1 });
    expect(app.db.prepare('SELECT currency, unit_price_minor AS minor FROM prices ORDER BY currency').all()).toEqual([
      { currency: 'CHF', minor: 2450 },
      { currency: 'EUR', minor: 2200 },
    ]);
  });

  it('adds new publications and updates existing ones matched by ISBN, keeping unmapped columns', async () => {
    app = openTestApp();
    const text = [
      'Title,ISBN,Year,Languages,Price USD',
      'Ending child labour (revised title),9789290688051,2020,"en, fr",30',
      'A brand new report,,2026,es,12.5',
      'Broken,12345,1800,xx,',
    ].join('\n');
    const input = { kind: 'publications', fileName: 'cat.csv', contentBase64: b64(text) };
    const preview = await call(app, 'transfer.preview', input);
    expect(preview.problems.map((p: { row: number; message: string }) => `${p.row}: ${p.message}`)).toEqual([
      '4: Year must be at least 1900.',
      '4: ISBN must have 10 or 13 digits (hyphens allowed).',
      expect.stringMatching(/^4: Languages must be/),
    ]);
    const ok = await call(app, 'transfer.commit', { ...input, contentBase64: b64(text.split('\n').slice(0, 3).join('\n')) });
    expect(ok).toMatchObject({ written: true, created: 1, updated: 1 });
    const { publications } = await call(app, 'catalogue.list', {});
    const revised = publications.find((p: { isbn: string }) => p.isbn === '9789290688051');
    expect(revised).toMatchObject({ title: 'Ending child labour (revised title)', year: 2020, pages: 114, eisbn: '9789290688068', languages: ['en', 'fr'] });
    expect(revised.prices.USD.unitPrice).toBe('30.00');
    expect(publications.find((p: { title: string }) => p.title === 'A brand new report').prices.USD.unitPrice).toBe('12.50');
  });

  it('refuses files over 10 MB and over 50,000 rows with a clear message', async () => {
    app = openTestApp();
    const huge = await app.invoke('transfer.preview', { kind: 'customers', fileName: 'big.csv', contentBase64: 'A'.repeat(14_000_000) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than 10 MB/) } });

    const rows = ['Name,Country', ...Array.from({ length: 50_001 }, (_, i) => `C${i},CH`)].join('\n');
    const many = await app.invoke('transfer.preview', { kind: 'customers', fileName: 'many.csv', contentBase64: b64(rows) });
    expect(many).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringMatching(/more than 50,000 rows/) } });
  });
});

describe('import while the app is in use', () => {
  it('keeps a change a clerk saves while the file is being read: the rows are matched again against the new data', async () => {
    app = openTestApp();
    const { customer } = await call(app, 'customers.save', { name: 'Ada Lovelace', country: 'GB', email: 'ada@example.org', phone: '+44 1' });
    const file = { kind: 'customers', fileName: 'names.csv', contentBase64: b64('Name;Country;E-mail\nAda King;GB;ada@example.org\n') };

    const commit = call(app, 'transfer.commit', file);
    // Saved by another clerk after the import started reading the file, before it writes.
    await call(app, 'customers.save', { ...customer, phone: '+44 2', expectedUpdatedAt: customer.updatedAt });
    const result = await commit;
    expect(result).toMatchObject({ written: true, created: 0, updated: 1 });

    const { customer: after } = await call(app, 'customers.get', { id: customer.id });
    expect(after).toMatchObject({ name: 'Ada King', phone: '+44 2', email: 'ada@example.org' });
    expect(count('customers')).toBe(1);
  });
});

describe('import from XLSX', () => {
  it('reads the first sheet, with typed cells, and imports it', async () => {
    app = openTestApp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clients');
    sheet.addRow(['Name', 'Country', 'Zip code', 'City', 'E-mail', 'Tel.']);
    sheet.addRow(['Ana Souza', 'Brazil', '01310-100', 'São Paulo', { text: 'ana@example.br', hyperlink: 'mailto:ana@example.br' }, '+55 11 0000 0000']);
    sheet.addRow([{ richText: [{ text: 'Li ' }, { text: 'Wei', font: { bold: true } }] }, 'CN', 100000, 'Beijing', 'li@example.cn', null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const input = { kind: 'customers', fileName: 'clients.xlsx', contentBase64: bytes.toString('base64') };
    const preview = await call(app, 'transfer.preview', input);
    expect(preview.format).toBe('xlsx');
    expect(preview.problems).toEqual([]);
    expect(preview.sample.map((r: { values: object }) => r.values)).toEqual([
      expect.objectContaining({ name: 'Ana Souza', country: 'BR', postalCode: '01310-100', email: 'ana@example.br', phone: '+55 11 0000 0000' }),
      expect.objectContaining({ name: 'Li Wei', country: 'CN', postalCode: '100000' }),
    ]);
    expect(await call(app, 'transfer.commit', input)).toMatchObject({ written: true, created: 2 });
  });

  it('explains that an old .xls file must be saved as .xlsx', async () => {
    app = openTestApp();
    const result = await app.invoke('transfer.preview', { kind: 'customers', fileName: 'old.xls', contentBase64: b64('\xd0\xcf\x11\xe0 binary') });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Old Excel files \(.xls\) cannot be read/) } });
  });
});
