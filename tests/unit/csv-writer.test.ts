import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBytes, sectionedRows, tableRows } from '../../db/files/csv';
import { day, decimal, money, type Table } from '../../db/files/table';

const HOSTILE_NAMES = ['=HYPERLINK("http://x","y")', '+41 22 717 9111', ' =1+1', '\uff1d1+1'];

const customers: Table = {
  name: 'Customers',
  title: 'Top customers',
  columns: [
    { header: 'Customer', kind: 'text' },
    { header: 'Orders', kind: 'integer' },
    { header: 'Currency', kind: 'text' },
    { header: 'Amount', kind: 'amount' },
    { header: 'Date', kind: 'date' },
  ],
  rows: [
    ...HOSTILE_NAMES.map((name, i) => [name, i + 1, 'CHF', money('1234.50', 'CHF'), day('2026-11-0' + (i + 1))]),
    ['Refund, "late"', 1, 'EUR', money('-12.50', 'EUR'), day('2026-11-30')],
  ],
};

function text(bytes: Buffer): string {
  return bytes.toString('utf8');
}

describe('CSV writer', () => {
  it('writes UTF-8 with a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const csv = text(csvBytes(tableRows(customers), ','));
    expect(csv.startsWith('\ufeffCustomer,Orders,Currency,Amount,Date\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // A comma and quotes inside a cell: quoted, inner quotes doubled.
    expect(csv).toContain('"Refund, ""late""",1,EUR,-12.50,2026-11-30\r\n');
    expect(csvBytes([['Zoë Ångström', 'Genève']], ';').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('neutralises every hostile name with a quote in front, and reads back to the guarded text', () => {
    const csv = text(csvBytes(tableRows(customers), ','));
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed.slice(1, 5).map((r) => r[0])).toEqual(HOSTILE_NAMES.map((n) => `'${n}`));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")",1,CHF,1234.50,2026-11-01\r\n`);
    expect(csv).toContain("'+41 22 717 9111,2,");
    expect(csv).toContain("' =1+1,3,");
    expect(csv).toContain("'\uff1d1+1,4,");
  });

  it('guards text starting with -, @, tab, CR or a blank before them, and full-width signs', () => {
    const rows = [['-1+2'], ['@SUM(A1)'], ['\t=1'], ['\rx'], ['  +1'], ['\uff0b1'], ['\uff0d1'], ['\uff20A1'], ['-12.50']];
    const parsed = Papa.parse<string[]>(text(csvBytes(rows, ',')).slice(1), { skipEmptyLines: true }).data.map((r) => r[0]);
    expect(parsed).toEqual(rows.map(([cell]) => `'${cell}`));
  });

  it('writes amounts, counts, decimals and dates as plain values: a refund of -12.50 is the number -12.50', () => {
    const csv = text(csvBytes([[money('-12.50', 'CHF'), -3, 42, decimal('0.9412'), day('2026-01-31'), money('1234567.05'), null]], ';'));
    expect(csv).toBe('\ufeff-12.50;-3;42;0.9412;2026-01-31;1234567.05;\r\n');
  });

  it('writes sections one after another, each with its title row, separated by a blank line', () => {
    const other: Table = { name: 'Days', title: 'Orders per day', notes: ['1–30 November 2026'], columns: [{ header: 'Date', kind: 'date' }, { header: 'Orders', kind: 'integer' }], rows: [[day('2026-11-01'), 0]] };
    const csv = text(csvBytes(sectionedRows([other, { ...other, title: 'Again' }], [['Order report 2026-11']]), ';'));
    expect(csv.split('\r\n')).toEqual(['\ufeffOrder report 2026-11', '', 'Orders per day', '1–30 November 2026', 'Date;Orders', '2026-11-01;0', '', 'Again', '1–30 November 2026', 'Date;Orders', '2026-11-01;0', '']);
  });
});
