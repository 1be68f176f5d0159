import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoData } from '../../db/seed/demo-data';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { call } from '../support/test-db';

const ui = useUiSession();


async function open(page: Page, hash: string) {
  await openScreen(ui, hash, page);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

it('shows an edit as a readable diff, and cancels an order with a required reason, by keyboard', async () => {
  const { publications } = await call(ui.web.app, 'catalogue.list', {});
  const input = {
    customer: { name: 'Zoë Ångström-Müller', country: 'CH', city: 'Genève', postalCode: '1202', email: 'zoe@example.ch', address: 'Rue de Lausanne 12' },
    currency: 'CHF',
    receivedVia: 'fax',
    receivedOn: '2026-11-20',
    paymentMethod: 'credit_card',
    customerReference: 'PO-4711',
    lines: [{ publicationId: publications[0].id, quantity: 2, unitPrice: '30.00' }],
  };
  const { order } = await call(ui.web.app, 'orders.create', input);
  await call(ui.web.app, 'orders.update', {
    ...input,
    id: order.id,
    customer: { ...input.customer, city: 'Lausanne', postalCode: '1003' },
    lines: [
      { publicationId: publications[0].id, quantity: 5, unitPrice: '30.00' },
      { title: 'Glossary on Migration', quantity: 1, unitPrice: '12.50' },
    ],
  });

  const page = await ui.browser.newPage();
  await open(page, `#/order/${order.id}`);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Order ${order.number}`);
  expect(await page.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(`#/edit-order/${order.id}`);
  expect(await page.getByTestId('amount-due').innerText()).toMatch(/CHF\s*162\.50/);
  expect(await page.getByText('Not in catalogue — to review').isVisible()).toBe(true);
  expect(await page.getByText(/Needs review/).first().isVisible()).toBe(true);

  const history = page.getByRole('list', { name: 'History, newest first' });
  const edit = history.getByRole('table', { name: 'Changes: Order edited' });
  const editText = await edit.innerText();
  expect(editText).toMatch(/City\s+Genève\s+Lausanne/);
  expect(editText).toMatch(/Zip code\s+1202\s+1003/);
  expect(editText).toMatch(/Line 1: quantity\s+2\s+5/);
  expect(editText).toMatch(/Line 2 added\s+—\s+Glossary on Migration × 1 at CHF\s*12\.50/);
  expect(editText).toMatch(/Amount due\s+CHF\s*60\.00\s+CHF\s*162\.50/);
  expect(editText).not.toMatch(/updatedAt|\{|"/);

  // Keyboard only: Tab (past "Issue invoice…") to "Cancel order…", Enter opens the dialog with focus on the reason.
  await page.getByRole('link', { name: 'Edit' }).focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Issue invoice… Alt+I');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel order…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Cancel order ${order.number}?` });
  await dialog.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Reason is required/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await screenshot(page, 'order-detail-cancel-dialog');
  expect(ui.web.app.db.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(order.id)).toBe('received');

  // Esc closes without cancelling; the order stays open.
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);

  await page.getByRole('button', { name: 'Cancel order…' }).press('Enter');
  await page.getByLabel('Reason for cancelling').fill('Customer ordered the PDF instead.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(`Order ${order.number} is cancelled.`);
  await expect.poll(() => page.getByText('Reason: Customer ordered the PDF instead.').isVisible()).toBe(true);
  expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  expect(await page.getByText(`Order ${order.number} is cancelled and can no longer be edited.`).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Cancel order…' }).count()).toBe(0);
  const cancelText = await history.getByRole('table', { name: 'Changes: Order cancelled' }).innerText();
  expect(cancelText).toMatch(/Status\s+Received\s+Cancelled/);
  expect(cancelText).toMatch(/Reason\s+—\s+Customer ordered the PDF instead\./);
  await screenshot(page, 'order-detail-cancelled');
  expect(ui.web.app.db.prepare('SELECT status, cancel_reason FROM orders WHERE id = ?').get(order.id)).toEqual({
    status: 'cancelled',
    cancel_reason: 'Customer ordered the PDF instead.',
  });
  await page.close();
});

it('shows invoices, payments with only the card’s last digits, the balance, and why a paid order is locked', async () => {
  generateDemoData(ui.web.app.db, { orders: 40, seed: 3, force: true });
  const shipped = ui.web.app.db
    .prepare("SELECT o.id FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.status IN ('shipped', 'closed') AND p.kind = 'payment' AND p.method = 'credit_card' AND p.card_last4 IS NOT NULL AND o.balance_minor = 0 LIMIT 1")
    .pluck()
    .get() as number;
  const last4 = ui.web.app.db.prepare("SELECT card_last4 FROM payments WHERE order_id = ? AND card_last4 IS NOT NULL").pluck().get(shipped) as string;
  const page = await ui.browser.newPage();
  await open(page, `#/order/${shipped}`);
  const payments = (await page.getByRole('region', { name: 'Payments' }).innerText()).replace(/\s+/g, ' ');
  expect(payments).toMatch(/Invoice INV-\d{4}-\d{5}/);
  expect(payments).toMatch(new RegExp(`Payment Credit card, [A-Za-z ]+ •••• ${last4}`));
  expect(await page.getByTestId('balance').innerText()).toMatch(/0\.00/);
  expect(await page.getByText(/is (shipped|closed) and can no longer be edited: its invoice fixes what was ordered/).isVisible()).toBe(true);
  expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  const historyText = await page.getByRole('list', { name: 'History, newest first' }).innerText();
  expect(historyText).toMatch(/Payment received[\s\S]*Order keyed in/);
  expect(historyText).toMatch(new RegExp(`Payment received: \\S+\\s[\\d.,]+ by credit card •••• ${last4}`));
  await screenshot(page, 'order-detail-paid');
  await page.close();
});
