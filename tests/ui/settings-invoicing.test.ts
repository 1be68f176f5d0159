import { expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';

const ui = useUiSession();

const stored = (key: string) => JSON.parse(ui.web.app.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string) as unknown;

it('enters the EUR bank account and payment terms by keyboard, refusing a German IBAN for the QR-bill with a message beside the field', async () => {
  const page = await ui.browser.newPage();
  await openScreen(ui, '#/settings', page);
  const kb = page.keyboard;
  expect(await page.getByLabel('Street').inputValue()).toBe('Route des Morillons');
  expect(await page.getByLabel('Town').inputValue()).toBe('Geneva 19');

  await page.getByLabel('Account holder (EUR)').focus();
  await kb.type('International Organization for Migration');
  await kb.press('Tab');
  await kb.type('DE89 3704 0044 0532 0130 00');
  await kb.press('Tab');
  await kb.type('UBSWCHZH80A');
  await kb.press('Tab');
  await kb.type('UBS Switzerland AG');
  await page.getByLabel('Payment terms (days)').focus();
  await kb.press('Control+A');
  await kb.type('45');
  await kb.press('Enter');
  await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('IBAN (EUR) must be a Swiss or Liechtenstein account (CH or LI) for the QR-bill on CHF and EUR invoices.');
  expect(ui.web.app.db.prepare("SELECT count(*) FROM settings WHERE key = 'bankAccounts'").pluck().get()).toBe(0);
  await screenshot(page, 'settings-bank-account-refused');

  await page.getByLabel('IBAN (EUR)').focus();
  await kb.press('Control+A');
  await kb.type('CH93 0076 2011 6238 5295 7');
  await kb.press('Enter');
  await expect.poll(() => page.getByText('Settings saved.').count()).toBe(1);
  expect(stored('bankAccounts')).toEqual([{ currency: 'EUR', holder: 'International Organization for Migration', iban: 'CH9300762011623852957', bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG' }]);
  expect(stored('paymentTermsDays')).toBe(45);
  await page.close();
});
