import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { unitDay } from '../support/unit-day';
import { launchBrowser, screenshot } from '../support/browser';
import { call } from '../support/test-db';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { shownText, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 15_000 };

let browser: BrowserContext;
let web: RunningWebApp;
const ids: Record<string, { id: number; number: string }> = {};

function daysAgo(days: number): string {
  return unitDay(new Date(Date.now() - days * 86_400_000));
}

const CUSTOMERS = {
  bonvin: { name: 'Institut Bonvin', email: 'compta@bonvin.example', country: 'CH', city: 'Genève' },
  okafor: { name: 'Okafor Library', email: 'books@okafor.example', country: 'NG', city: 'Lagos' },
  muller: { name: 'Müller Stiftung', email: 'info@mueller.example', country: 'DE', city: 'Köln' },
};

async function order(key: string, customer: keyof typeof CUSTOMERS, currency: string, unitPrice: string, age: number) {
  const { publications } = await call(web.app, 'catalogue.list', {});
  const { order: created } = await call(web.app, 'orders.create', {
    customer: { ...CUSTOMERS[customer], address: 'Main street 1', postalCode: '1000' },
    currency,
    receivedVia: 'mail',
    receivedOn: daysAgo(age),
    paymentMethod: 'bank_transfer',
    lines: [{ publicationId: publications[0].id, quantity: 1, unitPrice }],
  });
  ids[key] = created;
  return created.id as number;
}

async function pay(orderId: number, amount: string, age = 0) {
  await call(web.app, 'payments.record', { orderId, method: 'bank_transfer', receivedOn: daysAgo(age), amount, transfer: { bankReference: `REF-${orderId}` } });
}

beforeAll(async () => {
  browser = await launchBrowser();
  web = await startWebApp(undefined, undefined, { actor: 'Anna Keller' });
  await order('chfNew', 'bonvin', 'CHF', '240.00', 5);
  await pay(ids.chfNew!.id, '40.00');
  await order('chfOld', 'bonvin', 'CHF', '180.00', 45);
  await order('chfOlder', 'okafor', 'CHF', '95.50', 80);
  await order('chfOldest', 'muller', 'CHF', '310.00', 130);
  await pay(ids.chfOldest!.id, '10.00', 100);
  await order('eurNew', 'muller', 'EUR', '120.00', 12);
  await order('eurOld', 'okafor', 'EUR', '75.00', 100);
  await order('usd', 'okafor', 'USD', '60.00', 35);
  await order('overpaid', 'bonvin', 'CHF', '50.00', 20);
  await pay(ids.overpaid!.id, '70.00');
  await order('cancelled', 'muller', 'EUR', '40.00', 25);
  await pay(ids.cancelled!.id, '40.00');
  await call(web.app, 'orders.cancel', { id: ids.cancelled!.id, reason: 'Ordered twice' });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

function watchCsp(page: Page): string[] {
  const refused: string[] = [];
  // CSP refusals, script errors and React or chart warnings: a finished screen logs none.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text()) || m.type() === 'error' || m.type() === 'warning') refused.push(m.text());
  });
  page.on('pageerror', (error) => refused.push(error.message));
  return refused;
}

it('opens on the home dashboard: balances and aging per currency as charts with their figures, who waits longest, and what is due back', async () => {
  const page = await browser.newPage();
  const refused = watchCsp(page);
  await page.goto(web.entryUrl());
  const home = page.getByRole('heading', { level: 1, name: 'Home' });
  await home.waitFor(SLOW);
  await page.locator('.recharts-surface').first().waitFor(SLOW);

  const balances = await shownText(page.getByRole('region', { name: 'Open balances' }));
  expect(balances).toMatch(/CHF CHF 775\.50 on 4 orders/);
  expect(balances).toMatch(/EUR EUR 195\.00 on 2 orders/);
  expect(balances).toMatch(/USD USD 60\.00 on 1 order/);

  // One chart per currency, each an image described in words, with every figure in a table.
  const charts = page.getByRole('img', { name: /^Aging in / });
  expect(await charts.count()).toBe(3);
  expect(await charts.nth(0).getAttribute('aria-label')).toMatch(/Aging in CHF: 0–30 days CHF\s*200\.00, 31–60 days CHF\s*180\.00, 61–90 days CHF\s*95\.50, Over 90 days CHF\s*300\.00/);
  const chfTable = page.getByRole('table', { name: 'Aging in CHF, all orders and the customers owing most' });
  expect(await chfTable.textContent()).toMatch(/All orders.*CHF\s*200\.00.*CHF\s*180\.00.*CHF\s*95\.50.*CHF\s*300\.00.*CHF\s*775\.50/);
  expect(await page.locator('.aging-chart').nth(0).locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);

  const waiting = await shownText(page.getByRole('region', { name: 'Waiting longest for payment' }));
  expect(waiting.indexOf(ids.chfOldest!.number)).toBeLessThan(waiting.indexOf(ids.eurOld!.number));
  expect(waiting.indexOf(ids.eurOld!.number)).toBeLessThan(waiting.indexOf(ids.chfNew!.number));
  const refunds = await shownText(page.getByRole('region', { name: 'Refunds due and credits held' }));
  expect(refunds).toMatch(new RegExp(`${ids.cancelled!.number} Müller Stiftung Cancelled\\s*Refund due EUR 40\\.00 credit for the customer`));
  expect(refunds).toMatch(new RegExp(`${ids.overpaid!.number} Institut Bonvin Received\\s*Overpaid CHF 20\\.00 credit for the customer`));
  expect(refused).toEqual([]);
  await screenshot(page, 'home-dashboard');
  // Nothing sticks out of the window (a visually hidden table once did).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'home-dashboard-dark-preference');
  await page.emulateMedia({ colorScheme: 'light' });
  // The app has no dark theme yet; the charts take their ink and panel from the page's variables, so one would carry over.
  await page.addStyleTag({ content: ':root { --bg: #14171d; --panel: #1d222b; --ink: #e7ebf1; --line: #3a4252; --muted: #a7b0bf; }' });
  await page.locator('.aging-chart').first().screenshot({ path: await screenshot(page, 'home-dashboard-dark-panel') });

  // Keyboard: from the heading to the longest-waiting order, Enter opens it.
  await home.focus();
  await tabTo(page, new RegExp(`^${ids.chfOldest!.number}$`));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Order ${ids.chfOldest!.number}` }).waitFor(SLOW);
  await page.keyboard.press('Alt+0');
  await home.waitFor(SLOW);
  await page.close();
});

it('lists orders with lifecycle, payment status and balance due, filters by payment status, and shows a customer’s aging', async () => {
  const page = await browser.newPage();
  await page.goto(web.entryUrl('#/orders'));
  const table = page.getByRole('table', { name: 'Orders' });
  await table.getByRole('row').nth(1).waitFor(SLOW);
  const header = await shownText(table.getByRole('row').first());
  expect(header).toMatch(/Status.*Payment.*Balance due/);
  const overpaid = await shownText(table.getByRole('row').filter({ hasText: ids.overpaid!.number }));
  expect(overpaid).toMatch(/Received\s*Overpaid\s*CHF 20\.00 credit for the customer/);

  const filter = page.getByLabel('Payment status');
  await filter.focus();
  await page.keyboard.press('ArrowDown'); // Unpaid
  await page.keyboard.press('ArrowDown'); // Partly paid
  await expect.poll(() => filter.inputValue()).toBe('partially_paid');
  await expect.poll(async () => (await table.getByRole('row').count()) - 1, SLOW).toBe(2);
  const rows = await shownText(table.locator('tbody'));
  expect(rows).toContain(ids.chfNew!.number);
  expect(rows).toContain(ids.chfOldest!.number);
  expect(rows).toMatch(/Partly paid\s*CHF 200\.00/);
  await screenshot(page, 'orders-list-payment-filter');

  const customerId = web.app.db.prepare('SELECT customer_id FROM orders WHERE id = ?').pluck().get(ids.chfOldest!.id) as number;
  await page.goto(web.entryUrl(`#/customer/${customerId}`));
  const aging = page.getByRole('table', { name: 'Aging: what is owed today, by age' });
  await aging.waitFor(SLOW);
  const text = await shownText(aging);
  expect(text).toMatch(/CHF CHF 0\.00 CHF 0\.00 CHF 0\.00 CHF 300\.00 CHF 300\.00 1/);
  expect(text).toMatch(/EUR EUR 120\.00 EUR 0\.00 EUR 0\.00 EUR 0\.00 EUR 120\.00 1/);
  await screenshot(page, 'customer-aging');
  await page.close();
});

it('writes every currency’s balance on Home in the one form of the clerk’s locale (never CHF 25’088.70 beside EUR 35,764.65)', async () => {
  await order('chfBig', 'bonvin', 'CHF', '25088.70', 3);
  await order('eurBig', 'muller', 'EUR', '35764.65', 3);
  await order('usdBig', 'okafor', 'USD', '12345.60', 3);
  const page = await browser.newPage();
  await page.goto(web.entryUrl());
  const balances = page.getByRole('region', { name: 'Open balances' });
  await balances.getByText(/on 5 orders/).waitFor(SLOW);
  // en-CH, the default locale: the same thousands separator as the locale writes any number, in every currency.
  const group = await page.evaluate(() => new Intl.NumberFormat('en-CH').formatToParts(1234).find((p) => p.type === 'group')!.value);
  const shown = await shownText(balances);
  const amounts = [...shown.matchAll(/(CHF|EUR|USD) (\d+\D\d{3}\D\d{2})/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(amounts).toEqual([`CHF 25${group}864.20`, `EUR 35${group}959.65`, `USD 12${group}405.60`]);
  await screenshot(page, 'home-three-currencies');

  // In French (Switzerland), every currency again in one form: comma for decimals, the code after.
  await call(web.app, 'settings.set', { locale: 'fr-CH' });
  await page.reload();
  await balances.getByText(/on 5 orders/).waitFor(SLOW);
  const french = (await shownText(balances)).replace(/\s/g, ' ');
  expect(french).toContain('25 864,20 CHF');
  expect(french).toContain('35 959,65 EUR');
  expect(french).toContain('12 405,60 USD');
  await screenshot(page, 'home-three-currencies-fr-CH');
  await call(web.app, 'settings.set', { locale: 'en-CH' });
  await page.close();
});
