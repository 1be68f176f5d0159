/**
 * One question before unsaved work is left, in the app's own dialog on every screen: Settings,
 * the customer form, the order entry (Esc and Alt+digit alike, with its "keep as draft" answer)
 * and a batch of invoices being issued. Never the browser's native confirm, which looks like
 * another program's, blocks the page and cannot be answered with the app's keys.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { stepMonth } from '../../shared/domain/calendar';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call } from '../support/test-db';
import { openScreen, useUiSession } from '../support/ui-session';
import { unitDay } from '../support/unit-day';
import { focusedName, shownText } from './keyboard-support';
import { openNewOrder } from './order-entry-support';

const ui = useUiSession(120_000);
const SLOW = { timeout: 30_000 };

/** Native dialogs (confirm, alert) the page opened: dismissed at once, and counted. */
function countNativePrompts(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

interface Asked {
  title: string;
  text: string;
  focused: string;
  answers: string[];
}

/** The in-app question as the clerk meets it: its title, its sentence, the answer under the cursor, every answer in order. */
async function asked(page: Page, title: string): Promise<Asked> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor(SLOW);
  await expect.poll(() => focusedName(page), SLOW).not.toBe('');
  return { title, text: await shownText(dialog.locator('.confirm-dialog__body')), focused: await focusedName(page), answers: await dialog.getByRole('button').allTextContents() };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

it('asks in the same in-app dialog on Settings, the customer form and the order entry (Esc and Alt+digit alike), never natively', async () => {
  const { customer } = await call<{ customer: { id: number } }>(ui.web.app, 'customers.save', { name: 'Kwame Mensah', country: 'GH', city: 'Accra' });

  const settings = await openScreen(ui, '#/settings');
  const settingsNative = countNativePrompts(settings);
  await settings.getByLabel('Issuer phone').waitFor(SLOW);
  await settings.getByLabel('Issuer phone').focus();
  await settings.keyboard.press('End');
  await settings.keyboard.type(' ext. 12');
  await settings.keyboard.press('Alt+1');
  const fromSettings = await asked(settings, 'Leave without saving?');
  expect(settingsNative).toEqual([]);
  await settings.close();

  // The customer form: Alt+1 asks in the app; Keep editing keeps the edit, leaving by a link discards it.
  const page = await openScreen(ui, `#/customer/${customer.id}`);
  const customerNative = countNativePrompts(page);
  const city = page.getByLabel('City', { exact: true });
  await city.waitFor(SLOW);
  await city.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Central');
  await page.keyboard.press('Alt+1');
  const fromCustomer = await asked(page, 'Leave without saving?');
  expect(customerNative).toEqual([]);
  expect(fromCustomer.text).toBe('This customer has changes that are not saved. Leaving discards them.');
  await screenshot(page, 'customer-leave-prompt');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('dialog').count(), SLOW).toBe(0);
  expect(await city.inputValue()).toBe('Accra Central');
  expect(await heading(page)).toContain('Kwame Mensah');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Discard changes and leave' }).click();
  await expect.poll(() => page.evaluate(() => window.location.hash), SLOW).toBe('#/orders');
  expect(customerNative).toEqual([]);
  await page.close();

  // The order entry: Esc and Alt+digit ask the very same question, the draft answer between the two others.
  const order = await ui.browser.newPage();
  const orderNative = countNativePrompts(order);
  await openNewOrder(order, ui.web.entryUrl('#/new-order'));
  await order.keyboard.type('Ana Lima');
  const fromOrder: Asked[] = [];
  for (const key of ['Escape', 'Alt+4']) {
    await order.getByRole('combobox', { name: 'Name' }).focus();
    await order.keyboard.press(key);
    fromOrder.push(await asked(order, 'Leave without saving?'));
    await order.keyboard.press('Escape');
    await expect.poll(() => order.getByRole('dialog').count(), SLOW).toBe(0);
  }
  expect(fromOrder[1]).toEqual(fromOrder[0]);
  expect(orderNative).toEqual([]);
  await order.evaluate(() => localStorage.clear());
  await order.close();

  // One dialog: the same title, the same safe answer under the cursor and the same way out, on every screen.
  for (const question of [fromSettings, fromCustomer, fromOrder[0]!]) {
    expect(question.focused).toBe('Keep editing');
    expect(question.answers[0]).toBe('Keep editing');
    expect(question.answers.at(-1)).toBe('Discard changes and leave');
  }
  expect(fromSettings.answers).toEqual(fromCustomer.answers);
  expect(fromOrder[0]!.answers).toEqual(['Keep editing', 'Leave, keep as draft', 'Discard changes and leave']);
}, 120_000);

it('asks in the app before leaving a batch being issued; Keep issuing goes on, leaving stops it after the invoice in progress', async () => {
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const month = stepMonth(unitDay().slice(0, 7), -1);
  const orderIds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { order } = await call<{ order: { id: number } }>(ui.web.app, 'orders.create', {
      customer: { name: `Library ${i + 1}`, country: 'CH', city: 'Bern', address: 'Main street 1', postalCode: '3000' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: `${month}-${String(2 + i).padStart(2, '0')}`,
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    });
    orderIds.push(order.id);
  }
  const invoiced = () => orderIds.filter((id) => (ui.web.app.db.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id) as string) === 'invoiced').length;

  const page = await openScreen(ui, '#/invoice-batch');
  const native = countNativePrompts(page);
  // Each answer held back, so the batch is still running when the clerk tries to leave.
  await page.route('**/api/invoices.issue', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.fulfill({ response });
  });
  const monthField = page.getByLabel('Orders received in');
  await monthField.waitFor(SLOW);
  await monthField.fill(month);
  await monthField.press('Enter');
  await page.getByRole('button', { name: 'Issue 5 invoices' }).click();
  const progressText = page.getByTestId('batch-progress-text');
  await expect.poll(() => progressText.textContent(), SLOW).toMatch(/^1 of 5 — /);

  await page.keyboard.press('Alt+1');
  const question = await asked(page, 'Stop issuing and leave?');
  expect(native).toEqual([]);
  expect(question).toEqual({
    title: 'Stop issuing and leave?',
    text: 'Invoices are being issued. Leaving this screen stops the batch after the invoice in progress; the invoices issued so far stay issued.',
    focused: 'Keep issuing',
    answers: ['Keep issuing', 'Stop the batch and leave'],
  });
  await screenshot(page, 'invoice-batch-leave-prompt');
  // The batch goes on while the question is on screen, and after Keep issuing.
  await page.keyboard.press('Enter');
  await expect.poll(() => progressText.textContent(), SLOW).toMatch(/^2 of 5 — /);
  expect(await heading(page)).toBe('Issue a month’s invoices');

  await page.keyboard.press('Alt+1');
  await page.getByRole('dialog', { name: 'Stop issuing and leave?' }).getByRole('button', { name: 'Stop the batch and leave' }).click();
  await expect.poll(() => page.evaluate(() => window.location.hash), SLOW).toBe('#/orders');
  // The invoice in progress is completed, and nothing after it is started.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const stoppedAt = invoiced();
  expect(stoppedAt).toBeGreaterThanOrEqual(2);
  expect(stoppedAt).toBeLessThan(5);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(invoiced()).toBe(stoppedAt);
  expect(native).toEqual([]);
  await page.close();
}, 120_000);
