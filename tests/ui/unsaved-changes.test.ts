/**
 * Closing the window with unsaved edits asks first, on every screen that edits something.
 * Playwright's page.close({ runBeforeUnload: true }) is what closing a tab or the desktop
 * window does: the page's beforeunload decides whether a prompt appears (in the desktop app
 * the shell turns it into "Leave without saving?", tested in tests/electron/bundle.test.ts).
 */
import { expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from '../support/test-db';
import { openScreen, useUiSession } from '../support/ui-session';

vi.setConfig({ testTimeout: 90_000 });
const ui = useUiSession();

/** Closes the page as the window's close button would; says whether the page asked first (it then stays open). */
async function closeAsks(page: Page): Promise<boolean> {
  const asked = new Promise<boolean>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type() === 'beforeunload');
      void dialog.dismiss(); // "Stay"
    });
    page.once('close', () => resolve(false));
  });
  await page.close({ runBeforeUnload: true });
  return asked;
}

async function typeInto(page: Page, label: string, text: string, exact = true): Promise<void> {
  const field = page.getByLabel(label, { exact });
  await field.click();
  await page.keyboard.type(text);
}

it('settings: asks before closing while edited, and not once saved', async () => {
  const page = await openScreen(ui, '#/settings');
  await typeInto(page, 'Issuer phone', ' ext. 12');
  expect(await closeAsks(page)).toBe(true);
  expect(page.isClosed()).toBe(false);

  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  expect(await closeAsks(page)).toBe(false);
  expect(page.isClosed()).toBe(true);
});

it('order entry: a fresh form closes without a question, a started one asks', async () => {
  const clean = await openScreen(ui, '#/new-order');
  await clean.locator('[data-field="customer.name"]').waitFor();
  expect(await closeAsks(clean)).toBe(false);

  const page = await openScreen(ui, '#/new-order');
  await page.evaluate(() => localStorage.clear());
  await typeInto(page, 'Name', 'Ana Lima');
  expect(await closeAsks(page)).toBe(true);
  await page.evaluate(() => localStorage.clear());
});

it('catalogue editor: a title being added asks before closing', async () => {
  const page = await openScreen(ui, '#/catalogue');
  await page.getByRole('button', { name: 'New publication' }).click();
  const panel = page.getByRole('dialog', { name: 'New publication' });
  await panel.getByLabel('Title', { exact: true }).waitFor();
  expect(await closeAsks(page)).toBe(false);

  const edited = await openScreen(ui, '#/catalogue');
  await edited.getByRole('button', { name: 'New publication' }).click();
  await typeInto(edited, 'Title', 'Migration and climate');
  expect(await closeAsks(edited)).toBe(true);
});

it('customer form: an edited address asks before closing', async () => {
  const { customer } = await call<{ customer: { id: number } }>(ui.web.app, 'customers.save', { name: 'Kwame Mensah', country: 'GH', city: 'Accra' });
  const clean = await openScreen(ui, `#/customer/${customer.id}`);
  await clean.getByRole('form', { name: 'Customer details' }).waitFor();
  expect(await closeAsks(clean)).toBe(false);

  const page = await openScreen(ui, `#/customer/${customer.id}`);
  await typeInto(page, 'City', ' Central');
  expect(await closeAsks(page)).toBe(true);
});
