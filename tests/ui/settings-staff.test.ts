import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';

const ui = useUiSession();

const storedStaff = () => JSON.parse((ui.web.app.db.prepare("SELECT value FROM settings WHERE key = 'staff'").pluck().get() as string | undefined) ?? '[]') as string[];
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? document.activeElement?.getAttribute('aria-label') ?? null);

it('adds, renames and removes staff names by keyboard, and will not save the list empty once it names someone', async () => {
  const page = await ui.browser.newPage();
  await openScreen(ui, '#/settings', page);
  const kb = page.keyboard;

  await page.getByLabel('New staff name').focus();
  for (const name of ['Marie Dubois', 'Jonas Keller']) {
    await kb.type(name);
    await kb.press('Enter');
  }
  expect(await page.getByLabel('Staff name 1').inputValue()).toBe('Marie Dubois');
  expect(await page.getByLabel('Staff name 2').inputValue()).toBe('Jonas Keller');
  expect(await page.getByText('Settings saved.').count()).toBe(0);

  await kb.type('marie dubois');
  await kb.press('Enter');
  await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('"marie dubois" is already in the list.');
  await kb.press('Control+A');
  await kb.press('Backspace');

  // A rename is an edit in place; Enter in a name saves the form.
  await page.getByLabel('Staff name 2').focus();
  await kb.press('Control+A');
  await kb.type('Jonas Keller-Roth');
  await kb.press('Enter');
  await expect.poll(() => page.getByText('Settings saved.').count()).toBe(1);
  expect(storedStaff()).toEqual(['Marie Dubois', 'Jonas Keller-Roth']);
  await screenshot(page, 'settings-staff-names');

  // Remove: Tab from a name to its button; focus stays in the list.
  await page.getByLabel('Staff name 1').focus();
  await kb.press('Tab');
  await expect.poll(() => focusedLabel(page)).toBe('Remove Marie Dubois');
  await kb.press('Enter');
  await expect.poll(() => page.getByLabel('Staff name 1').inputValue()).toBe('Jonas Keller-Roth');
  await expect.poll(() => focusedLabel(page)).toBe('Staff name 1');
  await kb.press('Tab');
  await kb.press('Enter');
  await expect.poll(() => page.getByLabel('Staff name 1').count()).toBe(0);

  ui.expectRefusal({ status: 400, path: '/api/settings.set' });
  await page.getByRole('button', { name: 'Save settings' }).press('Enter');
  await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Keep at least one staff name/);
  expect(storedStaff()).toEqual(['Marie Dubois', 'Jonas Keller-Roth']);
  await page.close();
});
