/**
 * Settings → E-mail by keyboard only, in browser mode: the unit's server set (security "none"
 * refused for a server elsewhere, allowed on this computer), saved, and a test e-mail that a real
 * SMTP server on loopback accepts, answered in the server's own words. The password is not a
 * field here: browser mode says where it is read. A template with an unknown placeholder is
 * refused beside its field; reset to the default, it is stored no more.
 */
import { expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { openScreen } from '../support/ui-session';
import { screenshot } from '../support/browser';
import { focusedName, retype, shownText, tabTo } from './keyboard-support';
import { partShot, useMailUiSession } from './mail-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 20_000 };
const ui = useMailUiSession(60_000, { actor: 'Anna Keller' });

const stored = (key: string) => {
  const value = ui.web.app.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as Record<string, unknown>);
};

async function typeInto(page: Page, label: RegExp, text: string) {
  await tabTo(page, label);
  await retype(page, text);
}

it('sets the mail server by keyboard, refuses security "none" for a server elsewhere, and sends a test e-mail the server accepts', async () => {
  const page = await openScreen(ui, '#/settings');
  const kb = page.keyboard;
  const mail = page.locator('fieldset.mail-settings');
  await mail.waitFor(SLOW);

  // Browser mode: no password field, the sentence saying where the password is read instead.
  expect(await mail.locator('input[type="password"]').count()).toBe(0);
  expect(await shownText(page.getByTestId('mail-password-source'))).toMatch(/--smtp-password-file .* ORDER_DESK_SMTP_PASSWORD/);
  // No user name: no password is needed, and that is said rather than "mails cannot be sent".
  expect(await shownText(page.getByTestId('mail-password-now'))).toBe('Password: not set (none is needed while the user name is empty: a server that takes mail without login)');

  await page.getByLabel('Outgoing mail server').focus();
  await kb.type('mail.example.org');
  await kb.press('Tab');
  expect(await focusedName(page)).toBe('Port');
  await retype(page, String(ui.smtp.port));
  await kb.press('Tab');
  expect(await focusedName(page)).toBe('Security');
  // STARTTLS → None: said at once that it is only for this computer.
  await kb.press('ArrowDown');
  expect(await mail.getByLabel('Security').inputValue()).toBe('none');
  await expect.poll(() => shownText(mail.locator('.field--invalid'))).toMatch(/only for a mail server on this computer .* choose TLS or STARTTLS for mail\.example\.org/);
  await typeInto(page, /^Sender address/, 'publications@unit.example');
  await typeInto(page, /^Sender name/, 'Publications Unit');
  await typeInto(page, /^Reply-To address/, 'orders@unit.example');
  await typeInto(page, /^Copy to the unit’s own mailbox/, 'archive@unit.example');

  // Saving is refused, naming the field; nothing is stored.
  ui.expectRefusal({ status: 400, path: '/api/settings.set' });
  await kb.press('Enter');
  await expect.poll(() => focusedName(page), SLOW).toBe('Security');
  expect(await page.getByRole('status').filter({ hasText: 'Nothing was saved' }).count()).toBe(1);
  expect(stored('mail')).toBeUndefined();

  // The server on this computer: accepted, and saved.
  await page.getByLabel('Outgoing mail server').focus();
  await retype(page, '127.0.0.1');
  expect(await mail.locator('.field--invalid').count()).toBe(0);
  await kb.press('Enter');
  await expect.poll(() => page.getByText('Settings saved.').count(), SLOW).toBe(1);
  expect(stored('mail')).toMatchObject({
    host: '127.0.0.1',
    port: ui.smtp.port,
    security: 'none',
    fromAddress: 'publications@unit.example',
    fromName: 'Publications Unit',
    replyTo: 'orders@unit.example',
    copyTo: 'archive@unit.example',
  });

  // The test e-mail: Enter in its field sends it (it does not save the form), answered in the server's words.
  await tabTo(page, /^Send a test e-mail to/);
  await kb.type('clerk@unit.example');
  await kb.press('Enter');
  const answer = page.getByTestId('mail-test-result');
  await expect.poll(() => shownText(answer), SLOW).toMatch(/^Accepted by the server: 250 .*Ok: queued as test-1/);
  expect(ui.smtp.accepted).toHaveLength(1);
  expect(ui.smtp.accepted[0]!.envelopeTo).toEqual(['clerk@unit.example']);
  expect(ui.smtp.accepted[0]!.parsed.from?.text).toContain('publications@unit.example');

  await partShot(mail, 'mail-settings');
  await screenshot(page, 'mail-settings-page');
  await page.close();
});

it('refuses a template naming a placeholder Order Desk cannot fill, beside its field, and resets it to the default', async () => {
  const page = await openScreen(ui, '#/settings');
  const kb = page.keyboard;
  const texts = page.locator('fieldset.mail-templates');
  await texts.waitFor(SLOW);
  for (const name of ['customerName', 'documentNumber', 'amount', 'dueDate', 'orderNumber', 'unitName']) {
    expect(await shownText(texts.locator('.mail-templates__placeholders'))).toContain(`{${name}}`);
  }

  await texts.getByLabel('Mail for').focus();
  expect(await texts.getByLabel('Mail for').inputValue()).toBe('invoice');
  await kb.press('Tab');
  expect(await focusedName(page)).toBe('Language');
  await kb.press('ArrowDown');
  expect(await texts.getByLabel('Language').inputValue()).toBe('fr');
  await kb.press('Tab');
  expect(await focusedName(page)).toBe('Subject (invoice, French)');
  expect(await texts.getByLabel('Subject (invoice, French)').inputValue()).toBe('Facture {documentNumber} – {unitName}');
  await retype(page, 'Votre facture {documentNumber}, {custmerName}');

  // The other language shown when saving: the form goes back to the template in error.
  await texts.getByLabel('Language').focus();
  await kb.press('ArrowUp');
  await page.getByRole('button', { name: 'Save settings' }).press('Enter');
  await expect.poll(() => focusedName(page), SLOW).toBe('Subject (invoice, French)');
  expect(await shownText(texts.locator('.field__error'))).toMatch(/\{custmerName\}, which Order Desk cannot fill in/);
  // Nothing edited is stored (the first test's save stored {}: every text its default).
  expect(stored('mailTemplates') ?? {}).toEqual({});

  await retype(page, 'Votre facture {documentNumber}, {customerName}');
  await kb.press('Enter');
  await expect.poll(() => page.getByText('Settings saved.').count(), SLOW).toBe(1);
  expect(stored('mailTemplates')).toEqual({ invoice: { fr: { subject: 'Votre facture {documentNumber}, {customerName}', text: expect.stringContaining('Bonjour {customerName}') } } });
  expect(await shownText(texts.locator('.fieldset__hint'))).toContain('Edited: Invoice in French');
  await partShot(texts, 'mail-templates');

  // Back to the default: nothing stored any more.
  await tabTo(page, /^Reset to the default text$/);
  await kb.press('Enter');
  expect(await texts.getByLabel('Subject (invoice, French)').inputValue()).toBe('Facture {documentNumber} – {unitName}');
  await page.getByRole('button', { name: 'Save settings' }).press('Enter');
  await expect.poll(() => stored('mailTemplates'), SLOW).toEqual({});
  await page.close();
});
