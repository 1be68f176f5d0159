/**
 * Typos that cost money, on screen (issue 15), by keyboard in real Chromium: a payment far above
 * what is owed is asked about before it is recorded; a retried save after a lost answer records
 * once; a catalogue price 10 times the current one is asked about in its cell, every saved price
 * says so and can be withdrawn the same day; the draft invoice shows the date it will carry.
 */
import { expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/domain/calendar';
import { documentLocale } from '../../shared/documents/document-labels';
import { formatLongDate } from '../../shared/format/dates';
import { unitDay } from '../support/unit-day';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call } from '../support/test-db';
import { openScreen, useUiSession } from '../support/ui-session';
import { focusedName, retype, shownText, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 180_000 });
const SLOW = { timeout: 20_000 };
const ui = useUiSession(60_000, { actor: 'Anna Keller' });

/** A date as the invoice prints it in its language. */
const printed = (date: string, language: 'en' | 'fr' | 'es') => formatLongDate(date, documentLocale(language));

async function createOrder(unitPrice: string, receivedOn = unitDay()) {
  const { publications } = await call(ui.web.app, 'catalogue.list', {});
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: 'Institut Bonvin', email: 'compta@bonvin.example', country: 'CH', city: 'Genève', address: 'Rue du Rhône 1', postalCode: '1204' },
    currency: 'EUR',
    receivedVia: 'mail',
    receivedOn,
    paymentMethod: 'bank_transfer',
    lines: [{ publicationId: publications[0].id, quantity: 1, unitPrice }],
  });
  return order as { id: number; number: string };
}

async function openPaymentDialog(page: Page, order: { id: number; number: string }) {
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Record payment…$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Record a payment on order ${order.number}` });
  await dialog.waitFor(SLOW);
  return dialog;
}

const paymentsOf = (orderId: number) => ui.web.app.db.prepare("SELECT amount_minor FROM payments WHERE order_id = ? AND kind = 'payment' ORDER BY id").pluck().all(orderId);

it('asks before recording 37,125.00 on a balance of 3,712.50: Tab and Enter correct the amount, Enter alone records it anyway', async () => {
  const order = await createOrder('3712.50');
  const page = await openScreen(ui, `#/order/${order.id}`);
  const panel = page.getByRole('region', { name: 'Payments' });
  await panel.waitFor(SLOW);
  ui.expectRefusal({ status: 409, path: '/api/payments.record' });

  const dialog = await openPaymentDialog(page, order);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedName(page)).toBe('Amount (EUR)');
  await retype(page, '37125.00');
  await page.keyboard.press('Enter');
  const question = dialog.getByRole('group').filter({ hasText: 'Is the amount right?' });
  await question.waitFor(SLOW);
  expect(await shownText(question)).toMatch(/EUR 37.125\.00 is EUR 33.412\.50 more than the EUR 3.712\.50 the order owes\. Is the amount right\?/);
  // Nothing is recorded while the question is open, and the keyboard is on the answer that records.
  expect(paymentsOf(order.id)).toEqual([]);
  await expect.poll(() => focusedName(page)).toBe('Record anyway');
  await screenshot(page, 'payment-overpayment-question');

  // Tab, Enter: back to the amount to correct it.
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedName(page)).toBe('Correct the amount');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe('Amount (EUR)');
  expect(await question.count()).toBe(0);
  await retype(page, '3712.50');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(panel.getByTestId('balance')), SLOW).toMatch(/EUR 0\.00 · Paid/);
  expect(paymentsOf(order.id)).toEqual([371250]);

  // Paid already: 50.00 more is asked about, and Enter records it as a credit.
  const again = await openPaymentDialog(page, order);
  await page.keyboard.press('Tab');
  await retype(page, '50.00');
  await page.keyboard.press('Enter');
  await again.getByRole('group').filter({ hasText: 'The order owes nothing' }).waitFor(SLOW);
  await expect.poll(() => focusedName(page)).toBe('Record anyway');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(panel.getByTestId('balance')), SLOW).toMatch(/EUR 50\.00 credit for the customer · Overpaid/);
  expect(paymentsOf(order.id)).toEqual([371250, 5000]);
  await page.close();
});

it('records a payment once when its answer was lost and the clerk saves the same form again', async () => {
  const order = await createOrder('120.00');
  const page = await openScreen(ui, `#/order/${order.id}`);
  const panel = page.getByRole('region', { name: 'Payments' });
  await panel.waitFor(SLOW);
  // The first save reaches Order Desk and is stored, but its answer never comes back.
  let dropped = 0;
  await page.route('**/api/payments.record', async (route) => {
    if (dropped > 0) return route.continue();
    dropped += 1;
    await route.fetch();
    return route.abort('connectionreset');
  });

  const dialog = await openPaymentDialog(page, order);
  await tabTo(page, /^Bank reference$/);
  await page.keyboard.type('RF-LOST-1');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(dialog), SLOW).toMatch(/Order Desk is not reachable/);
  expect(dropped).toBe(1);
  // Stored already, though the screen could not know.
  expect(paymentsOf(order.id)).toEqual([12000]);

  // The clerk tries again with the same form: the answer is the first one, nothing is recorded twice.
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count(), SLOW).toBe(0);
  await expect.poll(() => shownText(panel.getByTestId('balance')), SLOW).toMatch(/EUR 0\.00 · Paid/);
  expect(paymentsOf(order.id)).toEqual([12000]);
  expect(ui.web.app.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'order' AND entity_id = ? AND action = 'payment'").pluck().get(order.id)).toBe(1);
  await page.close();
});

it('asks in the cell before a catalogue price 10 times the current one takes effect, says what every saved price did, and withdraws one set by mistake', async () => {
  const { publications } = await call(ui.web.app, 'catalogue.list', {});
  const title = 'Ending child labour, forced labour and human trafficking in global supply chains';
  const publication = publications.find((p: { title: string }) => p.title === title);
  await call(ui.web.app, 'prices.set', { publicationId: publication.id, currency: 'EUR', unitPrice: '64.00', validFrom: '2026-01-01' });
  ui.expectRefusal({ status: 409, path: '/api/prices.set' });

  const page = await openScreen(ui, '#/catalogue');
  const cell = page.getByRole('textbox', { name: `EUR price of ${title}` });
  await expect.poll(() => cell.inputValue(), SLOW).toBe('64.00');
  const status = page.locator('.price-notice [role="status"]');

  // 640 for 64, left with Tab: asked in the cell, not in force.
  await cell.focus();
  await retype(page, '640');
  await page.keyboard.press('Tab');
  const question = page.getByRole('group', { name: `Confirm the EUR price of ${title}` });
  await question.waitFor(SLOW);
  expect(await shownText(question)).toMatch(new RegExp(`EUR 640\\.00 for ${title} is 10 times the current price \\(EUR 64\\.00\\)\\. Is it right\\?`));
  await expect.poll(() => focusedName(page)).toBe('Set anyway');
  expect(ui.web.app.db.prepare("SELECT unit_price_minor FROM prices WHERE currency = 'EUR' AND publication_id = ?").pluck().all(publication.id)).toEqual([6400]);
  await screenshot(page, 'catalogue-price-question');

  // Tab, Enter: back in the cell to correct it; 65 is set at once and said so.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe(`EUR price of ${title}`);
  await page.keyboard.type('65');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(status), SLOW).toMatch(new RegExp(`^Price of ${title} in EUR set to 65\\.00 from .+\\.$`));

  // The same day, it can be withdrawn: 64.00 is in force again.
  await page.getByRole('button', { name: 'Withdraw this price' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(status), SLOW).toMatch(new RegExp(`^EUR price 65\\.00 of ${title} from .+ withdrawn; 64\\.00 \\(from .+\\) is in force again\\.$`));
  await expect.poll(() => page.getByRole('textbox', { name: `EUR price of ${title}` }).inputValue(), SLOW).toBe('64.00');

  // Confirmed with Enter, 640 is set.
  const again = page.getByRole('textbox', { name: `EUR price of ${title}` });
  await again.focus();
  await retype(page, '640');
  await page.keyboard.press('Enter');
  await question.waitFor(SLOW);
  await expect.poll(() => focusedName(page)).toBe('Set anyway');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(status), SLOW).toMatch(/in EUR set to 640\.00 from/);
  expect(ui.web.app.db.prepare("SELECT unit_price_minor FROM prices WHERE currency = 'EUR' AND publication_id = ? ORDER BY valid_from").pluck().all(publication.id)).toEqual([6400, 64000]);
  await page.close();
});

it('shows in the draft invoice the date of issue it will be printed with, not always today', async () => {
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const received = addDays(unitDay(), -3);
  const order = await createOrder('40.00', received);
  const page = await openScreen(ui, `#/order/${order.id}`);
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await page.getByRole('heading', { level: 1 }).focus();
  // The first preview starts the PDF worker: on a loaded machine that alone can take over 20 s.
  const firstPreview = page.waitForResponse((r) => r.url().endsWith('/api/invoices.preview') && r.status() === 200, { timeout: 90_000 });
  await page.keyboard.press('Alt+I');
  const dialog = page.getByRole('dialog', { name: `Issue an invoice for order ${order.number}` });
  await dialog.waitFor(SLOW);
  expect(((await (await firstPreview).json()) as { document: { issuedOn: string } }).document.issuedOn).toBe(unitDay());
  await dialog.locator('canvas[data-drawn="true"]').waitFor({ timeout: 60_000 });
  const text = dialog.locator('.pdf-page__text pre');
  await expect.poll(() => text.textContent(), { timeout: 60_000 }).toMatch(/DRAFT/);
  const language = (await dialog.getByLabel('Language of the invoice').inputValue()) as 'en' | 'fr' | 'es';
  expect(await text.textContent()).toContain(printed(unitDay(), language));

  const dated = page.waitForResponse((r) => r.url().endsWith('/api/invoices.preview') && (JSON.parse(r.request().postData() ?? '{}') as { issuedOn?: string }).issuedOn === received, { timeout: 60_000 });
  await dialog.getByLabel('Date of issue').fill(received);
  expect(((await (await dated).json()) as { document: { issuedOn: string } }).document.issuedOn).toBe(received);
  await expect.poll(() => text.textContent(), { timeout: 60_000 }).toContain(printed(received, language));
  expect(await text.textContent()).not.toContain(printed(unitDay(), language));
  await page.close();
});
