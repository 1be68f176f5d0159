/**
 * The Reports screen in real Chromium: a generated month (three currencies, payments, a
 * refund, a write-off, a cancellation, an invoice and a credit note) read on screen, checked
 * against the API's MonthlyReport and against figures computed here from the rows the test
 * wrote; charts with text alternatives; exports; rates; closing and reopening; light and dark.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { ClosedMonthRow, MonthlyReport } from '../../shared/contract/reports';
import { clerkDates, formatDateTime } from '../../shared/format/dates';
import { screenshot } from '../support/browser';
import { expectCsvShows, expectPdfShows, expectScreenShows, expectWorkbookShows, fileTables } from '../support/report-outputs';
import { call, tempDir } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { openScreen, useUiSession } from '../support/ui-session';
import { retype, shownText } from './keyboard-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 20_000 };
const session = useUiSession(90_000, { actor: 'Anna Keller' });

const MONTH = '2026-10';
const MONTH_NAME = 'October 2026';
type Currency = 'CHF' | 'EUR' | 'USD';
type Method = 'bank_transfer' | 'credit_card' | 'check';

/** Every amount the test writes, in cents, so the expected figures never go through the code under test. */
const written = {
  orders: [] as { currency: Currency; receivedOn: string; cents: number; cancelled: boolean }[],
  payments: [] as { currency: Currency; method: Method; on: string; cents: number }[],
  refunds: [] as { currency: Currency; method: Method; on: string; cents: number }[],
};

const CUSTOMERS = {
  bonvin: { name: 'Institut Bonvin', email: 'compta@bonvin.example', country: 'CH', city: 'Genève', address: 'Rue du Rhône 1', postalCode: '1204' },
  okafor: { name: 'Okafor Library', email: 'books@okafor.example', country: 'NG', city: 'Lagos', address: 'Broad Street 12', postalCode: '100001' },
  muller: { name: 'Müller Stiftung', email: 'info@mueller.example', country: 'DE', city: 'Köln', address: 'Domplatz 3', postalCode: '50667' },
  smith: { name: 'Smith College', email: 'acq@smith.example', country: 'US', city: 'Northampton', address: 'Elm Street 7', postalCode: '01063' },
};

let clock = new Date('2026-10-28T10:00:00Z');
let publicationIds: number[] = [];

const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (c: Currency, value: number) => `${c} ${(value / 100).toFixed(2)}`;

async function order(customer: keyof typeof CUSTOMERS, currency: Currency, receivedVia: string, receivedOn: string, paymentMethod: Method | null, lines: [number, number, string][]) {
  const { order: created } = await call(session.web.app, 'orders.create', {
    customer: CUSTOMERS[customer],
    currency,
    receivedVia,
    receivedOn,
    ...(paymentMethod ? { paymentMethod } : {}),
    lines: lines.map(([pub, quantity, unitPrice]) => ({ publicationId: publicationIds[pub], quantity, unitPrice })),
  });
  written.orders.push({ currency, receivedOn, cents: lines.reduce((n, [, q, p]) => n + q * cents(p), 0), cancelled: false });
  return { id: created.id as number, index: written.orders.length - 1 };
}

async function pay(orderId: number, currency: Currency, method: Method, on: string, amount: string, details: Record<string, unknown> = {}) {
  await call(session.web.app, 'payments.record', { orderId, method, receivedOn: on, amount, ...details });
  written.payments.push({ currency, method, on, cents: cents(amount) });
}

beforeAll(async () => {
  const { app } = session.web;
  // The service clock is the test's, so a cancellation (dated today) falls inside the month.
  app.ctx.now = () => clock;
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const { publications } = await call(app, 'catalogue.list', {});
  publicationIds = publications.slice(0, 3).map((p: { id: number }) => p.id);

  // September's order paid in October: the payment counts in October, the order does not.
  const september = await order('bonvin', 'CHF', 'mail', '2026-09-30', 'check', [[0, 1, '50.00']]);
  await pay(september.id, 'CHF', 'check', '2026-10-03', '50.00', { check: { number: '1001', bank: 'UBS' } });

  const a = await order('bonvin', 'CHF', 'mail', '2026-10-02', 'bank_transfer', [[0, 3, '40.00'], [1, 1, '25.50']]);
  await call(app, 'invoices.issue', { orderId: a.id, issuedOn: '2026-10-05' });
  await pay(a.id, 'CHF', 'bank_transfer', '2026-10-08', '145.50', { transfer: { bankReference: 'UBS-881', feesDeducted: '1.50' } });

  const b = await order('okafor', 'CHF', 'email', '2026-10-06', 'credit_card', [[0, 2, '40.00']]);
  const { invoice } = await call(app, 'invoices.issue', { orderId: b.id, issuedOn: '2026-10-10' });
  await pay(b.id, 'CHF', 'credit_card', '2026-10-12', '80.00', { card: { brand: 'visa', last4: '4242', authorisationCode: 'A1' } });
  await call(app, 'invoices.credit', { invoiceId: invoice.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy arrived damaged', issuedOn: '2026-10-20' });
  await call(app, 'payments.refund', { orderId: b.id, amount: '40.00', paidOn: '2026-10-22', method: 'credit_card', reason: 'Damaged copy credited' });
  written.refunds.push({ currency: 'CHF', method: 'credit_card', on: '2026-10-22', cents: 4000 });

  const c = await order('muller', 'EUR', 'fax', '2026-10-09', 'check', [[1, 4, '25.50']]);
  await pay(c.id, 'EUR', 'check', '2026-10-15', '100.00', { check: { number: '77', bank: 'Sparkasse' } });
  await call(app, 'payments.writeOff', { orderId: c.id, amount: '2.00', reason: 'Small difference', writtenOffOn: '2026-10-16' });

  const d = await order('bonvin', 'EUR', 'mail', '2026-10-13', null, [[0, 1, '45.00']]);
  await call(app, 'orders.cancel', { id: d.id, reason: 'Ordered twice' });
  written.orders[d.index]!.cancelled = true;

  const e = await order('okafor', 'USD', 'other', '2026-10-20', 'bank_transfer', [[2, 5, '12.00']]);
  await pay(e.id, 'USD', 'bank_transfer', '2026-10-25', '20.00', { transfer: { bankReference: 'NW-12' } });
  await order('smith', 'USD', 'email', '2026-10-24', 'check', [[2, 2, '30.00']]);

  // The month is over when the report is read, closed and reopened.
  clock = new Date('2026-11-03T09:00:00Z');
}, 120_000);

/** Figures computed from the rows this test wrote, not by the report service. */
function expected() {
  const inMonth = (on: string) => on.startsWith(`${MONTH}-`);
  const received = written.orders.filter((o) => inMonth(o.receivedOn));
  const ordered = new Map<Currency, number>();
  for (const o of received) if (!o.cancelled) ordered.set(o.currency, (ordered.get(o.currency) ?? 0) + o.cents);
  const byMethod = new Map<string, number>();
  for (const p of written.payments) if (inMonth(p.on)) byMethod.set(`${p.currency} ${p.method}`, (byMethod.get(`${p.currency} ${p.method}`) ?? 0) + p.cents);
  return { count: received.length, ordered, byMethod };
}

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** A section's table, found by its caption, as the text of each body row. */
async function rowsOf(page: Page, caption: string): Promise<string[]> {
  const table = page.getByRole('table', { name: caption, exact: true });
  const rows = table.locator('tbody tr');
  const texts: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) texts.push(await shownText(rows.nth(i)));
  return texts;
}

const LABELS: Record<string, string> = { bank_transfer: 'Bank transfer', credit_card: 'Credit card', check: 'Check', none: 'Not given', mail: 'Mail', fax: 'Fax', email: 'E-mail', other: 'Other' };
/** Amounts as en-CH shows them: "CHF 1’234.50" (all amounts here are below 1000, so no grouping). */
const shown = (c: string, amount: string) => `${c} ${Number(amount).toFixed(2)}`;

async function openReport(page: Page) {
  await page.keyboard.press('Alt+5');
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor(SLOW);
  const field = page.getByRole('textbox', { name: 'Month', exact: true });
  await field.focus();
  await retype(page, 'oct 2026');
  await page.keyboard.press('Enter');
  await page.getByText(`Report for ${MONTH_NAME}`).waitFor(SLOW);
  await page.locator('.recharts-surface').first().waitFor(SLOW);
}

const api = () => call<MonthlyReport>(session.web.app, 'reports.monthly', { month: MONTH });

it('shows the month picked by typing, with every figure of the API report and the independently computed ones, as tables and described charts', async () => {
  const page = await openScreen(session, '#/home');
  const problems = watchConsole(page);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
  await openReport(page);
  const report = await api();
  const want = expected();

  // Independent figures first: the API must agree with what the test wrote.
  expect(report.orders.count).toBe(want.count);
  for (const [c, value] of want.ordered) expect(report.amounts.find((r) => r.currency === c)?.ordered, `ordered in ${c}`).toBe((value / 100).toFixed(2));
  expect(new Map(report.money.byMethod.map((r) => [`${r.currency} ${r.method}`, cents(r.amount)]))).toEqual(want.byMethod);

  // Then the screen, table by table, equals the API's value.
  expect(await shownText(page.getByRole('region', { name: 'Orders received' }).locator('.report-lead'))).toBe(`${want.count} orders received, 1 order cancelled in the period.`);
  expect(await rowsOf(page, 'Orders by channel')).toEqual(report.orders.byChannel.map((r) => `${LABELS[r.key]} ${r.count}`));
  expect(await rowsOf(page, 'Orders by payment method intended')).toEqual(report.orders.byPaymentMethod.map((r) => `${LABELS[r.key]} ${r.count}`));
  expect(await rowsOf(page, 'Orders per currency (amounts without cancelled orders)')).toEqual(report.orders.byCurrency.map((r) => `${r.currency} ${r.count} ${shown(r.currency, r.amount)}`));
  for (const [c, value] of want.ordered) expect(await rowsOf(page, 'Orders per currency (amounts without cancelled orders)')).toContainEqual(expect.stringContaining(money(c, value)));
  const cancelled = await rowsOf(page, 'Orders cancelled in the period, with their reasons');
  expect(cancelled).toHaveLength(1);
  expect(cancelled[0]).toMatch(/^\S+ Institut Bonvin 13 Oct 2026 28 Oct 2026 EUR EUR 45\.00 Ordered twice$/);
  expect(await rowsOf(page, 'Copies and amounts per title and currency, most copies first')).toEqual(report.titles.map((t) => `${t.title} ${t.isbn} ${t.currency} ${t.copies} ${shown(t.currency, t.amount)}`.replace(/\s+/g, ' ')));
  expect(await rowsOf(page, 'Amounts ordered, invoiced and credited per currency')).toEqual(
    report.amounts.map((r) => `${r.currency} ${shown(r.currency, r.ordered)} ${shown(r.currency, r.invoiced)} ${r.invoices} ${shown(r.currency, r.credited)} ${r.creditNotes}`),
  );
  expect(await rowsOf(page, 'Money received, refunded and written off per currency')).toEqual(
    report.money.totals.map((r) => [r.currency, ...[r.received, r.refunded, r.net, r.bankFees, r.writtenOff].map((v) => shown(r.currency, v))].join(' ')),
  );
  const byMethod = await rowsOf(page, 'Money received per method');
  expect(byMethod).toEqual(report.money.byMethod.map((r) => `${r.currency} ${LABELS[r.method]} ${r.count} ${r.reversals} ${shown(r.currency, r.amount)}`));
  for (const [key, value] of want.byMethod) {
    const [c, m] = key.split(' ') as [Currency, string];
    expect(byMethod).toContainEqual(expect.stringMatching(new RegExp(`^${c} ${LABELS[m]} .*${money(c, value).replace('.', '\\.')}$`)));
  }
  expect(await rowsOf(page, 'Refunds paid per method')).toEqual(['CHF Credit card 1 0 CHF 40.00']);
  expect(await rowsOf(page, 'Write-offs, with their reasons')).toEqual(['EUR 1 0 EUR 2.00 Small difference']);
  expect(await rowsOf(page, 'Outstanding on 31 October 2026 per currency, by age')).toEqual(
    report.outstanding.rows.map((r) => [r.currency, ...Object.values(r.buckets).map((v) => shown(r.currency, v)), shown(r.currency, r.total), r.orders].join(' ')),
  );
  const rank = <R extends { currency: string }>(rows: R[], i: number) => rows.slice(0, i + 1).filter((o) => o.currency === rows[i]!.currency).length;
  expect(await rowsOf(page, 'Top customers by amount ordered, per currency')).toEqual(
    report.topCustomers.map((r, i, all) => `${r.currency} ${rank(all, i)} ${r.customerName} ${r.countryName} ${r.orders} ${shown(r.currency, r.amount)}`),
  );
  expect(await rowsOf(page, 'Top countries by amount ordered, per currency')).toEqual(
    report.topCountries.map((r, i, all) => `${r.currency} ${rank(all, i)} ${r.countryName} ${r.country} ${r.orders} ${shown(r.currency, r.amount)}`),
  );

  // Charts: pictures with words for assistive technology, one currency per chart.
  const perDay = page.getByRole('img', { name: /^Orders received per day:/ });
  expect(await perDay.getAttribute('aria-label')).toContain(`${want.count} orders on`);
  expect(await perDay.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  const label = async (name: RegExp) => ((await page.getByRole('img', { name }).getAttribute('aria-label')) ?? '').replace(/\s/g, ' ');
  expect(await label(/^Amounts in CHF:/)).toContain(`Ordered ${money('CHF', want.ordered.get('CHF')!)}`);
  for (const c of ['EUR', 'USD']) expect(await page.getByRole('img', { name: new RegExp(`^Amounts in ${c}:`) }).count()).toBe(1);
  expect(await label(/^Money received by method in CHF:/)).toContain(`Bank transfer ${money('CHF', want.byMethod.get('CHF bank_transfer')!)}`);
  expect(await page.getByRole('img', { name: /^Top titles by copies ordered:/ }).getAttribute('aria-label')).toContain(`${report.titles[0]!.title}`);
  expect(report.outstanding.rows.length).toBeGreaterThan(0);
  for (const r of report.outstanding.rows) expect(await page.getByRole('img', { name: new RegExp(`^Aging in ${r.currency}:`) }).count()).toBe(1);
  expect(await page.locator('figure figcaption').count()).toBeGreaterThanOrEqual(6);

  expect(problems).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await screenshot(page, 'reports-screen-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'reports-screen-dark');
  // Dark really is dark, and the ink light: the page's variables changed, not just the picture.
  const colours = await page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('.report-table')!);
    return { background: style.backgroundColor, ink: getComputedStyle(document.body).color };
  });
  expect(colours).toEqual({ background: 'rgb(29, 34, 43)', ink: 'rgb(231, 235, 241)' });
  await page.close();
});

it('steps months with the buttons and the arrow keys, and shows a range of days', async () => {
  const page = await openScreen(session, '#/reports');
  const field = page.getByRole('textbox', { name: 'Month', exact: true });
  await field.waitFor(SLOW);
  await field.focus();
  await retype(page, '2026-10');
  await page.keyboard.press('Enter');
  await page.getByText(`Report for ${MONTH_NAME}`).waitFor(SLOW);
  await page.getByRole('button', { name: /^Next month, November 2026/ }).click();
  await page.getByText('Report for November 2026').waitFor(SLOW);
  expect(await field.inputValue()).toBe('November 2026');
  await field.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByText(`Report for ${MONTH_NAME}`).waitFor(SLOW);

  // A range starts as the month shown; the API calls a range that is exactly a month by its name.
  await page.getByRole('radio', { name: 'A range of days' }).check();
  const from = page.getByLabel('From', { exact: true });
  expect(await from.inputValue()).toBe('2026-10-01');
  expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2026-10-31');
  await page.getByText('Exchange rates and closing belong to a calendar month').waitFor(SLOW);
  await from.fill('2026-10-10');
  await page.getByText('Report for 10 Oct 2026 – 31 Oct 2026').waitFor(SLOW);
  const range = await call<MonthlyReport>(session.web.app, 'reports.monthly', { from: '2026-10-10', to: '2026-10-31' });
  expect(await shownText(page.getByRole('region', { name: 'Orders received' }).locator('.report-lead'))).toMatch(new RegExp(`^${range.orders.count} orders? received`));
  await page.getByLabel('To', { exact: true }).fill('2026-10-01');
  expect(await shownText(page.locator('.report-period__range'))).toContain('To must be on or after From.');
  await page.close();
});

it('does not offer to close the current month, and says from which day it can be closed', async () => {
  // The page's clock is the service's: it is 3 November 2026, so November has not ended and October has.
  const page = await session.browser.newPage();
  await page.clock.setFixedTime(clock);
  await openScreen(session, '#/reports', page);
  const field = page.getByRole('textbox', { name: 'Month', exact: true });
  await field.waitFor(SLOW);
  await field.focus();
  await retype(page, 'nov 2026');
  await page.keyboard.press('Enter');
  await page.getByText('Report for November 2026').waitFor(SLOW);
  const closing = page.locator('.report-closing');
  await expect.poll(() => shownText(closing), SLOW).toBe('November 2026 can be closed from 1 December 2026 on.');
  expect(await page.getByRole('button', { name: /^Close / }).count()).toBe(0);

  // The month before has ended: its button is there as ever.
  await page.getByRole('button', { name: /^Previous month, October 2026/ }).click();
  await page.getByText(`Report for ${MONTH_NAME}`).waitFor(SLOW);
  await page.getByRole('button', { name: `Close ${MONTH_NAME}…` }).waitFor(SLOW);
  expect(await shownText(closing)).not.toContain('can be closed from');
  await page.close();
});

it('saves the month’s rates with errors by field, and shows the converted total labelled with its rates', async () => {
  const page = await openScreen(session, '#/reports');
  await openReport(page);
  const eur = page.getByRole('textbox', { name: 'EUR 1 = CHF' });
  await eur.fill('abc');
  await page.getByRole('textbox', { name: 'USD 1 = CHF' }).fill('0,88');
  await page.getByRole('button', { name: 'Save rates' }).click();
  expect(await shownText(page.locator('.field', { has: eur }))).toContain('Rate must be a positive number such as 0.9412.');
  await eur.fill('0.94');
  expect(await page.locator('.field', { has: eur }).locator('.field__error').count()).toBe(0);
  await page.getByRole('button', { name: 'Save rates' }).click();
  const heading = page.getByRole('heading', { name: "Converted at the month's rates (EUR 1 = CHF 0.94, USD 1 = CHF 0.88), for information" });
  await heading.waitFor(SLOW);
  const report = await api();
  expect(report.rates?.rates).toMatchObject({ EUR: '0.94', USD: '0.88' });
  const c = report.converted!;
  const figures = { Ordered: c.ordered, Invoiced: c.invoiced, Credited: c.credited, Received: c.received, Refunded: c.refunded, 'Bank fees': c.bankFees, 'Written off': c.writtenOff, Outstanding: c.outstanding };
  expect(await rowsOf(page, "Totals in CHF, converted at the month's rates, for information")).toEqual(Object.entries(figures).map(([label, v]) => `${label} CHF ${shown('CHF', v)}`));
  expect(await rowsOf(page, 'Exchange rates to CHF for the month')).toEqual(['CHF 1', 'EUR 0.94', 'USD 0.88']);
  // The converted "ordered" is each currency's ordered amount at its rate, computed here in cents.
  const want = expected();
  const convertedOrdered = want.ordered.get('CHF')! + Math.round(want.ordered.get('EUR')! * 0.94) + Math.round(want.ordered.get('USD')! * 0.88);
  expect(cents(c.ordered)).toBe(convertedOrdered);
  await heading.scrollIntoViewIfNeeded();
  await page.locator('.report-converted').screenshot({ path: await screenshot(page, 'reports-converted') });
  await page.close();
});

it('shows on screen the same sections, tables, labels and values as the PDF, the CSV and the workbook of the same report', async () => {
  const page = await openScreen(session, '#/reports');
  await openReport(page);
  await page.getByRole('heading', { name: /^Converted at the month's rates/ }).waitFor(SLOW);
  const report = await api();
  expect(report.rates).not.toBeNull();

  // The screen, read as a screen reader finds it: every section with tables, each table's caption, header, rows and notes.
  const shownOnScreen = await page.evaluate(() =>
    [...document.querySelectorAll('article.report section.report-section')]
      .filter((s) => s.querySelector('.report-table-block'))
      .map((s) => ({
        title: s.querySelector('h2')!.textContent!,
        intro: s.querySelector(':scope > .report-lead')?.textContent ?? null,
        tables: [...s.querySelectorAll('.report-table-block')].map((block) => {
          const notes = [...block.querySelectorAll(':scope > p:not(.report-empty)')].map((p) => p.textContent!);
          const table = block.querySelector('table');
          if (!table) {
            const said = block.querySelector('.report-empty')!;
            const title = said.querySelector('.visually-hidden')!.textContent!;
            return { title: title.replace(/: $/, ''), header: [], rows: [[said.textContent!.slice(title.length)]], notes };
          }
          return {
            title: table.caption!.textContent!,
            header: [...table.tHead!.rows[0]!.cells].map((c) => c.textContent!),
            rows: [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!)),
            notes,
          };
        }),
      })),
  );
  const { settings } = await call<{ settings: { locale: string } }>(session.web.app, 'settings.get', {});
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const dates = { ...clerkDates(settings.locale), dateTime: (t: string) => formatDateTime(t, settings.locale, { timeZone: zone }) };
  expectScreenShows(shownOnScreen, report, settings.locale, dates);

  // The three files of the same month show the same layout, each in its own way.
  const file = (format: 'csv' | 'xlsx' | 'pdf') => call<{ contentBase64: string; fileName: string }>(session.web.app, 'reports.export', { month: MONTH, format, delimiter: 'semicolon' });
  const [csv, xlsx, pdf] = [await file('csv'), await file('xlsx'), await file('pdf')];
  expectCsvShows(Buffer.from(csv.contentBase64, 'base64').toString('utf8'), report, ';');
  await expectWorkbookShows(Buffer.from(xlsx.contentBase64, 'base64'), report);
  const where = path.join(tempDir('reports-four-outputs-'), pdf.fileName);
  fs.writeFileSync(where, Buffer.from(pdf.contentBase64, 'base64'));
  expectPdfShows(execFileSync('pdftotext', ['-raw', where, '-'], { encoding: 'utf8' }), report);

  // And they are the same tables: the screen's titles and headers are the files' ones, table for table.
  const onScreenTables = shownOnScreen.flatMap((s) => s.tables.map((t) => t.title)).sort();
  expect(onScreenTables).toEqual(fileTables(report).map((t) => t.title).sort());
  await page.close();
});

it('exports CSV, Excel and PDF as downloads, with a progress indicator while a slow one is made', async () => {
  const page = await openScreen(session, '#/reports');
  await openReport(page);
  const folder = tempDir('reports-downloads-');
  const save = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };

  await page.getByLabel('CSV separator').selectOption('semicolon');
  const csv = fs.readFileSync(await save('Export CSV'), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('\r\n');
  expect(csv).toMatch(/;/);
  const xlsx = fs.readFileSync(await save('Export Excel (.xlsx)'));
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');

  // A slow answer: the buttons wait, a progress bar says what is being made, and the page still takes keys.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/reports.export', async (route) => {
    await held;
    await route.continue();
  });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const progress = page.getByRole('progressbar', { name: 'Preparing the PDF' });
  await progress.waitFor(SLOW);
  expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
  const usd = page.getByRole('textbox', { name: 'USD 1 = CHF' });
  await usd.fill('0.87');
  expect(await usd.inputValue()).toBe('0.87');
  release();
  const download = await downloading;
  const pdf = path.join(folder, download.suggestedFilename());
  await download.saveAs(pdf);
  await progress.waitFor({ state: 'detached', ...SLOW });
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdftotext', ['-l', '1', pdf, '-']).toString()).toMatch(/October 2026/);
  expect(await shownText(page.locator('.report-exports__status'))).toMatch(/\.pdf is ready \(.+, SHA-256 [0-9a-f]{12}\)\./);
  await page.unroute('**/api/reports.export');
  await page.close();
});

it('closes the month after a confirmation, shows who closed it with the SHA-256, refuses rates, and reopens with a reason', async () => {
  const page = await openScreen(session, '#/reports');
  await openReport(page);
  await page.getByRole('button', { name: `Close ${MONTH_NAME}…` }).click();
  const confirm = page.getByRole('dialog', { name: `Close ${MONTH_NAME}?` });
  expect(await shownText(confirm)).toContain(`Afterwards nothing can be dated in ${MONTH_NAME}: no order, payment, refund, write-off, invoice or credit note.`);
  await page.keyboard.press('Enter');
  const banner = page.locator('.banner--closed');
  await banner.getByText(/SHA-256/).waitFor(SLOW);
  const { rows } = await call<{ rows: ClosedMonthRow[] }>(session.web.app, 'reports.closedMonths', { year: 2026 });
  const closing = rows.find((r) => r.month === MONTH && r.reopened === null)!;
  const text = await shownText(banner);
  expect(text).toMatch(new RegExp(`^${MONTH_NAME} is closed\\. Closed on 3 Nov 2026, \\d\\d:\\d\\d by Anna Keller\\.`));
  expect(text).toContain(`SHA-256 ${closing.sha256.value.slice(0, 12)}`);
  expect(await page.getByRole('button', { name: 'Save rates' }).isDisabled()).toBe(true);
  expect(await shownText(page.locator('.report-rates'))).toContain(`${MONTH_NAME} is closed: its rates stay as they were when it was closed.`);
  await screenshot(page, 'reports-closed');

  await page.getByRole('button', { name: `Reopen ${MONTH_NAME}…` }).click();
  const reopen = page.getByRole('dialog', { name: `Reopen ${MONTH_NAME}?` });
  await reopen.getByRole('button', { name: `Reopen ${MONTH_NAME}` }).click();
  expect(await shownText(reopen)).toContain('Reason is required: say why the month is reopened.');
  await screenshot(page, 'reports-reopen-dialog');
  await reopen.getByLabel('Reason for reopening').fill('Late credit note for Okafor Library');
  await reopen.getByRole('button', { name: `Reopen ${MONTH_NAME}` }).click();
  await page.getByRole('button', { name: `Close ${MONTH_NAME}…` }).waitFor(SLOW);
  await expect.poll(() => shownText(page.locator('.report-closing')), SLOW).toMatch(new RegExp(`was closed on 3 Nov 2026, .* by Anna Keller and reopened on 3 Nov 2026, .* by Anna Keller: “Late credit note for Okafor Library”`));
  expect(await page.getByRole('button', { name: 'Save rates' }).isDisabled()).toBe(false);
  await page.close();
});

it('says so when the month’s closing history cannot be read, instead of showing none, and reads it again on Try again', async () => {
  // October was closed and reopened above: its history has a reopening to show.
  const page = await session.browser.newPage();
  await page.route('**/api/reports.closedMonths', (route) => route.abort('connectionrefused'));
  await openScreen(session, '#/reports', page);
  await openReport(page);
  const closing = page.locator('.report-closing');
  const failed = closing.getByRole('alert');
  await failed.waitFor(SLOW);
  expect(await shownText(failed)).toBe(`The closing history of ${MONTH_NAME} could not be read: Order Desk is not reachable. Is the program still running? Try again`);
  expect(await shownText(closing)).not.toContain('reopened on');
  await screenshot(page, 'reports-closing-history-failed');

  await page.unroute('**/api/reports.closedMonths');
  await closing.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => shownText(closing), SLOW).toMatch(/reopened on 3 Nov 2026, .* by Anna Keller: “Late credit note for Okafor Library”/);
  expect(await failed.count()).toBe(0);
  await page.close();
});
