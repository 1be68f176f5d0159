/**
 * The report's one layout, printed three ways: the PDF's text (pdftotext, in reading order),
 * the CSV's rows and the workbook's typed cells show the same sections, tables, labels and
 * values for one report, each written as that file writes it. (The Reports screen is compared
 * with the same layout, and with these files, in tests/ui/reports-screen.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderReportFile } from '../../db/services/reports/export-file';
import { expectCsvShows, expectPdfShows, expectWorkbookShows, fileTables } from '../support/report-outputs';
import { openTestApp, tempDir, type TestApp } from '../support/test-db';
import { sampleReport } from '../support/report-fixture';

// pdftotext writes right-to-left words in visual order, so the Arabic names and titles are left
// to report-files.test.ts, which checks that every script prints.
const base = sampleReport();
const report = sampleReport({
  titles: base.titles.filter((t) => !/[\u0600-\u06ff]/.test(t.title)),
  topCustomers: base.topCustomers.filter((c) => !/[\u0600-\u06ff]/.test(c.customerName)),
  converted: { ...base.converted!, missingRates: ['USD'] },
});

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app?.close());

it('prints every table of the layout, with its labels and values, in the PDF, the CSV and the workbook alike', async () => {
  const [csv, xlsx, pdf] = await Promise.all([renderReportFile(app.ctx, report, 'csv', { delimiter: 'semicolon' }), renderReportFile(app.ctx, report, 'xlsx'), renderReportFile(app.ctx, report, 'pdf')]);
  expectCsvShows(Buffer.from(csv.contentBase64, 'base64').toString('utf8'), report, ';');
  await expectWorkbookShows(Buffer.from(xlsx.contentBase64, 'base64'), report);
  const file = path.join(tempDir('order-desk-report-outputs-'), pdf.fileName);
  fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
  expectPdfShows(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }), report);

  // The drifted labels are gone: one word for a missing method and for refunds, everywhere.
  const labels = fileTables(report).flatMap((t) => [...t.columns.map((c) => c.label), ...t.rows.flatMap((row) => row.flatMap((v) => (v.kind === 'text' ? [v.text] : [])))]);
  expect(labels).toContain('Not given');
  expect(labels).toContain('Refunded');
  expect(labels).not.toContain('None given');
  expect(labels).not.toContain('Refunds paid');
}, 240_000);
