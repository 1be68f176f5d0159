/**
 * The month's batch in real Chromium (browser mode): the orders still to invoice and their
 * totals per currency, a live progress bar, Cancel part way through (invoices.issue answers are
 * held back so the batch is caught mid-run) leaving every invoice complete or not started with
 * no gap in the numbers, the rest issued on restart, then every PDF in one ZIP, byte for byte.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import { unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unitDay } from '../support/unit-day';
import { stepMonth } from '../../shared/domain/calendar';
import { screenshot } from '../support/browser';
import { call } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { openScreen, useUiSession } from '../support/ui-session';
import { focusedName, shownText } from './keyboard-support';

const ui = useUiSession(120_000);
const SLOW = { timeout: 30_000 };
const MONTH = stepMonth(unitDay().slice(0, 7), -1);
const YEAR = unitDay().slice(0, 4);
const inv = (n: number) => `INV-${YEAR}-${String(n).padStart(5, '0')}`;

const CUSTOMERS = [
  { name: 'Bibliothèque de Genève', country: 'CH', city: 'Genève' },
  { name: 'Наталья Иванова', country: 'RU', city: 'Москва' },
  { name: 'مكتبة الإسكندرية', country: 'EG', city: 'الإسكندرية' },
  { name: 'Zoë Ångström-Müller', country: 'SE', city: 'Uppsala' },
  { name: '王小明', country: 'CN', city: '北京' },
  { name: 'Biblioteca Nacional de España', country: 'ES', city: 'Madrid' },
];
const PRICES: [string, string][] = [['CHF', '40.00'], ['EUR', '19.99'], ['USD', '25.50'], ['CHF', '12.35'], ['EUR', '55.00'], ['USD', '7.25']];

let batchOrders: { id: number; number: string }[] = [];

async function order(i: number, receivedOn: string) {
  const customer = CUSTOMERS[i % CUSTOMERS.length]!;
  const [currency, unitPrice] = PRICES[i % PRICES.length]!;
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { ...customer, email: '', postalCode: '1000', address: 'Main street 1' },
    currency,
    receivedVia: 'mail',
    receivedOn,
    lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice }],
  });
  return order as { id: number; number: string };
}

beforeAll(async () => {
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  // Already invoiced: takes the first number, and the batch leaves it alone.
  const invoiced = await order(0, `${MONTH}-02`);
  await call(ui.web.app, 'invoices.issue', { orderId: invoiced.id });
  const cancelled = await order(1, `${MONTH}-03`);
  await call(ui.web.app, 'orders.cancel', { id: cancelled.id, reason: 'Sent twice' });
  await order(2, `${stepMonth(MONTH, -1)}-28`);
  batchOrders = [];
  for (let i = 0; i < 6; i++) batchOrders.push(await order(i, `${MONTH}-${String(5 + i * 3).padStart(2, '0')}`));
}, 120_000);

/** Holds each invoices.issue answer back, so the batch can be watched and cancelled mid-run. */
async function slowIssues(page: Page, ms: number) {
  await page.route('**/api/invoices.issue', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fulfill({ response });
  });
}

const invoiceRows = () => ui.web.app.db.prepare("SELECT id, number, order_id, pdf_sha256, pdf FROM invoices WHERE kind = 'invoice' ORDER BY id").all() as { id: number; number: string; order_id: number; pdf_sha256: string; pdf: Buffer }[];
const statusOf = (id: number) => (ui.web.app.db.prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: string }).status;

it('issues a month by keyboard, cancels part way leaving no gap, restarts for the rest, and downloads every PDF in one ZIP', async () => {
  const page = await openScreen(ui, '#/invoice-batch');
  await page.getByRole('heading', { name: 'Issue a month’s invoices' }).waitFor(SLOW);
  const monthField = page.getByLabel('Orders received in');
  await monthField.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(MONTH);
  await page.keyboard.press('Enter');

  // Before starting: how many, and their totals per currency (2 × each price).
  await expect.poll(() => shownText(page.locator('.batch-overview__count')), SLOW).toMatch(/^6 orders received in \S+ \d{4} are still to invoice \(not invoiced, not cancelled\)\.$/);
  const totals = await shownText(page.getByRole('table', { name: 'Orders to invoice per currency' }));
  expect(totals).toBe('Currency Orders Total CHF 2 CHF 104.70 EUR 2 EUR 149.98 USD 2 USD 65.50');

  await slowIssues(page, 2500);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedName(page)).toBe('Issue 6 invoices');
  await page.keyboard.press('Enter');

  // The keyboard is on Cancel from the start; the live line follows the invoices as they are issued.
  const progressText = page.getByTestId('batch-progress-text');
  await expect.poll(() => progressText.textContent(), SLOW).toBe(`1 of 6 — ${inv(2)} issued`);
  await expect.poll(() => focusedName(page)).toBe('Cancel');
  await screenshot(page, 'invoice-batch-progress');
  await expect.poll(() => progressText.textContent(), SLOW).toMatch(/^[2-5] of 6 — INV-\S+ issued$/);
  await page.keyboard.press('Enter');
  // Stopping waits for the invoice in progress; which one that is depends on how fast this machine is.
  await expect.poll(() => progressText.textContent(), SLOW).toMatch(/^[2-5] of 6 — stopping after \S+, the invoice in progress…$/);
  const [, doneAtCancel, inProgress] = /^(\d) of 6 — stopping after (\S+),/.exec((await progressText.textContent())!)!;
  const issuedCount = Number(doneAtCancel) + 1;
  // The button stays where the keyboard is (not disabled, which would drop focus), and says it is stopping.
  await expect.poll(() => focusedName(page)).toBe('Stopping…');
  expect(inProgress).toBe(batchOrders[issuedCount - 1]!.number);
  expect(await page.locator('progress').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([issuedCount - 1, 6]);
  await screenshot(page, 'invoice-batch-stopping');

  // The invoice in progress is completed; nothing after it is started, and the numbers run on without a gap.
  const summary = page.getByRole('region', { name: /^Cancelled:/ });
  await summary.waitFor(SLOW);
  expect(await shownText(summary.getByRole('heading', { level: 2 }))).toBe(`Cancelled: ${issuedCount} of 6 invoices issued`);
  expect(await shownText(summary)).toContain(`Issued: ${issuedCount} invoices, ${inv(2)} to ${inv(issuedCount + 1)}`);
  expect(await shownText(summary.getByLabel('Orders not started'))).toBe(batchOrders.slice(issuedCount).map((o) => o.number).join(', '));
  const afterCancel = invoiceRows();
  expect(afterCancel.map((r) => r.number)).toEqual(Array.from({ length: issuedCount + 1 }, (_, i) => inv(i + 1)));
  expect(afterCancel.slice(1).map((r) => r.order_id)).toEqual(batchOrders.slice(0, issuedCount).map((o) => o.id));
  for (const row of afterCancel) expect(crypto.createHash('sha256').update(row.pdf).digest('hex')).toBe(row.pdf_sha256);
  expect(batchOrders.map((o) => statusOf(o.id))).toEqual(batchOrders.map((_, i) => (i < issuedCount ? 'invoiced' : 'received')));
  await screenshot(page, 'invoice-batch-cancelled');

  // Restart: only those not started are left, and they continue the series.
  const left = 6 - issuedCount;
  await page.unroute('**/api/invoices.issue');
  await page.getByRole('button', { name: `Issue the ${left} remaining invoice${left === 1 ? '' : 's'}` }).click();
  const done = page.getByRole('region', { name: /^Done:/ });
  await done.waitFor(SLOW);
  expect(await shownText(done.getByRole('heading', { level: 2 }))).toBe(`Done: ${left} of ${left} invoice${left === 1 ? '' : 's'} issued`);
  expect(await shownText(done)).toContain(`${inv(issuedCount + 2)}`);
  await expect.poll(() => shownText(page.locator('.batch-overview__none')), SLOW).toMatch(/^Every order received in \S+ \d{4} is now invoiced\.$/);
  expect(invoiceRows().map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7].map(inv));
  expect(batchOrders.every((o) => statusOf(o.id) === 'invoiced')).toBe(true);

  // Every PDF issued here, both runs, in one ZIP: named by number, the stored bytes exactly.
  const [download] = await Promise.all([page.waitForEvent('download', SLOW), page.getByRole('button', { name: 'Download all as ZIP' }).click()]);
  // Named by the batch's month (the orders received in it), not by the month the invoices were issued in.
  expect(download.suggestedFilename()).toBe(`invoices-${MONTH}.zip`);
  const entries = unzipSync(fs.readFileSync((await download.path())!));
  expect(Object.keys(entries).sort()).toEqual([2, 3, 4, 5, 6, 7].map((n) => `${inv(n)}.pdf`));
  for (const row of invoiceRows().slice(1)) {
    const { invoice } = await call(ui.web.app, 'invoices.get', { id: row.id });
    expect(crypto.createHash('sha256').update(entries[`${row.number}.pdf`]!).digest('hex')).toBe(invoice.sha256);
  }
  await expect.poll(() => shownText(page.locator('.batch-save [role=status]')), SLOW).toBe('6 PDFs downloaded in one ZIP.');
  await screenshot(page, 'invoice-batch-done');
  await page.close();
}, 180_000);

it('is reached from the Invoices screen, warns before starting, lists an order it cannot invoice with the reason and goes on with the next', async () => {
  const month = stepMonth(MONTH, -2);
  const usd = await order(2, `${month}-10`);
  const chf = await order(3, `${month}-11`);
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS.filter((a) => a.currency !== 'USD') });
  try {
    const page = await openScreen(ui, '#/invoices');
    await page.getByRole('link', { name: 'Issue a month’s invoices…' }).click();
    await page.getByRole('heading', { name: 'Issue a month’s invoices' }).waitFor(SLOW);
    expect(await page.getByRole('link', { name: /^Invoices/ }).getAttribute('aria-current')).toBe('page');
    await page.getByLabel('Orders received in').fill(month);
    await page.getByLabel('Orders received in').press('Enter');
    await expect.poll(() => shownText(page.locator('.batch-overview__count')), SLOW).toMatch(/^2 orders received in/);
    expect(await shownText(page.getByRole('note'))).toMatch(/There is no USD bank account in Settings → Bank accounts/);

    ui.expectRefusal({ status: 400, path: '/api/invoices.issue' });
    await page.getByRole('button', { name: 'Issue 2 invoices' }).click();
    const summary = page.getByRole('region', { name: /^Done:/ });
    await summary.waitFor(SLOW);
    expect(await shownText(summary.getByRole('heading', { level: 2 }))).toBe('Done: 1 of 2 invoices issued');
    expect(await shownText(summary.getByRole('list', { name: 'Orders not invoiced' }))).toMatch(new RegExp(`^${usd.number} \\(مكتبة الإسكندرية\\): There is no USD bank account in Settings`));
    expect([statusOf(usd.id), statusOf(chf.id)]).toEqual(['received', 'invoiced']);
    // The order not invoiced is still there to issue once Settings are complete.
    await expect.poll(() => page.getByRole('button', { name: 'Issue the 1 remaining invoice' }).count(), SLOW).toBe(1);
    await screenshot(page, 'invoice-batch-failed-order');
    await page.close();
  } finally {
    await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  }
}, 120_000);
