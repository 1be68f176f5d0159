import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LOG_FILE, teeConsoleToLog } from '../../electron/main/log-file';
import { launchBrowser, screenshot } from '../support/browser';
import { call, tempDir } from '../support/test-db';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { errorOf, keyInForm, openNewOrder, setCataloguePrices } from './order-entry-support';
import { retype, shownText, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 180_000 });
const SLOW = { timeout: 15_000 };

/** The test card number, and every way it could have been kept. */
const CARD = '4111 1111 1111 1111';
const FORMS_OF_THE_NUMBER = ['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111'];

let browser: BrowserContext;
let web: RunningWebApp;
const logDir = tempDir('order-desk-logs-');
const dbFile = path.join(tempDir(), 'orders.db');

beforeAll(async () => {
  // As the desktop app does: warnings and errors also go to the log file.
  teeConsoleToLog(logDir);
  console.warn('Card-number test started');
  browser = await launchBrowser();
  web = await startWebApp(dbFile, undefined, { actor: 'Anna Keller', log: (message, error) => console.error(message, error) });
  await setCataloguePrices(web.app, { 'Migrants and their Vulnerability': { CHF: '25.00' } });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

function holdsTheNumber(text: string): string | null {
  return FORMS_OF_THE_NUMBER.find((form) => text.includes(form)) ?? null;
}

async function keptDrafts(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
}

async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, limit = 6) {
  for (let i = 0; i < limit && !(await done()); i += 1) await page.keyboard.press(key);
}

it('never keeps a full card number or its CVV typed into the order notes or the payment form: not in SQLite, the log, the draft or an export', async () => {
  const page = await browser.newPage();
  await openNewOrder(page, web.entryUrl('#/new-order'));
  await keyInForm(page, {
    name: 'Karin Olsen',
    address: 'Storgatan 1',
    country: 'Swed',
    city: 'Uppsala',
    zip: '753 10',
    phone: '+46 18 000 00',
    email: 'karin@example.se',
    lines: [{ typed: 'migrants vulnerab', pick: 1, quantity: '2' }],
  });
  await tabTo(page, /^Customer's reference/);
  await page.keyboard.type(CARD.replace(/ /g, ''));
  await tabTo(page, /^Notes$/);
  // The draft is written on every keystroke, long before the field is left.
  await page.keyboard.type(`Paid by card ${CARD} CVV 123`);
  await expect.poll(async () => (await keptDrafts(page)).includes('Paid by card'), SLOW).toBe(true);
  expect(holdsTheNumber(await keptDrafts(page))).toBeNull();
  expect(await keptDrafts(page)).not.toMatch(/CVV 123/i);
  expect(await keptDrafts(page)).toContain('•••• 1111');

  // Leaving the notes: the CVV is refused right there; the reference was cut to its last four digits.
  await page.keyboard.press('Tab');
  const notes = page.locator('[data-field="notes"]');
  await expect.poll(() => errorOf(page, notes), SLOW).toMatch(/Notes must not hold a card security code/);
  expect(await page.locator('[data-field="customerReference"]').inputValue()).toBe('•••• 1111');
  expect(await page.getByRole('status').filter({ hasText: /full card number was typed/ }).count()).toBe(1);
  await page.keyboard.press('Control+S');
  await expect.poll(() => page.getByText(/The order was not saved|correct the fields/).count(), SLOW).toBeGreaterThan(0);
  expect(web.app.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);

  // Without the CVV, the number is masked as the clerk leaves the field, and the order saves.
  await notes.focus();
  await retype(page, `Paid by card ${CARD}`);
  await page.keyboard.press('Tab');
  await expect.poll(() => notes.inputValue(), SLOW).toBe('Paid by card •••• 1111');
  await page.getByRole('status').filter({ hasText: 'Notes: a full card number was typed; only its last four digits (1111) are kept.' }).waitFor(SLOW);
  await page.keyboard.press('Control+S');
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor(SLOW);
  const orderId = web.app.db.prepare('SELECT id FROM orders').pluck().get() as number;
  expect(web.app.db.prepare('SELECT notes, customer_reference FROM orders WHERE id = ?').get(orderId)).toEqual({ notes: 'Paid by card •••• 1111', customer_reference: '•••• 1111' });

  // The payment form: a card payment with the number pasted into the reference and the note.
  await page.goto(web.entryUrl(`#/order/${orderId}`));
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Record payment…$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Record a payment/ });
  await dialog.waitFor();
  const method = dialog.getByLabel('Method');
  await pressUntil(page, 'ArrowUp', async () => (await method.inputValue()) === 'credit_card');
  expect(await method.inputValue()).toBe('credit_card');
  await tabTo(page, /^Last four digits of the card$/);
  await page.keyboard.type('1111');
  await tabTo(page, /^Reference$/);
  await page.keyboard.type(`${CARD} cvv 123`);
  await page.keyboard.press('Tab');
  const reference = dialog.getByRole('textbox', { name: 'Reference' });
  await expect.poll(() => errorOf(page, reference), SLOW).toMatch(/Reference must not hold a card security code/);
  await page.keyboard.type('Card 4111-1111-1111-1111 by phone');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => errorOf(page, reference), SLOW).toMatch(/security code/);
  expect(web.app.db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), SLOW).toBe('reference');
  await retype(page, CARD);
  await page.keyboard.press('Tab');
  await expect.poll(() => reference.inputValue(), SLOW).toBe('•••• 1111');
  expect(await dialog.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Card •••• 1111 by phone');
  expect(await shownText(dialog.getByRole('status'))).toMatch(/Note: a full card number was typed; only its last four digits \(1111\) are kept\./);
  await screenshot(page, 'payment-form-card-masked');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('status').filter({ hasText: /Payment of CHF\s*50\.00 recorded/ }).waitFor(SLOW);
  const ledger = await shownText(page.getByRole('table', { name: 'Money movements, oldest first' }));
  expect(ledger).toMatch(/Credit card, Visa •••• 1111, reference •••• 1111/);
  expect(holdsTheNumber(await page.content())).toBeNull();

  // Nowhere on disk, in the kept draft, or in any export.
  expect(holdsTheNumber(await keptDrafts(page))).toBeNull();
  for (const file of [dbFile, `${dbFile}-wal`]) {
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file).toString('latin1');
    expect(bytes.length).toBeGreaterThan(0);
    expect(holdsTheNumber(bytes), path.basename(file)).toBeNull();
  }
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
  const log = fs.readFileSync(path.join(logDir, LOG_FILE), 'utf8');
  expect(log).toContain('Card-number test started');
  expect(holdsTheNumber(log)).toBeNull();
  for (const kind of ['catalogue', 'customers']) {
    for (const format of ['csv', 'xlsx']) {
      const file = await call<{ contentBase64: string; rows: number }>(web.app, 'transfer.export', { kind, format });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      let text = bytes.toString('utf8');
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        const cells: string[] = [];
        workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
        text = cells.join('\n');
      }
      expect(text.length, `${kind}.${format}`).toBeGreaterThan(0);
      expect(holdsTheNumber(text), `${kind}.${format}`).toBeNull();
    }
  }
  await page.close();
});

it('cuts a card number typed into the reason for cancelling an order to its last four digits, before it is saved', async () => {
  const { order } = await call<{ order: { id: number; number: string } }>(web.app, 'orders.create', {
    customer: { name: 'Lena Berg', country: 'SE', city: 'Uppsala' },
    currency: 'CHF',
    receivedVia: 'fax',
    receivedOn: '2025-03-10',
    lines: [{ title: 'Annual report', quantity: 1, unitPrice: '20.00' }],
  });
  const page = await browser.newPage();
  await page.goto(web.entryUrl(`#/order/${order.id}`));
  await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor(SLOW);
  await page.getByRole('button', { name: 'Cancel order…' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel order ${order.number}?` });
  await dialog.waitFor(SLOW);
  // Focus is in the reason; the clerk types the card number the customer wrote on the form, then leaves the field.
  await page.keyboard.type(`Card ${CARD} refused twice`);
  await page.keyboard.press('Tab');
  const reason = dialog.getByRole('textbox', { name: 'Reason for cancelling' });
  await expect.poll(() => reason.inputValue(), SLOW).toBe('Card •••• 1111 refused twice');
  expect(await shownText(dialog.getByRole('status'))).toBe('Reason for cancelling: a full card number was typed; only its last four digits (1111) are kept.');
  await screenshot(page, 'cancel-order-card-masked');
  await reason.focus();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('status').filter({ hasText: `Order ${order.number} is cancelled.` }).waitFor(SLOW);
  expect(web.app.db.prepare('SELECT status, cancel_reason FROM orders WHERE id = ?').get(order.id)).toEqual({ status: 'cancelled', cancel_reason: 'Card •••• 1111 refused twice' });
  expect(holdsTheNumber(await page.content())).toBeNull();
  await page.close();
});
