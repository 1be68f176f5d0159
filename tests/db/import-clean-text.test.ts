/** Issue 7, "Clean text everywhere": CSV and Excel imports follow the contract's text rule. */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const names = () => (app.db.prepare('SELECT name, address, city, notes FROM customers ORDER BY id').all() as Record<string, string>[]);

/** Rows as [name, address, country, city, e-mail, notes]; the Excel version writes NUL as Excel does (_x0000_). */
const ROWS: string[][] = [
  ['\u202e', 'Rue 1', 'CH', 'Genève', 'rlo@example.ch', ''],
  [' \u2066 ', 'Rue 2', 'CH', 'Genève', 'isolate@example.ch', ''],
  ['\u200b\u200d\ufeff', 'Rue 3', 'CH', 'Genève', 'zw@example.ch', ''],
  ['\u0000Bob', 'Rue 4\r\nCase 7\u202e', 'CH', 'Gen\u200beva\u0085', 'bob@example.ch', 'Line 1\nLine\u0000 2'],
  ['Zoë\u202eevil.exe', 'Storgatan 1', 'Sweden\u200e', 'Uppsala', '\u200bzoe@example.se', ''],
  ['Zoe\u0308 A\u030angstro\u0308m', 'Storgatan 2', 'SE', 'Uppsala', 'ang@example.se', ''],
];
const HEADERS = ['\ufeffName\u200b', 'Address', 'Country', 'City', 'E-mail', 'Notes'];

function csv(rows: string[][]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Customers');
  sheet.addRow(HEADERS);
  // ExcelJS drops control characters when writing; Excel writes them as _xHHHH_, which readers decode.
  // eslint-disable-next-line no-control-regex -- control characters are what this file is made of
  for (const r of rows) sheet.addRow(r.map((v) => v.replace(/[\u0000-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const files = {
  csv: async (rows: string[][]) => ({ fileName: 'customers.csv', contentBase64: Buffer.from(csv(rows), 'utf8').toString('base64') }),
  xlsx: async (rows: string[][]) => ({ fileName: 'customers.xlsx', contentBase64: (await xlsx(rows)).toString('base64') }),
};

describe.each(['csv', 'xlsx'] as const)('import of customers from %s cleans text like the API', (format) => {
  it('refuses names made only of invisible characters, row by row, and writes nothing', async () => {
    app = openTestApp();
    const before = names().length;
    const input = { kind: 'customers', ...(await files[format](ROWS)) };
    const preview = await call(app, 'transfer.preview', input);
    expect(preview.mapping).toMatchObject({ name: 'Name', country: 'Country', email: 'E-mail', notes: 'Notes' });
    expect(preview.problems.map((p: { row: number; message: string }) => `Row ${p.row}: ${p.message}`)).toEqual([
      'Row 2: Name is required.',
      'Row 3: Name is required.',
      'Row 4: Name is required.',
    ]);
    const commit = await call(app, 'transfer.commit', input);
    expect(commit.written).toBe(false);
    expect(names()).toHaveLength(before);
  });

  it('stores the visible text only: NUL and overrides removed, NFC, line breaks kept where the field is multi-line', async () => {
    app = openTestApp();
    const input = { kind: 'customers', ...(await files[format](ROWS.slice(3))) };
    const preview = await call(app, 'transfer.preview', input);
    expect(preview.problems).toEqual([]);
    expect(preview.sample[0].values).toMatchObject({ name: 'Bob', city: 'Geneva' });
    const commit = await call(app, 'transfer.commit', input);
    expect(commit).toMatchObject({ written: true, created: 3 });
    expect(names()).toEqual([
      { name: 'Bob', address: 'Rue 4\nCase 7', city: 'Geneva', notes: 'Line 1\nLine 2' },
      { name: 'Zoëevil.exe', address: 'Storgatan 1', city: 'Uppsala', notes: '' },
      { name: 'Zoë Ångström', address: 'Storgatan 2', city: 'Uppsala', notes: '' },
    ]);
    const stored = app.db.prepare('SELECT country, email FROM customers ORDER BY id').all();
    expect(stored).toEqual([
      { country: 'CH', email: 'bob@example.ch' },
      { country: 'SE', email: 'zoe@example.se' },
      { country: 'SE', email: 'ang@example.se' },
    ]);

    // Importing the same file again matches the customers by their cleaned e-mail: no duplicates.
    expect(await call(app, 'transfer.preview', input)).toMatchObject({ toCreate: 0, toUpdate: 3 });
  });
});
