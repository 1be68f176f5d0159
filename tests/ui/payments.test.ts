import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { localIsoDate } from '../../shared/domain/dates';
import { launchBrowser, screenshot } from '../support/browser';
import { call } from '../support/test-db';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { retype, shownText as textOf, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 15_000 };
const CLERK = 'Anna Keller';

let browser: BrowserContext;
let web: RunningWebApp;

beforeAll(async () => {
  browser = await launchBrowser();
  // Browser mode names the clerk from --user; the test app does the same.
  web = await startWebApp(undefined, undefined, { actor: CLERK });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function createOrder(currency: 'CHF' | 'EUR' | 'USD', unitPrice: string, customer = { name: 'Institut Bonvin', email: 'compta@bonvin.example', country: 'CH', city: 'Genève' }, receivedOn = localIsoDate()) {
  const { publications } = await call(web.app, 'catalogue.list', {});
  const { order } = await call(web.app, 'orders.create', {
    customer: { ...customer, address: 'Rue du Rhône 1', postalCode: '1204' },
    currency,
    receivedVia: 'mail',
    receivedOn,
    paymentMethod: 'check',
    lines: [{ publicationId: publications[0].id, quantity: 1, unitPrice }],
  });
  return order as { id: number; number: string };
}

async function openOrder(page: Page, id: number) {
  await page.goto(web.entryUrl(`#/order/${id}`));
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  // The screen puts focus on its heading; start from there whatever the page did meanwhile.
  await page.getByRole('heading', { level: 1 }).focus();
}

it('records a check, then a short bank transfer and writes the bank fees off, by keyboard: the order ends paid, every step by the clerk', async () => {
  const order = await createOrder('CHF', '123.45');
  const page = await browser.newPage();
  await openOrder(page, order.id);
  const panel = page.getByRole('region', { name: 'Payments' });
  expect(await textOf(panel.getByTestId('balance'))).toMatch(/CHF 123\.45 · Unpaid/);

  // Check of 100.00: the method comes from the order form, the amount is typed over the balance due.
  await tabTo(page, /^Record payment…$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Record a payment on order ${order.number}` });
  await dialog.waitFor();
  expect(await dialog.getByLabel('Method').inputValue()).toBe('check');
  expect(await dialog.getByLabel('Amount (CHF)').inputValue()).toBe('123.45');
  expect(await dialog.getByLabel('Date received').inputValue()).toBe(localIsoDate());
  await page.keyboard.press('Tab');
  await retype(page, '100.00');
  await tabTo(page, /^Check number$/); // past the date received, today
  await page.keyboard.type('004471');
  await page.keyboard.press('Tab');
  await page.keyboard.type('UBS Genève');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /Payment of CHF\s*100\.00 recorded\./ }).waitFor(SLOW);
  await expect.poll(() => textOf(panel.getByTestId('balance')), SLOW).toMatch(/CHF 23\.45 · Partly paid/);

  // Transfer of 20.00 that arrived short: the banks kept 3.45.
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Record payment…$/);
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  expect(await dialog.getByLabel('Amount (CHF)').inputValue()).toBe('23.45');
  // Method first: pick Bank transfer with the arrow keys.
  while ((await dialog.getByLabel('Method').inputValue()) !== 'bank_transfer') await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await retype(page, '20.00');
  await tabTo(page, /^Bank reference$/);
  await page.keyboard.type('CH-2026-11-778');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3.45');
  await page.keyboard.press('Enter');
  await expect.poll(() => textOf(panel.getByTestId('balance')), SLOW).toMatch(/CHF 3\.45 · Partly paid/);

  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Write off…$/);
  await page.keyboard.press('Enter');
  const writeOff = page.getByRole('dialog', { name: `Write off on order ${order.number}` });
  await writeOff.waitFor();
  expect(await writeOff.getByLabel('Amount written off (CHF)').inputValue()).toBe('3.45');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bank transfer fees');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => textOf(panel.getByTestId('balance')), SLOW).toMatch(/CHF 0\.00 · Paid/);
  expect(await page.getByRole('button', { name: 'Write off…' }).count()).toBe(0);
  expect(await textOf(page.locator('.order-detail__head'))).toMatch(/Received\s*Paid\s*Balance due: CHF 0\.00/);

  const ledger = await textOf(panel.getByRole('table', { name: 'Money movements, oldest first' }));
  expect(ledger).toMatch(/Payment Check, check no\. 004471, UBS Genève Anna Keller −CHF 100\.00 CHF 23\.45/);
  expect(ledger).toMatch(/Payment Bank transfer, bank reference CH-2026-11-778, fees deducted CHF 3\.45 Anna Keller −CHF 20\.00 CHF 3\.45/);
  expect(ledger).toMatch(/Written off Reason: Bank transfer fees Anna Keller −CHF 3\.45 CHF 0\.00/);
  const summary = await textOf(panel.locator('.payments-summary'));
  expect(summary).toMatch(/Order total CHF 123\.45 Paid CHF 120\.00 Refunded CHF 0\.00 Written off CHF 3\.45/);

  const history = await textOf(page.getByRole('list', { name: 'History, newest first' }));
  expect(history).toMatch(/Written off: CHF 3\.45 on .*reason: Bank transfer fees .* by Anna Keller/);
  expect(history).toMatch(/Payment received: CHF 20\.00 by bank transfer on .* by Anna Keller/);
  expect(history).toMatch(/Payment received: CHF 100\.00 by check on .* by Anna Keller/);
  expect(history).toMatch(/Order keyed in: 1 line, amount due CHF 123\.45 .* by Anna Keller/);
  expect(history).toMatch(/Payment status\s*Partly paid\s*Paid/);
  expect(web.app.db.prepare('SELECT payment_status, balance_minor FROM orders WHERE id = ?').get(order.id)).toEqual({ payment_status: 'paid', balance_minor: 0 });
  expect(web.app.db.prepare("SELECT DISTINCT actor FROM audit_log WHERE entity = 'order' AND entity_id = ?").pluck().all(order.id)).toEqual([CLERK]);
  await screenshot(page, 'order-detail-payments-paid');
  await page.close();
});
