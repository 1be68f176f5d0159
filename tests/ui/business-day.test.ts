/**
 * A clerk in Geneva at 00:30 (23:30 UTC the day before) records a payment with the date the
 * dialog fills in, and the service accepts it: page and service count days in the unit's time
 * zone. The server's clock, the page's clock and the page's time zone are all pinned here.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { call } from '../support/test-db';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { shownText as textOf } from './keyboard-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 15_000 };
const GENEVA_00_30 = new Date('2026-12-06T23:30:00Z');

let browser: BrowserContext;
let web: RunningWebApp;

beforeAll(async () => {
  browser = await launchBrowser({ timezoneId: 'Europe/Zurich' });
  web = await startWebApp(undefined, () => GENEVA_00_30, { actor: 'Anna Keller' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** A page whose clock stands at 00:30 in Geneva. */
async function pinnedPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.clock.setFixedTime(GENEVA_00_30);
  return page;
}

async function openPaymentDialog(page: Page, order: { id: number; number: string }) {
  await page.goto(web.entryUrl(`#/order/${order.id}`));
  await page.getByRole('region', { name: 'Payments' }).getByRole('button', { name: 'Record payment…' }).click(SLOW);
  const dialog = page.getByRole('dialog', { name: `Record a payment on order ${order.number}` });
  await dialog.waitFor(SLOW);
  return dialog;
}

it('records a payment at 00:30 in Geneva with the date the dialog fills in, the new day, and the service accepts it', async () => {
  const { order } = await call(web.app, 'orders.create', {
    customer: { name: 'Institut Bonvin', country: 'CH', city: 'Genève', address: 'Rue du Rhône 1', postalCode: '1204' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-12-01',
    paymentMethod: 'bank_transfer',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '80.00' }],
  });
  const page = await pinnedPage();
  expect(await page.evaluate(() => new Date().toISOString())).toBe('2026-12-06T23:30:00.000Z');

  const dialog = await openPaymentDialog(page, order);
  expect(await dialog.getByLabel('Date received').inputValue()).toBe('2026-12-07');
  await dialog.getByLabel('Amount (CHF)').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /Payment of CHF\s*80\.00 recorded\./ }).waitFor(SLOW);
  await expect.poll(() => textOf(page.getByRole('region', { name: 'Payments' }).getByTestId('balance')), SLOW).toMatch(/CHF 0\.00 · Paid/);
  const stored = await call(web.app, 'orders.get', { id: order.id });
  expect(stored.payments.map((p: { on: string }) => p.on)).toEqual(['2026-12-07']);

  // The unit's zone, not the computer's, decides: in UTC it is still the 6th.
  await call(web.app, 'settings.set', { timeZone: 'UTC' });
  const { order: second } = await call(web.app, 'orders.create', {
    customer: { name: 'Institut Bonvin', country: 'CH' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-12-01',
    paymentMethod: 'bank_transfer',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '20.00' }],
  });
  const later = await pinnedPage();
  const again = await openPaymentDialog(later, second);
  expect(await again.getByLabel('Date received').inputValue()).toBe('2026-12-06');
  await call(web.app, 'settings.set', { timeZone: 'Europe/Zurich' });
  await Promise.all([page.close(), later.close()]);
});
