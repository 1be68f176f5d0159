/**
 * The order form's fields as a clerk meets them in the first weeks: the date typed in one
 * box, the country found by the words typed, a quantity that cannot be, the customer's
 * usual currency, how the form came, one question before leaving, and a narrow window.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it, vi } from 'vitest';
import { ARTIFACTS, screenshot } from '../support/browser';
import { call } from '../support/test-db';
import { useUiSession } from '../support/ui-session';
import { errorOf, focusedField, openNewOrder, setCataloguePrices, textOf } from './order-entry-support';

const SLOW = { timeout: 15_000 };
vi.setConfig({ testTimeout: 120_000 });

const ui = useUiSession();
let ingridLast = '';

beforeAll(async () => {
  await setCataloguePrices(ui.web.app, { 'Migrants and their Vulnerability': { CHF: '25.00', EUR: '24.00' } });
  // A customer who has always ordered in euros, and a unit with customers in Iran (none in Iraq).
  for (const receivedOn of ['2026-10-05', '2026-11-12']) {
    const { order } = await call<{ order: { number: string } }>(ui.web.app, 'orders.create', {
      customer: { name: 'Ingrid Berg', country: 'SE', city: 'Lund', email: 'ingrid.berg@example.se' },
      currency: 'EUR',
      receivedVia: 'mail',
      receivedOn,
      lines: [{ title: 'Annual report', quantity: 1, unitPrice: '30.00' }],
    });
    ingridLast = order.number;
  }
  for (const name of ['Dariush Karimi', 'Shirin Tehrani']) await call(ui.web.app, 'customers.save', { name, country: 'IR', city: 'Tehran' });
});

const options = (page: Page) => page.locator('[role="listbox"]:not([hidden]) [role="option"]');

/** The text of everything the input points at with aria-describedby (hint, date in words, error). */
async function describedText(page: Page, id: string): Promise<string> {
  const ids = (await page.locator(`[data-field="${id}"]`).getAttribute('aria-describedby')) ?? '';
  const parts = await Promise.all(ids.split(' ').filter(Boolean).map((i) => page.locator(`[id="${i}"]`).textContent()));
  return parts.join(' | ');
}

it('takes the date received in one box, in the clerk’s order or ISO, shows it as stored with the day in words, and names an impossible one', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const date = page.locator('[data-field="receivedOn"]');

  // One Tab stop: from Received via, Tab is in the date, and the next Tab already in the payment method.
  await page.locator('[data-field="receivedVia"]').focus();
  await page.keyboard.press('Tab');
  expect(await focusedField(page)).toBe('receivedOn');
  await page.keyboard.press('Tab');
  expect(await focusedField(page)).toBe('paymentMethod');

  for (const typed of ['1.12.2026', '01/12/2026', '2026-12-01', '1.12.26']) {
    await date.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await expect.poll(() => describedText(page, 'receivedOn'), SLOW).toContain('Tuesday, 1 December 2026');
    if (typed === '1.12.2026') {
      await screenshot(page, 'order-entry-date-typed');
      await page.locator('.details-block').screenshot({ path: path.join(ARTIFACTS, 'order-entry-date-field.png') });
    }
    await page.keyboard.press('Tab');
    expect(await date.inputValue(), typed).toBe('2026-12-01');
  }

  await date.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31.11.2026');
  await page.keyboard.press('Tab');
  await expect.poll(() => errorOf(page, date), SLOW).toBe('Date received: there is no 31 November 2026 — November has 30 days.');
  expect(await date.getAttribute('aria-invalid')).toBe('true');
  await page.locator('.details-block').screenshot({ path: path.join(ARTIFACTS, 'order-entry-date-error.png') });

  // Ctrl+S with the impossible date still there saves nothing, and says why at the date.
  await page.keyboard.press('Control+S');
  await page.getByRole('alert').filter({ hasText: 'The order was not saved' }).waitFor(SLOW);
  expect(await errorOf(page, date)).toBe('Date received: there is no 31 November 2026 — November has 30 days.');
  await page.close();
});

it('puts the United States first for “United St”, the unit’s common countries first among equals, and understands “Schweiz”', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.focus();
  await page.keyboard.type('United St');
  await expect.poll(() => options(page).first().textContent(), SLOW).toBe('United States of America US');
  expect(await options(page).nth(1).textContent()).toBe('United States Minor Outlying Islands UM');
  await screenshot(page, 'order-entry-country-united-st');
  await page.keyboard.press('Tab');
  expect(await country.inputValue()).toBe('United States of America');

  // Iraq and Iran both start with "Ira"; this unit's customers live in Iran.
  await country.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ira');
  await expect.poll(() => options(page).first().textContent(), SLOW).toBe('Islamic Republic of Iran Iran · IR');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('Schweiz');
  await expect.poll(() => options(page).first().textContent(), SLOW).toBe('Switzerland Schweiz · CH');
  await page.keyboard.press('Tab');
  expect(await country.inputValue()).toBe('Switzerland');
  await page.close();
});

it('never counts a quantity no order can have, and says so while it is typed', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const kb = page.keyboard;
  await page.getByRole('combobox', { name: 'Book title, line 1' }).focus();
  for (const [title, quantity] of [
    ['Guide to the field', '3'],
    ['Field atlas', '1000000000'],
  ] as const) {
    await kb.type(title);
    await options(page).first().waitFor();
    await kb.press('Tab'); // the title as typed, not in the catalogue
    await kb.type(quantity);
    if (quantity.length > 6) {
      // Still in the box: the error shows at once instead of digits vanishing past its edge.
      const box = page.getByRole('textbox', { name: 'Quantity, line 2' });
      await expect.poll(() => errorOf(page, box), SLOW).toBe('Quantity must be at most 100000.');
      expect(await focusedField(page)).toMatch(/^line:.*:quantity$/);
      expect(await box.inputValue()).toBe('1000000000');
    }
    await kb.press('Tab');
    await kb.type('10');
    if (quantity === '3') await kb.press('Tab'); // a new line
  }
  await expect.poll(() => textOf(page.getByRole('status', { name: 'Total, line 2' })), SLOW).toBe('—');
  expect(await textOf(page.getByRole('status', { name: 'Total, line 1' }))).toBe('CHF 30.00');
  expect(await textOf(page.getByRole('status', { name: /Amount due/ }))).toBe('CHF 30.00');
  expect(await page.getByText('lines marked — are not counted yet').count()).toBe(1);
  await screenshot(page, 'order-entry-quantity-too-large');

  // Corrected, the line counts.
  await page.getByRole('textbox', { name: 'Quantity, line 2' }).focus();
  await kb.press('Control+A');
  await kb.type('2');
  await expect.poll(() => textOf(page.getByRole('status', { name: /Amount due/ })), SLOW).toBe('CHF 50.00');
  expect(await page.getByText('lines marked — are not counted yet').count()).toBe(0);
  await page.close();
});

it('takes a returning customer’s currency from their last order, and asks how each new form came', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const currency = page.locator('[data-field="currency"]');
  const receivedVia = page.locator('[data-field="receivedVia"]');
  expect(await currency.inputValue()).toBe('CHF');
  expect(await receivedVia.inputValue()).toBe('');

  await page.keyboard.type('ingrid b');
  await page.getByRole('option', { name: /Ingrid Berg/ }).waitFor(SLOW);
  await page.keyboard.press('Enter');
  await expect.poll(() => currency.inputValue(), SLOW).toBe('EUR');
  expect(await page.locator('#order-currency-note').textContent()).toBe(`EUR, as in this customer's last order (${ingridLast}).`);
  await expect.poll(() => focusedField(page), SLOW).toMatch(/^line:.*:title$/);
  await page.keyboard.type('migrants vulnerab');
  await options(page).first().waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  expect(await page.getByRole('textbox', { name: 'Unit price in EUR, line 1' }).inputValue()).toBe('24.00');

  // Saving without saying how the form came is refused at Received via, which gets the focus.
  await page.keyboard.press('Control+S');
  await expect.poll(() => errorOf(page, receivedVia), SLOW).toBe('Received via is required: choose how this form came (mail, fax, e-mail or other).');
  expect(await focusedField(page)).toBe('receivedVia');
  await page.keyboard.press('f');
  await page.keyboard.press('Control+S');
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor(SLOW);
  const number = (await saved.textContent())!.match(/\d{4}-\d{5}/)![0];
  expect(ui.web.app.db.prepare('SELECT currency, received_via FROM orders WHERE number = ?').get(number)).toEqual({ currency: 'EUR', received_via: 'fax' });

  // The next paper starts over: nothing carried over unseen from the fax just keyed.
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  expect(await receivedVia.inputValue()).toBe('');
  expect(await currency.inputValue()).toBe('CHF');
  await page.close();
});

it('asks the same question, in the same dialog, whether the clerk leaves with Esc or Alt+1', async () => {
  const page = await ui.browser.newPage();
  const nativePrompts: string[] = [];
  page.on('dialog', (dialog) => {
    nativePrompts.push(dialog.message());
    void dialog.dismiss();
  });
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await page.keyboard.type('Ana Lima');

  const asked = page.getByRole('dialog', { name: 'Leave without saving?' });
  const seen: string[][] = [];
  for (const key of ['Escape', 'Alt+1']) {
    await page.getByRole('combobox', { name: 'Name' }).focus();
    await page.keyboard.press(key);
    await asked.waitFor(SLOW);
    seen.push([await textOf(asked.locator('.confirm-dialog__body')), ...(await asked.getByRole('button').allTextContents())]);
    if (key === 'Escape') {
      await asked.getByRole('button', { name: 'Keep editing' }).click();
      await expect.poll(() => asked.count(), SLOW).toBe(0);
    }
  }
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[0]).toEqual([
    'This order has changes that are not saved. A draft is kept and offered when you come back, unless you discard it.',
    'Keep editing',
    'Leave, keep as draft',
    'Discard changes and leave',
  ]);
  expect(nativePrompts).toEqual([]);

  // Leaving from Alt+1 goes where Alt+1 goes.
  await asked.getByRole('button', { name: 'Discard changes and leave' }).click();
  await expect.poll(() => page.evaluate(() => window.location.hash), SLOW).toBe('#/orders');
  await page.close();
});

it('gives the book title the room at 1024 × 700', async () => {
  const page = await ui.browser.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const title = page.getByRole('combobox', { name: 'Book title, line 1' });
  const box = await title.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(280);
  // And nothing runs off the side of the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await page.screenshot({ path: path.join(ARTIFACTS, 'order-entry-1024x700.png') });
  await page.close();
});
