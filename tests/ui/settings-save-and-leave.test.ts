/**
 * Settings is a long form: a refused save puts the cursor on the first field in error (not
 * left on the button 1,400 px below it) and says beside the button that nothing was saved.
 * Leaving with unsaved edits — Alt+digit, a link, Esc — asks first, with the order entry's
 * "Leave without saving?" dialog; Keep editing keeps every edit.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { focusedName, shownText } from './keyboard-support';

const ui = useUiSession();
const SLOW = { timeout: 15_000 };

const storedSetting = (key: string) => ui.web.app.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;

async function openSettings(): Promise<Page> {
  const page = await openScreen(ui, '#/settings');
  await page.getByLabel('Issuer phone').waitFor(SLOW);
  return page;
}

async function retypeField(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

it('a refused save puts the cursor on the first field in error and says beside the button that nothing was saved', async () => {
  const page = await openSettings();
  const before = [storedSetting('issuer'), storedSetting('paymentTermsDays')];
  await retypeField(page, 'Issuer e-mail', 'publications@');
  await retypeField(page, 'Payment terms (days)', '-3');
  const save = page.getByRole('button', { name: 'Save settings' });
  await save.focus();
  await page.keyboard.press('Enter');

  // The first error of two, far above the button, now has the cursor, scrolled into view.
  await expect.poll(() => focusedName(page), SLOW).toBe('Issuer e-mail');
  const status = page.locator('.actions [role=status]');
  await expect.poll(() => shownText(status), SLOW).toBe('Nothing was saved: correct the 2 fields marked above (the cursor is on the first).');
  expect(await page.getByLabel('Issuer e-mail', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  const inView = await page.getByLabel('Issuer e-mail', { exact: true }).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);
  expect([storedSetting('issuer'), storedSetting('paymentTermsDays')]).toEqual(before);
  await save.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-refused-save');

  // Corrected, saved, and the line says so.
  await retypeField(page, 'Issuer e-mail', 'publications@iom.int');
  await retypeField(page, 'Payment terms (days)', '30');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(status), SLOW).toBe('Settings saved.');
  await page.close();
});

it('asks before Alt+digit, a link or Esc leave unsaved edits, in the order entry’s words; Keep editing keeps them, Discard leaves', async () => {
  const page = await openSettings();
  const phone = page.getByLabel('Issuer phone');
  const original = await phone.inputValue();
  await phone.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' ext. 12');

  // Alt+1 (Orders): the question, with the safe answer under the cursor.
  await page.keyboard.press('Alt+1');
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await dialog.waitFor(SLOW);
  expect(await shownText(dialog)).toContain('Settings have changes that are not saved.');
  await expect.poll(() => focusedName(page)).toBe('Keep editing');
  await screenshot(page, 'settings-leave-prompt');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
  expect(await phone.inputValue()).toBe(`${original} ext. 12`);

  // Esc asks too, and Esc in the question is "Keep editing".
  await phone.focus();
  await page.keyboard.press('Escape');
  await dialog.waitFor(SLOW);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await phone.inputValue()).toBe(`${original} ext. 12`);

  // A link: discard and leave goes where the link pointed, and nothing was saved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Catalogue/ }).click();
  await dialog.waitFor(SLOW);
  await dialog.getByRole('button', { name: 'Discard changes and leave' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor(SLOW);
  expect(page.url()).toMatch(/#\/catalogue$/);
  await page.keyboard.press('Alt+7');
  await expect.poll(() => phone.inputValue(), SLOW).toBe(original);

  // Without edits, Esc leaves for Home at once.
  await phone.focus();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
  expect(await dialog.count()).toBe(0);
  await page.close();
});
