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

/** The unit's catalogue titles: long, wrapping over two or three lines in the Top titles chart, as in the demo database. */
const CATALOGUE = [
  'Community Engagement in Preventing and Responding to Gender-based Violence and Trafficking in Persons',
  'Ending child labour, forced labour and human trafficking in global supply chains',
  'Strengthening Law Enforcement Response to Gender-Based Violence and Trafficking in Persons in Borno and Adamawa (Nigeria)',
  'Assessment of Borno and Adamawa States for the Project on Strengthening Response Mechanisms and Accountability to Gender-Based Violence and Trafficking in Persons in North-East Nigeria',
  'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour',
  'Strengthening responses to child trafficking and modern slavery',
  'Investigating Human Trafficking Cases Using a Victim-centred Approach',
  'Trafficking in Human Beings and Smuggling of Migrants in ACP Countries',
  'Remediation Guidelines for Victims of Exploitation in Extended Mineral Supply Chains',
];

/** Per page: its text, and how far down the page body its text reaches (0 to 1; the running title and the footer left out). */
function pdfPages(file: string): { text: string; filled: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)![1]);
      // The page's body: below the running title, above the footer (report-pdf.tsx: 13 mm and 18 mm).
      const [top, bottom] = [(13 * 72) / 25.4, height - (18 * 72) / 25.4];
      const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ yMin: Number(m[1]), yMax: Number(m[2]), word: m[3]! }));
      const body = words.filter((w) => w.yMin >= top - 2 && w.yMax <= bottom);
      return { text: body.map((w) => w.word).join(' '), filled: body.length === 0 ? 0 : (Math.max(...body.map((w) => w.yMax)) - top) / (bottom - top) };
    });
}

it("keeps the charts with what follows: no page but the last is left mostly empty, and the last chart shares its page with the first section", async () => {
  // A demo-like month: three currencies, and every catalogue title ordered in each.
  const titles = CATALOGUE.flatMap((title, i) =>
    (['CHF', 'EUR', 'USD'] as const).map((currency, c) => ({ publicationId: i + 1, title, isbn: '', currency, copies: 60 - i * 5 - c * 7, amount: `${(60 - i * 5 - c * 7) * 35}.00` })),
  );
  const pdf = await renderReportFile(app.ctx, sampleReport({ titles }), 'pdf');
  const file = path.join(tempDir('order-desk-report-pages-'), pdf.fileName);
  fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
  const pages = pdfPages(file);

  expect(pages.length).toBeGreaterThan(1);
  // Once, a chart that did not fit under the others stood alone on page 2, three quarters of it white.
  for (const [i, page] of pages.slice(0, -1).entries()) expect(page.filled, `page ${i + 1} of ${pages.length} is filled to ${Math.round(page.filled * 100)} %`).toBeGreaterThan(0.6);
  const chartPage = pages.find((p) => p.text.includes('Top titles'))!;
  expect(chartPage.text).toContain('Orders received');
}, 240_000);

