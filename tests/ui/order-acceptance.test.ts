/**
 * The order-entry acceptance path in one go, as a clerk lives it: a paper form keyed in
 * without the mouse, saved, Order Desk restarted, the order found again by a word of the
 * customer's name and opened, with the same totals.
 */
import { beforeAll, expect, it, vi } from 'vitest';
import type { OrderSummary } from '../../shared/contract/types';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { call } from '../support/test-db';
import { keyInForm, openNewOrder, setCataloguePrices, textOf } from './order-entry-support';

const SLOW = { timeout: 10_000 };
vi.setConfig({ testTimeout: 120_000 });

const ui = useUiSession();

beforeAll(async () => {
  await setCataloguePrices(ui.web.app, {
    'Remediation Guidelines': { EUR: '12.00' },
    'Trafficking in Human Beings': { EUR: '18.35' },
  });
});

it('keys in an order by keyboard, and after a restart finds it by a word of the name with unchanged totals', async () => {
  let page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await keyInForm(page, {
    name: 'Łukasz Żółć',
    address: 'ul. Długa 5',
    country: 'Pola',
    city: 'Kraków',
    zip: '31-147',
    phone: '+48 12 000 00 00',
    email: 'lukasz@example.pl',
    lines: [],
  });
  // keyInForm leaves focus on Currency (default CHF); this form is in euros.
  await page.keyboard.type('EUR');
  await page.keyboard.press('Tab');
  const lines = [
    { typed: 'remediation', quantity: '4' },
    { typed: 'smuggling', quantity: '3' },
  ];
  for (const line of lines) {
    await page.keyboard.type(line.typed);
    await page.locator('[role="listbox"]:not([hidden]) [role="option"]').first().waitFor();
    await page.keyboard.press('Tab'); // the highlighted best match and its price, on to Quantity
    await page.keyboard.type(line.quantity);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the list price: a new line
  }
  await page.keyboard.type('Étude sur les migrations (hors catalogue)');
  // Nothing in the catalogue matches: the only entry, highlighted, keeps the title as typed.
  await page.getByRole('option', { name: 'Use “Étude sur les migrations (hors catalogue)” as a title not in the catalogue' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('7.45');
  await page.keyboard.press('Tab'); // past the last price: a new, empty line
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toMatch(/^line:.*:title$/);
  await page.keyboard.press('Tab'); // no more books: on to Received via, empty on every new order
  await page.keyboard.press('m');

  // 4 × 12.00 + 3 × 18.35 + 2 × 7.45 = 48.00 + 55.05 + 14.90
  await expect.poll(() => textOf(page.getByRole('status', { name: /Amount due/ })), SLOW).toBe('EUR 117.95');
  await page.keyboard.press('Control+S');
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor(SLOW);
  const number = (await saved.textContent())!.match(/\d{4}-\d{5}/)![0];
  await page.close();

  ui.web = await ui.web.restart();
  page = await ui.browser.newPage();
  await openScreen(ui, '#/orders', page);
  await page.locator('#orders-search').waitFor();
  await page.keyboard.type('zolc');
  await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toMatch(/1–1 of 1 order$/);
  await screenshot(page, 'acceptance-orders-search');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), SLOW).toBe(`Order ${number}`);

  const booksOrdered = await page.getByRole('table', { name: 'Books ordered' }).innerText();
  expect(booksOrdered).toMatch(/EUR\s*48\.00/);
  expect(booksOrdered).toMatch(/EUR\s*55\.05/);
  expect(booksOrdered).toMatch(/EUR\s*14\.90/);
  expect(await page.getByTestId('amount-due').innerText()).toMatch(/EUR\s*117\.95/);
  expect(await page.getByText('Łukasz Żółć').first().isVisible()).toBe(true);
  await screenshot(page, 'acceptance-order-detail');

  const stored = await call<{ rows: OrderSummary[] }>(ui.web.app, 'orders.list', { query: 'Żółć' });
  expect(stored.rows.map((r) => [r.number, r.total, r.currency])).toEqual([[number, '117.95', 'EUR']]);
  await page.close();
});
