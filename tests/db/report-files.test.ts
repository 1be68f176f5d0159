/**
 * The report's three files, from one MonthlyReport: every cell of the CSV and of the workbook
 * (read back with exceljs) compared with what the report value says, worked out here from the
 * value itself, and the PDF's text (pdftotext), pages and structure (qpdf). The same report
 * gives the same bytes; a year's report is made without holding up the main thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../shared/contract/reports';
import type { CurrencyCode } from '../../shared/money/currencies';
import { renderReportFile, type ReportExportFile } from '../../db/services/reports/export-file';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { generateReportMonth, type ReportClock } from '../support/report-data';
import { HOSTILE_NAMES, sampleReport } from '../support/report-fixture';

type Expected = { text: string } | { count: number } | { amount: string; currency: CurrencyCode } | { date: string } | { decimal: string } | null;

const T = (text: string): Expected => ({ text });
const N = (count: number): Expected => ({ count });
const A = (amount: string, currency: CurrencyCode): Expected => ({ amount, currency });
const D = (date: string): Expected => ({ date });
const X = (decimal: string): Expected => ({ decimal });

interface Section {
  sheet: string;
  title: string;
  notes: string[];
  header: string[];
  rows: Expected[][];
}

const METHOD: Record<string, string> = { credit_card: 'Credit card', check: 'Check', bank_transfer: 'Bank transfer', none: 'Not given' };
const CHANNEL: Record<string, string> = { mail: 'Mail', fax: 'Fax', email: 'E-mail', other: 'Other' };
const BUCKETS = ['0-30', '31-60', '61-90', 'over-90'] as const;
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
const dayText = (iso: string) => longDay.format(new Date(`${iso}T00:00:00Z`));
const timeText = (iso: string) => longTime.format(new Date(iso));
const orders = (n: number) => `${n} ${n === 1 ? 'order' : 'orders'}`;

/** The lines above every section: the report's title, its period and whether the month is closed. */
function heading(r: MonthlyReport): { title: string; period: string; status: string } {
  const title = r.period.month ? `Order report ${new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${r.period.month}-01T00:00:00Z`))}` : `Order report ${dayText(r.period.from)} – ${dayText(r.period.to)}`;
  const status = r.closing
    ? `Closed ${timeText(r.closing.closedAt)} by ${r.closing.closedBy}${r.closing.version > 1 ? ` (closing ${r.closing.version}, after a reopening)` : ''}; figures as they stood at closing.`
    : `Generated ${timeText(r.generatedAt)}; the month is open, so figures may still change.`;
  return { title, period: `Period: ${r.period.from} to ${r.period.to}`, status };
}

/**
 * The layout the issues ask for, written out from the report value: one table per sheet, the
 * section's sentence as the first note of its first table. (Issue 14 made the files, the PDF and
 * the screen one layout: the screen's separate tables, labels and columns; "Not given" for an
 * order form with no method ticked.)
 */
function expectedSections(r: MonthlyReport): Section[] {
  const rank = <Row extends { currency: string }>(rows: Row[]) => rows.map((row, i) => ({ row, rank: rows.slice(0, i).filter((o) => o.currency === row.currency).length + 1 }));
  const cancelled = r.orders.cancelled.length;
  const sections: Section[] = [
    {
      sheet: 'Orders by channel',
      title: 'Orders by channel',
      notes: [`${orders(r.orders.count)} received${cancelled > 0 ? `, ${orders(cancelled)} cancelled in the period` : ''}.`],
      header: ['Channel', 'Orders'],
      rows: r.orders.byChannel.map((c) => [T(CHANNEL[c.key]!), N(c.count)]),
    },
    { sheet: 'Orders by payment method', title: 'Orders by payment method intended', notes: [], header: ['Payment method', 'Orders'], rows: r.orders.byPaymentMethod.map((c) => [T(METHOD[c.key]!), N(c.count)]) },
    {
      sheet: 'Orders per currency',
      title: 'Orders per currency (amounts without cancelled orders)',
      notes: [],
      header: ['Currency', 'Orders', 'Amount'],
      rows: r.orders.byCurrency.map((c) => [T(c.currency), N(c.count), A(c.amount, c.currency)]),
    },
    { sheet: 'Orders per day', title: 'Orders received per day', notes: [], header: ['Date', 'Orders'], rows: r.orders.perDay.map((d) => [D(d.date), N(d.count)]) },
    {
      sheet: 'Cancelled orders',
      title: 'Orders cancelled in the period, with their reasons',
      notes: [],
      header: ['Order', 'Customer', 'Received', 'Cancelled', 'Currency', 'Amount', 'Reason'],
      rows: r.orders.cancelled.map((c) => [T(c.orderNumber), T(c.customerName), D(c.receivedOn), D(c.cancelledOn), T(c.currency), A(c.amount, c.currency), T(c.reason)]),
    },
    {
      sheet: 'Titles',
      title: 'Copies and amounts per title and currency, most copies first',
      notes: [],
      header: ['Title', 'ISBN', 'Currency', 'Copies', 'Amount'],
      rows: r.titles.map((t) => [T(t.title), t.isbn ? T(t.isbn) : null, T(t.currency), N(t.copies), A(t.amount, t.currency)]),
    },
    {
      sheet: 'Ordered invoiced credited',
      title: 'Amounts ordered, invoiced and credited per currency',
      notes: ['Orders received in the period and not cancelled by its last day; invoices and credit notes issued in the period.'],
      header: ['Currency', 'Ordered', 'Invoiced', 'Invoices', 'Credited', 'Credit notes'],
      rows: r.amounts.map((a) => [T(a.currency), A(a.ordered, a.currency), A(a.invoiced, a.currency), N(a.invoices), A(a.credited, a.currency), N(a.creditNotes)]),
    },
    {
      sheet: 'Money',
      title: 'Money received, refunded and written off per currency',
      notes: ['Every movement counts on its own date and a reversal on the day it was made, less what it undoes; net received is money received less refunds.'],
      header: ['Currency', 'Received', 'Refunded', 'Net received', 'Bank fees', 'Written off'],
      rows: r.money.totals.map((t) => [T(t.currency), A(t.received, t.currency), A(t.refunded, t.currency), A(t.net, t.currency), A(t.bankFees, t.currency), A(t.writtenOff, t.currency)]),
    },
    {
      sheet: 'Received by method',
      title: 'Money received per method',
      notes: [],
      header: ['Currency', 'Method', 'Payments', 'Reversals', 'Amount'],
      rows: r.money.byMethod.map((m) => [T(m.currency), T(METHOD[m.method]!), N(m.count), N(m.reversals), A(m.amount, m.currency)]),
    },
    {
      sheet: 'Refunds by method',
      title: 'Refunds paid per method',
      notes: [],
      header: ['Currency', 'Method', 'Refunds', 'Reversals', 'Amount'],
      rows: r.money.refunds.map((m) => [T(m.currency), T(METHOD[m.method]!), N(m.count), N(m.reversals), A(m.amount, m.currency)]),
    },
    {
      sheet: 'Write-offs',
      title: 'Write-offs, with their reasons',
      notes: [],
      header: ['Currency', 'Write-offs', 'Reversals', 'Amount', 'Reasons'],
      rows: r.money.writeOffs.map((w) => [T(w.currency), N(w.count), N(w.reversals), A(w.amount, w.currency), T(w.reasons.join('; '))]),
    },
    {
      sheet: 'Outstanding',
      title: `Outstanding on ${dayText(r.outstanding.asOf)} per currency, by age`,
      notes: ['What customers owed at the end of the period, by the age of the invoice (or of the order while it has none).'],
      header: ['Currency', '0–30 days', '31–60 days', '61–90 days', 'Over 90 days', 'Total', 'Orders'],
      rows: r.outstanding.rows.map((o) => [T(o.currency), ...BUCKETS.map((b) => A(o.buckets[b], o.currency)), A(o.total, o.currency), N(o.orders)]),
    },
    {
      sheet: 'Top customers',
      title: 'Top customers by amount ordered, per currency',
      notes: ['By amount ordered (orders received and not cancelled), per currency, largest first.'],
      header: ['Currency', 'Rank', 'Customer', 'Country', 'Orders', 'Amount'],
      rows: rank(r.topCustomers).map(({ row, rank: n }) => [T(row.currency), N(n), T(row.customerName), T(row.countryName), N(row.orders), A(row.amount, row.currency)]),
    },
    {
      sheet: 'Top countries',
      title: 'Top countries by amount ordered, per currency',
      notes: [],
      header: ['Currency', 'Rank', 'Country', 'Code', 'Orders', 'Amount'],
      rows: rank(r.topCountries).map(({ row, rank: n }) => [T(row.currency), N(n), T(row.countryName), T(row.country), N(row.orders), A(row.amount, row.currency)]),
    },
  ];
  const intro = r.converted ? [`Every currency above stays in its own currency; these totals in ${r.converted.reportingCurrency} only give an idea of the whole.`] : [];
  if (r.rates) {
    sections.push({
      sheet: 'Exchange rates',
      title: `Exchange rates to ${r.rates.reportingCurrency} for the month`,
      notes: [...intro, `Set by ${r.rates.setBy} on ${timeText(r.rates.setAt)}.`],
      header: ['Currency', `Rate (1 unit in ${r.rates.reportingCurrency})`],
      rows: Object.entries(r.rates.rates).map(([c, rate]) => [T(c), X(rate!)]),
    });
  }
  if (r.converted) {
    const c = r.converted;
    sections.push({
      sheet: 'Converted totals',
      title: `Totals in ${c.reportingCurrency}, converted at the month's rates, for information`,
      notes: r.rates ? [] : intro,
      header: ['Figure', 'Currency', 'Amount'],
      rows: (
        [['Ordered', c.ordered], ['Invoiced', c.invoiced], ['Credited', c.credited], ['Received', c.received], ['Refunded', c.refunded], ['Bank fees', c.bankFees], ['Written off', c.writtenOff], ['Outstanding', c.outstanding]] as const
      ).map(([label, value]) => [T(label), T(c.reportingCurrency), A(value, c.reportingCurrency)]),
    });
  }
  return sections;
}

/** The issue's rule, written independently of the writer: what a spreadsheet could run gets a quote in front. */
function guarded(text: string): string {
  return /^[\t\r]|^ *[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

function csvText(cell: Expected): string {
  if (cell === null) return '';
  if ('text' in cell) return guarded(cell.text);
  if ('count' in cell) return String(cell.count);
  if ('amount' in cell) return cell.amount;
  if ('date' in cell) return cell.date;
  return cell.decimal;
}

const STATUS = 'Generated 1 December 2026 at 08:30 UTC; the month is open, so figures may still change.';

const decode = (file: ReportExportFile) => Buffer.from(file.contentBase64, 'base64');

/** Every row of the CSV, in order, against the report value. */
function checkCsv(file: ReportExportFile, r: MonthlyReport, delimiter: ',' | ';'): string[][] {
  const rows = Papa.parse<string[]>(decode(file).toString('utf8').slice(1), { delimiter }).data;
  const h = heading(r);
  const expected: string[][] = [[h.title], [h.period], [h.status]];
  for (const s of expectedSections(r)) expected.push([''], [s.title], ...s.notes.map((n) => [n]), s.header, ...s.rows.map((row) => row.map(csvText)));
  expected.push(['']);
  expect(rows).toEqual(expected);
  return rows;
}

/** Every sheet and every cell of the workbook, read back with exceljs, against the report value. */
async function checkWorkbook(file: ReportExportFile, r: MonthlyReport): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(decode(file) as any);
  const sections = expectedSections(r);
  const h = heading(r);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(sections.map((s) => s.sheet));
  for (const s of sections) {
    const sheet = workbook.getWorksheet(s.sheet)!;
    expect(sheet.getCell('A1').value).toBe(s.title);
    expect(sheet.getCell('A2').value).toBe(`${h.title} · ${h.period}`);
    expect(sheet.getCell('A3').value).toBe(h.status);
    const headerRow = 5 + s.notes.length;
    expect(sheet.views[0], s.sheet).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.getRow(headerRow).values, s.sheet).toEqual([undefined, ...s.header]);
    s.header.forEach((name, i) => expect(sheet.getColumn(i + 1).width, `${s.sheet} ${name}`).toBeGreaterThanOrEqual(Math.min(name.length, 58)));
    const first = headerRow + 1;
    expect(sheet.rowCount, s.sheet).toBe(first - 1 + s.rows.length);
    s.rows.forEach((row, i) =>
      row.forEach((want, c) => {
        const cell = sheet.getCell(first + i, c + 1);
        const where = `${s.sheet}!${cell.address}`;
        if (want === null) expect(cell.value, where).toBeNull();
        else if ('text' in want) {
          expect(cell.type, where).toBe(ExcelJS.ValueType.String);
          expect(cell.value, where).toBe(want.text);
          expect(cell.numFmt, where).toBe('@');
        } else if ('count' in want) {
          expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
          expect(cell.value, where).toBe(want.count);
        } else if ('amount' in want) {
          expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
          expect(String(cell.value), where).toBe(String(Number(want.amount)));
          expect(Number(cell.value).toFixed(2), where).toBe(want.amount);
          expect(cell.numFmt, where).toBe(`#,##0.00 "${want.currency}"`);
        } else if ('date' in want) {
          expect(cell.type, where).toBe(ExcelJS.ValueType.Date);
          expect((cell.value as Date).toISOString().slice(0, 10), where).toBe(want.date);
        } else {
          expect(cell.value, where).toBe(Number(want.decimal));
        }
      }),
    );
  }
  return workbook;
}

const en = (value: string) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value as unknown as number);

/** The PDF's text holds the heading and every amount of every section, as en-GB prints it. */
function checkPdfText(file: ReportExportFile, r: MonthlyReport): string {
  const where = path.join(tempDir('order-desk-report-pdf-'), file.fileName);
  fs.writeFileSync(where, decode(file));
  expect(() => execFileSync('qpdf', ['--check', where], { encoding: 'utf8' })).not.toThrow();
  const text = execFileSync('pdftotext', ['-layout', where, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const h = heading(r);
  for (const words of [h.title.replace('Order report ', ''), h.status, `Outstanding on ${dayText(r.outstanding.asOf)}`]) expect(text).toContain(words);
  const amounts = [
    ...r.orders.byCurrency.map((x) => x.amount),
    ...r.orders.cancelled.map((x) => x.amount),
    ...r.titles.map((x) => x.amount),
    ...r.amounts.flatMap((x) => [x.ordered, x.invoiced, x.credited]),
    ...r.money.byMethod.map((x) => x.amount),
    ...r.money.refunds.map((x) => x.amount),
    ...r.money.writeOffs.map((x) => x.amount),
    ...r.money.totals.flatMap((x) => [x.received, x.refunded, x.net, x.bankFees, x.writtenOff]),
    ...r.outstanding.rows.flatMap((x) => [...BUCKETS.map((b) => x.buckets[b]), x.total]),
    ...r.topCustomers.map((x) => x.amount),
    ...r.topCountries.map((x) => x.amount),
    ...(r.converted ? [r.converted.ordered, r.converted.refunded, r.converted.bankFees, r.converted.outstanding] : []),
  ];
  for (const value of amounts) expect(text, value).toContain(en(value));
  for (const x of r.orders.cancelled) expect(text).toContain(x.orderNumber);
  for (const x of r.topCountries) expect(text).toContain(x.countryName);
  return text;
}

let app: TestApp;
let dir: string;
const report = sampleReport();
let csv: ReportExportFile;
let xlsx: ReportExportFile;
let pdf: ReportExportFile;
let pdfFile: string;

beforeAll(async () => {
  app = openTestApp();
  dir = tempDir('order-desk-report-files-');
  csv = await renderReportFile(app.ctx, report, 'csv', { delimiter: 'semicolon' });
  xlsx = await renderReportFile(app.ctx, report, 'xlsx');
  pdf = await renderReportFile(app.ctx, report, 'pdf');
  pdfFile = path.join(dir, pdf.fileName);
  fs.writeFileSync(pdfFile, Buffer.from(pdf.contentBase64, 'base64'));
}, 240_000);
afterAll(() => app?.close());

describe('the report as CSV', () => {
  it('is named after the month, UTF-8 with BOM and CRLF, with the separator asked for', () => {
    expect(csv.fileName).toBe('order-report-2026-11.csv');
    expect(csv.mimeType).toBe('text/csv;charset=utf-8');
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffOrder report November 2026\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('\r\nCurrency;Received;Refunded;Net received;Bank fees;Written off\r\n');
  });

  it('holds every section one after another, every cell as the report says, names guarded and amounts plain', () => {
    const rows = checkCsv(csv, report, ';');
    // Spelled out: the hostile names carry the quote, the negative net stays a number.
    for (const name of HOSTILE_NAMES) expect(rows.some((r) => r.includes(`'${name}`))).toBe(true);
    expect(rows).toContainEqual(['USD', '0.00', '12.50', '-12.50', '0.00', '0.00']);
  });

  it('uses commas when asked, for a range named by its two days', async () => {
    const year = sampleReport({ period: { month: null, from: '2026-01-01', to: '2026-12-31' }, rates: null, converted: null });
    const file = await renderReportFile(app.ctx, year, 'csv', { delimiter: 'comma' });
    expect(file.fileName).toBe('order-report-2026-01-01_2026-12-31.csv');
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['\ufeffOrder report 1 January 2026 – 31 December 2026', 'Period: 2026-01-01 to 2026-12-31']);
    expect(text).toContain('\r\nCurrency,Received,Refunded,Net received,Bank fees,Written off\r\n');
  });
});

describe('the report as a workbook', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as any);
  });

  it('has one sheet per table of the report, each with its title, the period, a frozen header, sized columns and every cell as the report says', async () => {
    expect(xlsx.fileName).toBe('order-report-2026-11.xlsx');
    await checkWorkbook(xlsx, report);
  });

  it('keeps hostile customer names harmless: plain text cells, never formulas', () => {
    const sheet = workbook.getWorksheet('Top customers')!;
    const names: ExcelJS.Cell[] = [];
    sheet.getColumn(3).eachCell((cell, row) => {
      if (row > 5) names.push(cell);
    });
    for (const name of HOSTILE_NAMES) {
      const cell = names.find((c) => c.value === name)!;
      expect(cell, name).toBeDefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    // The sheet's row for USD (under its title, the report's heading, the section's note and the header).
    const money = workbook.getWorksheet('Money')!;
    const usd = [...Array(money.rowCount).keys()].map((i) => money.getRow(i + 1)).find((row) => row.getCell(1).value === 'USD')!;
    const net = usd.getCell(4);
    expect([net.type, net.value]).toEqual([ExcelJS.ValueType.Number, -12.5]);
  });
});

describe('the report as PDF', () => {
  const layoutText = () => execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

  it('is a valid A4 PDF of several pages numbered "Page n of m"', () => {
    expect(pdf.fileName).toBe('order-report-2026-11.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(() => execFileSync('qpdf', ['--check', pdfFile], { encoding: 'utf8' })).not.toThrow();
    const text = layoutText();
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
  });

  it('prints the title, the charts and every figure of every section', () => {
    const text = checkPdfText(pdf, report);
    for (const words of ['Order report', 'Orders per day', 'Amounts per currency', 'Money received by method', 'Top titles', STATUS]) expect(text).toContain(words);
    expect(text).toContain('-12.50');
    expect(text).toContain('0.9412');
  });

  it('prints customer names and titles in every script', () => {
    const text = layoutText();
    for (const words of ['王小明', 'Наталья Иванова', 'Γιώργος Παπαδόπουλος', '山田さくら', 'فاطمة', '北京 Migration Handbook', 'Ελλάδα: Migration Profile', '=HYPERLINK("http://x","y")']) expect(text).toContain(words);
  });
});

describe('the same report, made again', () => {
  it('gives the same bytes and SHA-256 for the PDF and the workbook', async () => {
    const again = await Promise.all([renderReportFile(app.ctx, report, 'pdf'), renderReportFile(app.ctx, report, 'xlsx'), renderReportFile(app.ctx, report, 'csv', { delimiter: 'semicolon' })]);
    expect(again.map((f) => f.sha256)).toEqual([pdf.sha256, xlsx.sha256, csv.sha256]);
    expect(again[0].contentBase64).toBe(pdf.contentBase64);
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    // In another process's worker too (a restarted app), which has rendered nothing before.
    const other = openTestApp();
    try {
      expect((await renderReportFile(other.ctx, report, 'pdf')).sha256).toBe(pdf.sha256);
      expect((await renderReportFile(other.ctx, report, 'xlsx')).sha256).toBe(xlsx.sha256);
    } finally {
      await other.close();
    }
  }, 180_000);
});

describe("a year's report", () => {
  it('is made in the worker: the main thread keeps answering while the workbook and the PDF are built', async () => {
    const days = Array.from({ length: 365 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      return { date, count: (i * 7) % 23 };
    });
    const base = sampleReport();
    const year = sampleReport({
      period: { month: null, from: '2026-01-01', to: '2026-12-31' },
      orders: {
        ...base.orders,
        perDay: days,
        cancelled: Array.from({ length: 150 }, (_, i) => ({ ...base.orders.cancelled[i % 2]!, orderId: i, orderNumber: `ORD-2026-${String(i).padStart(5, '0')}` })),
      },
      titles: Array.from({ length: 150 }, (_, i) => ({ ...base.titles[i % base.titles.length]!, publicationId: i, title: `Title ${i}` })),
      rates: null,
      converted: null,
    });
    let last = Date.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const started = Date.now();
    const [book, paper] = await Promise.all([renderReportFile(app.ctx, year, 'xlsx'), renderReportFile(app.ctx, year, 'pdf')]);
    clearInterval(timer);
    const elapsed = Date.now() - started;
    console.log(`year report: xlsx + pdf in ${elapsed} ms, longest main-thread pause ${longest} ms`);
    expect(book.fileName).toBe('order-report-2026-01-01_2026-12-31.xlsx');
    expect(paper.fileName).toBe('order-report-2026-01-01_2026-12-31.pdf');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(book.contentBase64, 'base64') as any);
    expect(workbook.getWorksheet('Orders per day')!.rowCount).toBe(5 + 365);
    // Built on the main thread, the pause would be the whole build; a loaded machine stretches both.
    expect(longest).toBeLessThan(Math.max(400, elapsed / 2));
    // The PDF lists the first 100 cancelled orders and titles and says so; the workbook has all 150 of each.
    const where = path.join(tempDir('order-desk-report-pdf-'), paper.fileName);
    fs.writeFileSync(where, decode(paper));
    const text = execFileSync('pdftotext', ['-layout', where, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Only the first 100 of 150 cancelled orders (earliest first) are listed here; the CSV and Excel files of this report list all of them.');
    expect(text).toContain('Only the first 100 of 150 titles (most copies first) are listed here; the CSV and Excel files of this report list all of them.');
    expect(text).toContain('ORD-2026-00099');
    expect(text).not.toContain('ORD-2026-00100');
    const listedRows = (name: string) => workbook.getWorksheet(name)!.getSheetValues().filter((row) => Array.isArray(row) && row.some((v) => String(v).match(/^(ORD-2026-\d{5}|Title \d+)$/))).length;
    expect(listedRows('Cancelled orders')).toBe(150);
    expect(listedRows('Titles')).toBe(150);
  }, 240_000);
});

describe('a generated month through reports.export, open and then closed', () => {
  let generated: TestApp;
  const clock: ReportClock = { today: '2026-09-01' };
  const exported = (format: 'csv' | 'xlsx' | 'pdf', delimiter?: 'comma' | 'semicolon') => call<ReportExportFile>(generated, 'reports.export', { month: '2026-10', format, ...(delimiter ? { delimiter } : {}) });

  beforeAll(async () => {
    generated = openTestApp(undefined, () => new Date(`${clock.today}T10:00:00Z`));
    await call(generated, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
    await generateReportMonth(generated, clock);
    await call(generated, 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { EUR: '0.9412', USD: '0.8123' } });
  }, 240_000);
  afterAll(() => generated?.close());

  it('answers a CSV, a workbook and a PDF that agree cell for cell with reports.monthly (itself checked against the raw rows)', async () => {
    const value = await call<MonthlyReport>(generated, 'reports.monthly', { month: '2026-10' });
    expect(value.currencies).toEqual(['CHF', 'EUR', 'USD']);
    expect(value.money.refunds.length + value.money.writeOffs.length + value.orders.cancelled.length).toBeGreaterThan(2);
    const [file, book, paper] = [await exported('csv', 'semicolon'), await exported('xlsx'), await exported('pdf')];
    expect([file.fileName, book.fileName, paper.fileName]).toEqual(['order-report-2026-10.csv', 'order-report-2026-10.xlsx', 'order-report-2026-10.pdf']);
    checkCsv(file, value, ';');
    await checkWorkbook(book, value);
    checkPdfText(paper, value);
  }, 180_000);

  it('once closed, answers the stored workbook and PDF byte for byte, and says so in them', async () => {
    const { closing, report: stored } = await call<{ closing: { sha256: { pdf: string; xlsx: string } }; report: MonthlyReport }>(generated, 'reports.closeMonth', { month: '2026-10' });
    expect(stored.closing).not.toBeNull();
    const [book, paper] = [await exported('xlsx'), await exported('pdf')];
    expect(book.sha256).toBe(closing.sha256.xlsx);
    expect(paper.sha256).toBe(closing.sha256.pdf);
    expect((await exported('xlsx')).contentBase64).toBe(book.contentBase64);
    await checkWorkbook(book, stored);
    expect(checkPdfText(paper, stored)).toContain(`Closed ${timeText(stored.closing!.closedAt)} by ${stored.closing!.closedBy}`);
    checkCsv(await exported('csv', 'comma'), stored, ',');
  }, 180_000);
});
