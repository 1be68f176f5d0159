import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { call } from '../support/test-db';

const ui = useUiSession();

const NAMES = [
  ['Zoë Ångström-Müller', 'SE', 'Uppsala', 'zoe@uu.se'],
  ['Łukasz Żółć', 'PL', 'Kraków', 'lukasz.zolc@wp.pl'],
  ['Ngọc Trần', 'VN', 'Hà Nội', 'ngoc.tran@vnu.edu.vn'],
  ['محمد الحسن', 'EG', 'القاهرة', 'mohamed@aucegypt.edu'],
  ['王小明', 'CN', '北京', 'wang@pku.edu.cn'],
] as const;

beforeAll(async () => {
  const { publications } = await call(ui.web.app, 'catalogue.list', {});
  // 55 orders from other customers first, so the list has two pages; the named ones are newest.
  for (let i = 0; i < 55; i++) {
    await call(ui.web.app, 'orders.create', {
      customer: { name: `Library ${i + 1}`, country: 'CH', city: 'Genève', email: `library${i + 1}@example.ch` },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
      lines: [{ publicationId: publications[i % 9].id, quantity: 1, unitPrice: '30.00' }],
    });
  }
  for (const [i, [name, country, city, email]] of NAMES.entries()) {
    await call(ui.web.app, 'orders.create', {
      customer: { name, country, city, email, address: 'Main street 1' },
      currency: i % 2 ? 'EUR' : 'USD',
      receivedVia: 'fax',
      receivedOn: `2026-11-2${i}`,
      paymentMethod: 'bank_transfer',
      lines: [
        { publicationId: publications[1].id, quantity: 3, unitPrice: '19.99', discountPercent: '15' },
        i === 0 ? { title: 'World Migration Report 2024 (French edition)', quantity: 7, unitPrice: '0.10' } : { publicationId: publications[2].id, quantity: 1, unitPrice: '25.00' },
      ],
    });
  }
});

async function open(page: Page, hash: string) {
  await openScreen(ui, hash, page);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const selectedText = (page: Page) => page.locator('#orders-table tbody tr[aria-selected="true"]').innerText();

it('shows every order with its details, searches by a word of the name, and opens one by keyboard', async () => {
  const page = await ui.browser.newPage();
  await open(page, '#/orders');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1–50 of 60 orders/);
  await expect.poll(() => focusedId(page)).toBe('orders-search');

  // Names in every script are shown as typed, with the country by name and totals with currency.
  const table = page.getByRole('table', { name: 'Orders' });
  for (const [name] of NAMES) await expect.poll(() => table.getByText(name, { exact: true }).count()).toBe(1);
  const zoe = table.getByRole('row').filter({ hasText: 'Zoë Ångström-Müller' });
  expect(await zoe.innerText()).toMatch(/Sweden/);
  expect(await zoe.innerText()).toMatch(/USD\s*51\.67/);
  expect(await zoe.innerText()).toMatch(/Needs review/);
  expect(await table.getByText('Needs review').count()).toBe(1);
  await screenshot(page, 'orders-list');

  // Page Down turns the page; the selection and focus follow.
  await page.keyboard.press('ArrowDown');
  expect(await selectedText(page)).toMatch(/王小明/);
  await page.keyboard.press('ArrowDown');
  expect(await selectedText(page)).toMatch(/محمد الحسن/);
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/51–60 of 60/);
  await page.keyboard.press('PageUp');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1–50 of 60/);

  // Typing goes back to the search box; a word of the name, typed without accents, finds the order.
  await page.locator('#orders-search').fill('zolc');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1–1 of 1 order$/);
  expect(await table.getByRole('row').count()).toBe(2);
  await screenshot(page, 'orders-list-search');
  await page.locator('#orders-search').press('ArrowDown');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TR');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.location.hash.startsWith('#/order/'));
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Order 2026-\d{5}$/);

  // The detail has the form's figures and the history.
  expect(await page.getByText('Łukasz Żółć').first().isVisible()).toBe(true);
  const lines = page.getByRole('table', { name: 'Books ordered' });
  expect(await lines.innerText()).toMatch(/EUR\s*50\.97/);
  expect(await lines.innerText()).toMatch(/EUR\s*25\.00/);
  expect(await page.getByTestId('amount-due').innerText()).toMatch(/EUR\s*75\.97/);
  expect(await lines.innerText()).toMatch(/excluding shipping costs and bank transfer fees/);
  expect(await page.getByRole('list', { name: 'History, newest first' }).innerText()).toMatch(/Order keyed in: 2 lines, amount due EUR\s*75\.97/);
  await screenshot(page, 'order-detail');

  // Esc returns to the list with the search as it was.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.location.hash === '#/orders');
  expect(await page.locator('#orders-search').inputValue()).toBe('zolc');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 1 order$/);
  await page.close();
});

it('filters, sorts by keyboard, and says clearly when nothing matches', async () => {
  const page = await ui.browser.newPage();
  await open(page, '#/orders');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 60 orders/);

  await page.getByLabel('Currency').selectOption('EUR');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 2 orders/);
  await page.getByLabel('Received via').selectOption('mail');
  await expect.poll(() => page.getByText('No orders match these filters.').isVisible()).toBe(true);
  await screenshot(page, 'orders-list-no-match');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 60 orders/);

  // Sort by customer with the keyboard: Łukasz sorts with the L's (accents folded), before Ngọc.
  await page.getByLabel('Received via').selectOption('fax');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 5 orders/);
  const customerHeader = page.getByRole('button', { name: /^Customer/ });
  await customerHeader.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('columnheader', { name: /Customer/ }).getAttribute('aria-sort')).toBe('ascending');
  const names = async () => page.locator('#orders-table tbody .orders-grid__customer').allInnerTexts();
  await expect.poll(names).toEqual(['Łukasz Żółć', 'Ngọc Trần', 'Zoë Ångström-Müller', 'محمد الحسن', '王小明']);
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByRole('columnheader', { name: /Customer/ }).getAttribute('aria-sort')).toBe('descending');
  await expect.poll(names).toEqual(['王小明', 'محمد الحسن', 'Zoë Ångström-Müller', 'Ngọc Trần', 'Łukasz Żółć']);
  await screenshot(page, 'orders-list-sorted');

  await page.locator('#orders-search').fill('no such customer anywhere');
  await expect.poll(() => page.getByText('No orders match').isVisible()).toBe(true);
  await page.close();
});

it('filters by a month typed as the clerk likes, steps it with the arrows, explains an impossible one, and clears it with Delete or Esc', async () => {
  const page = await ui.browser.newPage();
  await open(page, '#/orders');
  const count = () => page.getByRole('status').first().textContent();
  await expect.poll(count).toMatch(/of 60 orders/);

  // Empty means every month, and says so instead of Chromium's "--------- ----".
  const month = page.getByLabel('Month received');
  expect(await month.inputValue()).toBe('');
  expect(await month.getAttribute('placeholder')).toBe('Any month');

  await month.fill('nov 2026');
  await page.keyboard.press('Enter');
  await expect.poll(count).toMatch(/1–5 of 5 orders/);
  expect(await month.inputValue()).toBe('November 2026');
  await screenshot(page, 'orders-list-month');

  // ↓ is the month before (no orders in October), ↑ comes back.
  await page.keyboard.press('ArrowDown');
  expect(await month.inputValue()).toBe('October 2026');
  await expect.poll(() => page.getByText('No orders match these filters.').isVisible()).toBe(true);
  await page.keyboard.press('ArrowUp');
  await expect.poll(count).toMatch(/of 5 orders/);

  // An impossible month is explained next to the field; the list keeps the last good month.
  await month.fill('13.2026');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is no month 13' }).isVisible()).toBe(true);
  expect(await month.getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, 'orders-list-month-error');
  expect(await count()).toMatch(/of 5 orders/);

  // Another way of writing it, taken when the clerk moves on with Tab.
  await month.fill('9.2026');
  await page.keyboard.press('Tab');
  await expect.poll(count).toMatch(/1–6 of 6 orders/);
  expect(await month.inputValue()).toBe('September 2026');

  // Delete at the end of the text empties the field and the filter at once.
  await month.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Delete');
  await expect.poll(count).toMatch(/of 60 orders/);
  expect(await month.inputValue()).toBe('');

  // Page Up is a year later; Esc empties the field too.
  await month.fill('November 2025');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByText('No orders match these filters.').isVisible()).toBe(true);
  await page.keyboard.press('PageUp');
  expect(await month.inputValue()).toBe('November 2026');
  await expect.poll(count).toMatch(/of 5 orders/);
  await page.keyboard.press('Escape');
  await expect.poll(count).toMatch(/of 60 orders/);
  expect(await month.inputValue()).toBe('');
  await page.close();
});

it('follows app links in this tab even on Ctrl+click or middle click, since a new tab would have no session', async () => {
  const page = await ui.browser.newPage();
  await open(page, '#/orders');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 60 orders/);
  const pages = ui.browser.pages().length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Customers/ }).click({ modifiers: ['ControlOrMeta'] });
  await expect.poll(() => page.getByRole('heading', { name: 'Customers', level: 1 }).isVisible()).toBe(true);
  expect(page.url()).toMatch(/#\/customers$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Orders/ }).click({ button: 'middle' });
  await expect.poll(() => page.getByRole('heading', { name: 'Orders', level: 1 }).isVisible()).toBe(true);
  expect(ui.browser.pages().length).toBe(pages);
  await page.close();
});
