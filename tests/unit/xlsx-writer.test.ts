import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { day, decimal, money, type Table } from '../../db/files/table';
import { xlsxBytes } from '../../db/files/xlsx';
import { withEntryDates } from '../../db/files/zip-dates';

const HOSTILE_NAMES = ['=HYPERLINK("http://x","y")', '+41 22 717 9111', ' =1+1', '\uff1d1+1'];

const table: Table = {
  name: 'Top customers',
  title: 'Top customers by amount',
  notes: ['November 2026'],
  columns: [
    { header: 'Customer', kind: 'text' },
    { header: 'Orders', kind: 'integer' },
    { header: 'Currency', kind: 'text' },
    { header: 'Amount', kind: 'amount' },
    { header: 'Date', kind: 'date' },
    { header: 'Rate', kind: 'decimal' },
  ],
  rows: [
    ...HOSTILE_NAMES.map((name, i) => [name, i + 1, 'CHF', money('1234.50', 'CHF'), day('2026-11-01'), decimal('0.9412')]),
    ['Refund', 1, 'EUR', money('-12.50', 'EUR'), day('2026-11-30'), null],
  ],
};

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as any);
  return workbook;
}

const time = new Date('2026-12-01T08:30:00Z');

afterEach(() => {
  vi.useRealTimers();
});

describe('XLSX writer', () => {
  it('writes hostile names as plain text cells in Text format, never formulas', async () => {
    const sheet = (await load(await xlsxBytes([table], { time }))).getWorksheet('Top customers')!;
    // Title, note, blank, header: data from row 5.
    expect(sheet.getCell('A1').value).toBe('Top customers by amount');
    expect(sheet.getCell('A2').value).toBe('November 2026');
    expect(sheet.getRow(4).values).toEqual([undefined, 'Customer', 'Orders', 'Currency', 'Amount', 'Date', 'Rate']);
    HOSTILE_NAMES.forEach((name, i) => {
      const cell = sheet.getCell(5 + i, 1);
      expect(cell.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.numFmt).toBe('@');
      expect(cell.formula).toBeUndefined();
    });
  });

  it('writes amounts as numbers in the currency format, counts as numbers and dates as dates', async () => {
    const sheet = (await load(await xlsxBytes([table], { time }))).worksheets[0]!;
    const refund = sheet.getRow(9);
    expect(refund.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(refund.getCell(4).value).toBe(-12.5);
    expect(refund.getCell(4).numFmt).toBe('#,##0.00 "EUR"');
    expect(sheet.getCell('D5').numFmt).toBe('#,##0.00 "CHF"');
    expect(refund.getCell(2).value).toBe(1);
    expect(refund.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(refund.getCell(5).value).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(refund.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('F5').value).toBe(0.9412);
  });

  it('freezes the header row, sizes the columns and filters on the header', async () => {
    const sheet = (await load(await xlsxBytes([table], { time }))).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('=HYPERLINK("http://x","y")'.length);
    expect(sheet.getColumn(2).width).toBeLessThan(12);
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('gives the same bytes for the same tables and time, whenever it runs', async () => {
    // The libraries read the wall clock (JSZip dates each entry "now"): move it instead of waiting.
    vi.useFakeTimers({ toFake: ['Date'] });
    const rawWorkbook = async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet');
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    vi.setSystemTime(new Date('2027-03-01T08:00:00Z'));
    const first = await xlsxBytes([table], { time });
    const rawFirst = await rawWorkbook();
    // A day and some seconds later: past the zip format's 2-second resolution.
    vi.setSystemTime(new Date('2027-03-02T08:00:05Z'));
    const second = await xlsxBytes([table], { time });
    const rawSecond = await rawWorkbook();
    expect(rawSecond.equals(rawFirst), 'the moved clock reaches exceljs and JSZip').toBe(false);
    expect(crypto.createHash('sha256').update(second).digest('hex')).toBe(crypto.createHash('sha256').update(first).digest('hex'));
    const workbook = await load(first);
    expect(workbook.created).toEqual(time);
    expect(workbook.modified).toEqual(time);
    // withEntryDates is idempotent and keeps the archive readable.
    expect(withEntryDates(first, time).equals(first)).toBe(true);
  });
});
