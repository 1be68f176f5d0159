/**
 * The desktop app asks who is working when it starts. Browser mode is started here so that
 * it asks too (as `npm run web -- --ask-user` does); every other UI test runs with a fixed --user.
 */
import { beforeAll, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { call } from '../support/test-db';
import { keyInForm } from './order-entry-support';

const SLOW = { timeout: 15_000 };
vi.setConfig({ testTimeout: 120_000 });

const ui = useUiSession(undefined, { askUser: true });

beforeAll(async () => {
  await call(ui.web.app, 'settings.set', { staff: ['Marie Dubois'] });
});

const nameField = (page: Page) => page.getByRole('dialog', { name: 'Who is working?' }).getByLabel('Your name');
const staffList = () => (ui.web.app.db.prepare("SELECT value FROM settings WHERE key = 'staff'").pluck().get() as string) ?? '[]';

it('asks who is working, remembers the answer on this computer so Enter alone confirms it next time, and names that clerk in the order history', async () => {
  const page = await ui.browser.newPage();
  await openScreen(ui, '#/new-order', page);

  // First start on this computer: nothing remembered, so the clerk types a name, which joins the staff list.
  const dialog = page.getByRole('dialog', { name: 'Who is working?' });
  await dialog.waitFor(SLOW);
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  expect(await nameField(page).inputValue()).toBe('');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Your name is required/);
  await page.keyboard.type('Jonas Keller');
  await expect.poll(() => dialog.innerText()).toMatch(/"Jonas Keller" is not in the staff list yet/);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count(), SLOW).toBe(0);
  expect(await page.getByText('Working as Jonas Keller').isVisible()).toBe(true);
  expect(JSON.parse(staffList())).toEqual(['Marie Dubois', 'Jonas Keller']);
  await page.close();

  // Order Desk restarts: it asks again, with the name last confirmed here filled in and selected.
  ui.web = await ui.web.restart({ samePort: true });
  const again = await ui.browser.newPage();
  await openScreen(ui, '#/new-order', again);
  const asked = again.getByRole('dialog', { name: 'Who is working?' });
  await asked.waitFor(SLOW);
  await expect.poll(() => nameField(again).inputValue()).toBe('Jonas Keller');
  await expect.poll(() => again.evaluate(() => (document.activeElement as HTMLInputElement).selectionEnd! - (document.activeElement as HTMLInputElement).selectionStart!)).toBe(
    'Jonas Keller'.length,
  );
  await screenshot(again, 'who-is-working-dialog');
  await again.keyboard.press('Enter');
  await expect.poll(() => asked.count(), SLOW).toBe(0);
  expect(await again.getByText('Working as Jonas Keller').isVisible()).toBe(true);

  // An order keyed in now is recorded as Jonas Keller's, not the computer account's.
  await expect.poll(() => again.evaluate(() => document.activeElement?.getAttribute('data-field')), SLOW).toBe('customer.name');
  await keyInForm(again, {
    name: 'Ana Pérez',
    address: 'Calle Mayor 1',
    country: 'Spain',
    city: 'Madrid',
    zip: '28013',
    phone: '+34 91 000 00 00',
    email: 'ana@example.es',
    lines: [{ typed: 'Informe anual (hors catalogue)', quantity: '1', price: '25.00' }],
  });
  await again.keyboard.press('Control+S');
  const saved = again.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor(SLOW);
  const number = (await saved.textContent())!.match(/\d{4}-\d{5}/)![0];
  const id = ui.web.app.db.prepare('SELECT id FROM orders WHERE number = ?').pluck().get(number) as number;

  // Opening the order reloads the page; the session already knows who is working, so nothing asks.
  await openScreen(ui, `#/order/${id}`, again);
  await expect.poll(() => again.getByRole('heading', { level: 1 }).textContent(), SLOW).toBe(`Order ${number}`);
  expect(await again.getByRole('dialog', { name: 'Who is working?' }).count()).toBe(0);
  const history = await again.getByRole('list', { name: 'History, newest first' }).innerText();
  expect(history).toMatch(/by Jonas Keller/);
  expect(history).not.toMatch(/os-account/);
  await screenshot(again, 'who-is-working-order-history');
  await again.close();
});
