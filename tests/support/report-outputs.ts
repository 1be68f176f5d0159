/**
 * What each of the report's four outputs must show for one report, worked out from its one
 * layout (shared/reports/report-layout.ts): the same sections, tables, labels and values, each
 * value written the way that output writes it. The readers here take each output apart on its
 * own terms (pdftotext's text, the CSV's rows, the workbook's typed cells, the screen's tables).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { MonthlyReport } from '../../shared/contract/reports';
import { formatDocumentAmount } from '../../shared/documents/document-labels';
import { formatDate, type DateDisplay } from '../../shared/format/dates';
import { formatMoney } from '../../shared/money/money';
import type { LaidSection, LaidTable, ReportValue } from '../../shared/reports/report-cells';
import { reportFileDates, reportStatus, reportTitle } from '../../shared/reports/report-heading';
import { layReport, reportTablesOf } from '../../shared/reports/report-layout';

/** The guard the CSV puts before text a spreadsheet could run as a formula, written independently of the writer. */
export function guarded(text: string): string {
  return /^[\t\r]|^ *[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

/** A value as the screen shows it in the clerk's locale. */
export const onScreen =
  (locale: string) =>
  (v: ReportValue): string => {
    switch (v.kind) {
      case 'text':
        return v.text;
      case 'currency':
        return v.currency;
      case 'count':
        return String(v.count);
      case 'money':
        return formatMoney(v.amount, v.currency, locale);
      case 'date':
        return formatDate(v.date, locale);
      case 'rate':
        return v.rate;
    }
  };

/** A value as the PDF prints it: English conventions, amounts without the code (a Currency column is beside them). */
export function inPdf(v: ReportValue): string {
  if (v.kind === 'money') return formatDocumentAmount(v.amount, v.currency, 'en');
  if (v.kind === 'date') return formatDate(v.date, 'en-GB');
  return onScreen('en-GB')(v);
}

/** A value as the CSV writes it: exact decimals, ISO dates, guarded text. */
export function inCsv(v: ReportValue): string {
  if (v.kind === 'text') return guarded(v.text);
  if (v.kind === 'money') return v.amount;
  if (v.kind === 'date') return v.date;
  return onScreen('en-GB')(v);
}

export const fileSections = (report: MonthlyReport): LaidSection[] => layReport(report, reportFileDates);
export const fileTables = (report: MonthlyReport): LaidTable[] => reportTablesOf(fileSections(report));

/** The CSV's rows: the three heading lines, then every table (a blank line, its title, its notes, its header, its rows). */
export function expectCsvShows(csv: string, report: MonthlyReport, delimiter: ',' | ';'): string[][] {
  const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter }).data;
  const expected: string[][] = [[reportTitle(report, reportFileDates)], [`Period: ${report.period.from} to ${report.period.to}`], [reportStatus(report, reportFileDates)]];
  for (const t of fileTables(report)) expected.push([''], [t.title], ...t.notes.map((n) => [n.text]), t.columns.map((c) => c.label), ...t.rows.map((row) => row.map(inCsv)));
  expected.push(['']);
  expect(rows).toEqual(expected);
  return rows;
}

/** One sheet per table, in order: its title, its notes under the report's heading, its header, and every cell typed by its kind. */
export async function expectWorkbookShows(bytes: Buffer, report: MonthlyReport): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as any);
  const tables = fileTables(report);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.sheet));
  for (const t of tables) {
    const sheet = workbook.getWorksheet(t.sheet)!;
    expect(sheet.getCell('A1').value, t.sheet).toBe(t.title);
    t.notes.forEach((n, i) => expect(sheet.getCell(4 + i, 1).value, t.sheet).toBe(n.text));
    const header = 5 + t.notes.length;
    expect(sheet.getRow(header).values, t.sheet).toEqual([undefined, ...t.columns.map((c) => c.label)]);
    expect(sheet.rowCount, t.sheet).toBe(header + t.rows.length);
    t.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = sheet.getCell(header + 1 + r, c + 1);
        const where = `${t.sheet}!${cell.address}`;
        if (v.kind === 'money') expect(cell.value, where).toBe(Number(v.amount));
        else if (v.kind === 'count') expect(cell.value, where).toBe(v.count);
        else if (v.kind === 'rate') expect(cell.value, where).toBe(Number(v.rate));
        else if (v.kind === 'date') expect((cell.value as Date).toISOString().slice(0, 10), where).toBe(v.date);
        else expect(cell.value ?? '', where).toBe(onScreen('en-GB')(v));
      }),
    );
  }
  return workbook;
}

/** A chart's figures are printed folded, several across under a repeated header; row by row, the values stay in order. */
const FOLDED_ACROSS = 4;

/**
 * The PDF's text in reading order (pdftotext -raw), without the running header and footer: every
 * section's title and intro, then each table's title, header, rows and notes, one after another.
 */
export function expectPdfShows(rawText: string, report: MonthlyReport): void {
  const title = reportTitle(report, reportFileDates);
  const body = rawText
    .split(/[\n\f]/)
    .filter((line) => !/ Page \d+ of \d+$/.test(line) && line !== `${title} (continued)`)
    .join(' ')
    .replace(/\s+/g, ' ');
  for (const s of fileSections(report)) {
    const parts = [s.title, s.intro ?? ''];
    for (const t of s.tables) {
      const across = t.placement === 'chart' ? FOLDED_ACROSS : 1;
      parts.push(t.title, Array.from({ length: across }, () => t.columns.map((c) => c.label).join(' ')).join(' '));
      parts.push(t.rows.length === 0 ? t.empty : t.rows.map((row) => row.map(inPdf).join(' ')).join(' '));
      parts.push(...t.notes.map((n) => n.text));
    }
    const expected = parts.filter(Boolean).join(' ').replace(/\s+/g, ' ');
    expect(body, `section ${s.title}`).toContain(expected);
  }
}

/** A table as a screen reader finds it: its caption (or the title said before "none"), header, rows and notes. */
export interface ScreenTable {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
}

export interface ScreenSection {
  title: string;
  intro: string | null;
  tables: ScreenTable[];
}

/** What the Reports screen must show for the report in the clerk's locale: its layout, laid out with the clerk's dates. */
export function expectScreenShows(shown: ScreenSection[], report: MonthlyReport, locale: string, dates: DateDisplay): void {
  const show = onScreen(locale);
  const expected = layReport(report, dates).map(
    (s): ScreenSection => ({
      title: s.title,
      intro: s.intro,
      tables: s.tables.map((t) => ({
        title: t.title,
        header: t.rows.length === 0 ? [] : t.columns.map((c) => c.label),
        rows: t.rows.length === 0 ? [[t.empty]] : t.rows.map((row) => row.map(show)),
        notes: t.notes.map((n) => n.text),
      })),
    }),
  );
  // A chart's figures stand with their chart at the top of the section on screen; the tables are compared by title.
  const byTitle = (s: ScreenSection) => ({ ...s, tables: [...s.tables].sort((a, b) => a.title.localeCompare(b.title)) });
  expect(shown.map(byTitle)).toEqual(expected.map(byTitle));
}
