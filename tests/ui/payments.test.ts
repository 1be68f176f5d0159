import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { call } from '../support/test-db';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { focusedName, retype, shownText as textOf, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 15_000 };
const CLERK = 'Anna Keller';
// The clerk works in Geneva at 00:30 on 7 December: the date filled in is the new day there, and the service accepts it.
const NOW = new Date('2026-12-06T23:30:00Z');
const TODAY = '2026-12-07';

let browser: BrowserContext;
let web: RunningWebApp;

beforeAll(async () => {
  browser = await launchBrowser({ timezoneId: 'Europe/Zurich' });
  await browser.clock.setFixedTime(NOW);
  // Browser mode names the clerk from --user; the test app does the same.
  web = await startWebApp(undefined, () => NOW, { actor: CLERK });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function createOrder(currency: 'CHF' | 'EUR' | 'USD', unitPrice: string, customer = { name: 'Institut Bonvin', email: 'compta@bonvin.example', country: 'CH', city: 'Genève' }, receivedOn = TODAY) {
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
  // Esc backs out without recording anything, and the keyboard is back where it was.
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count(), SLOW).toBe(0);
  await expect.poll(() => focusedName(page)).toBe('Record payment…');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  expect(await dialog.getByLabel('Method').inputValue()).toBe('check');
  expect(await dialog.getByLabel('Amount (CHF)').inputValue()).toBe('123.45');
  expect(await dialog.getByLabel('Date received').inputValue()).toBe(TODAY);
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
  await expect.poll(() => textOf(page.locator('.order-detail__head')), SLOW).toMatch(/Received\s*Paid\s*Balance due: CHF 0\.00/);

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

it('moves an overpayment to another order of the customer, reverses it, refunds the rest, then ships and closes by hand, by keyboard', async () => {
  const customer = { name: 'Okafor Library', email: 'books@okafor.example', country: 'NG', city: 'Lagos' };
  const over = await createOrder('EUR', '50.00', customer);
  const next = await createOrder('EUR', '30.00', customer);
  await createOrder('CHF', '30.00', customer); // another currency: never offered
  await call(web.app, 'payments.record', { orderId: over.id, method: 'bank_transfer', receivedOn: TODAY, amount: '80.00', transfer: { bankReference: 'NG-1' } });
  const page = await browser.newPage();
  await openOrder(page, over.id);
  const panel = page.getByRole('region', { name: 'Payments' });
  expect(await textOf(panel.getByTestId('balance'))).toMatch(/EUR 30\.00 credit for the customer · Overpaid/);

  await tabTo(page, /^Move credit…$/);
  await page.keyboard.press('Enter');
  const move = page.getByRole('dialog', { name: `Move the credit on order ${over.number}` });
  await move.waitFor();
  const target = move.getByLabel('To order');
  await expect.poll(() => target.locator('option').count(), SLOW).toBe(1);
  expect(await target.locator('option').first().textContent()).toMatch(new RegExp(`${next.number} of .*: EUR\\s*30\\.00 to pay`));
  expect(await move.getByLabel('Amount (EUR)').inputValue()).toBe('30.00');
  await tabTo(page, /^Amount \(EUR\)$/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10.00');
  await page.keyboard.press('Enter');
  await expect.poll(() => textOf(panel.getByTestId('balance')), SLOW).toMatch(/EUR 20\.00 credit for the customer · Overpaid/);
  expect(await textOf(panel)).toMatch(new RegExp(`Credit moved out To order ${next.number} Anna Keller \\+EUR 10\\.00 EUR 20\\.00 credit`));

  // Reverse the credit move from its row: both sides are undone.
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Reverse credit moved out of EUR\s*10\.00/);
  await page.keyboard.press('Enter');
  const reverse = page.getByRole('dialog', { name: /^Reverse: Credit moved out of EUR\s*10\.00/ });
  await reverse.waitFor();
  await page.keyboard.type('Customer asked for the money back instead');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => textOf(panel.getByTestId('balance')), SLOW).toMatch(/EUR 30\.00 credit for the customer · Overpaid/);
  expect(await textOf(panel)).toMatch(/Reversal of credit moved out .*Reason: Customer asked for the money back instead Anna Keller −EUR 10\.00 EUR 30\.00 credit/);
  expect(web.app.db.prepare('SELECT balance_minor FROM orders WHERE id = ?').pluck().get(next.id)).toBe(3000);

  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Refund…$/);
  await page.keyboard.press('Enter');
  const refund = page.getByRole('dialog', { name: `Refund on order ${over.number}` });
  await refund.waitFor();
  expect(await refund.getByLabel('Amount paid back (EUR)').inputValue()).toBe('30.00');
  expect(await refund.getByLabel('Paid back by').inputValue()).toBe('bank_transfer');
  // A refund beyond the credit is refused at the amount, by the service's own words.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31.00');
  await tabTo(page, /^Reason$/);
  await page.keyboard.type('Overpaid by bank transfer');
  await page.keyboard.press('Control+Enter');
  const amount = refund.getByLabel('Amount paid back (EUR)');
  await expect.poll(() => amount.getAttribute('aria-invalid'), SLOW).toBe('true');
  expect(await textOf(refund)).toMatch(/A refund is at most EUR\s*30\.00 on order/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), SLOW).toBe('amount');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30.00');
  await page.keyboard.press('Enter');
  await expect.poll(() => textOf(panel.getByTestId('balance')), SLOW).toMatch(/EUR 0\.00 · Paid/);

  // Ship, which closes a settled order by itself.
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Ship…$/);
  await page.keyboard.press('Enter');
  const ship = page.getByRole('dialog', { name: `Ship order ${over.number}` });
  await ship.waitFor();
  await tabTo(page, /^Carrier$/);
  await page.keyboard.type('La Poste');
  await page.keyboard.press('Tab');
  await page.keyboard.type('RR123456789CH');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: `Order ${over.number} is shipped and, being settled, closed.` }).waitFor(SLOW);
  await expect.poll(() => textOf(page.locator('.order-detail__head')), SLOW).toMatch(/Closed\s*Paid/);
  await expect.poll(() => page.getByRole('button', { name: 'Ship…' }).count(), SLOW).toBe(0);
  await expect.poll(() => page.getByRole('button', { name: 'Close by hand…' }).count(), SLOW).toBe(0);

  // The other order: closed by hand with a reason.
  await openOrder(page, next.id);
  await tabTo(page, /^Close by hand…$/);
  await page.keyboard.press('Enter');
  const close = page.getByRole('dialog', { name: `Close order ${next.number} by hand?` });
  await close.waitFor();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => textOf(close), SLOW).toMatch(/Reason is required/);
  await page.keyboard.type('Sent as a gift by the director');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('status').filter({ hasText: `Order ${next.number} is closed.` }).waitFor(SLOW);

  await openOrder(page, over.id);
  const history = await textOf(page.getByRole('list', { name: 'History, newest first' }));
  expect(history).toMatch(/Shipped .* by Anna Keller/);
  expect(history).toMatch(/Carrier\s*—\s*La Poste/);
  expect(history).toMatch(/Refund paid: EUR 30\.00 by bank transfer on .*; reason: Overpaid by bank transfer .* by Anna Keller/);
  expect(history).toMatch(new RegExp(`Reversed: credit moved out of EUR 10\\.00 \\(order ${next.number}\\) on .*; reason: Customer asked for the money back instead .* by Anna Keller`));
  expect(history).toMatch(new RegExp(`Credit moved out to order ${next.number}: EUR 10\\.00 on .* by Anna Keller`));
  await screenshot(page, 'order-detail-payments-credit-refund');
  await page.close();
});
