/**
 * The mail password as a clerk meets it in browser mode, against a loopback SMTP server that asks
 * for a user name and password: with none there, Settings → E-mail says "not set: mails cannot be
 * sent", Home and the send dialog say no e-mail can go out, the test e-mail and a send are refused
 * with that sentence and nothing reaches the outbox. Once the password is in the file given with
 * --smtp-password-file, Settings says it is read from there and the test e-mail is accepted.
 * (mail.setPassword is the desktop app's: browser mode refuses it; the desktop flow, with Electron's
 * safeStorage faked, is in tests/db/mail-password.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { unitDay } from '../support/unit-day';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call, tempDir } from '../support/test-db';
import { openScreen } from '../support/ui-session';
import { commandLinePasswordStore } from '../../db/mail/password-store';
import { focusedName, shownText, tabTo } from './keyboard-support';
import { partShot, useMailUiSession } from './mail-support';

vi.setConfig({ testTimeout: 240_000 });
const SLOW = { timeout: 30_000 };
const FIRST_RENDER = { timeout: 90_000 };
const USER = 'desk@unit.example';
const PASSWORD = 'c0rrect-h0rse-Genève';
// As `npm run web -- --smtp-password-file FILE` is started: the file exists, its first line is the password (none yet).
const passwordFile = path.join(tempDir('order-desk-smtp-password-'), 'smtp-password');
fs.writeFileSync(passwordFile, '');
const ui = useMailUiSession(120_000, { actor: 'Anna Keller' }, { auth: { user: USER, password: PASSWORD } }, { passwords: () => commandLinePasswordStore({ file: passwordFile, env: {} }) });

const NO_PASSWORD = `No mail password is set, and the mail server asks for the user name ${USER}: nothing can be e-mailed until one is.`;

it('says no password is set wherever mails are sent, refuses the test e-mail and a send, then, with the password in its file, says where it is read and the test e-mail is accepted', async () => {
  await call(ui.web.app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    mail: { host: '127.0.0.1', port: ui.smtp.port, security: 'none', user: USER, fromAddress: 'publications@unit.example', fromName: 'Publications Unit' },
  });
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: 'Bibliothèque de Genève', country: 'CH', city: 'Genève', postalCode: '1205', email: 'achats@bge.example', address: 'Promenade des Bastions 1' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: unitDay(),
    paymentMethod: 'bank_transfer',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '45.00' }],
  });
  const { invoice } = await call(ui.web.app, 'invoices.issue', { orderId: order.id });

  // Settings → E-mail: where the password would come from, and that without it nothing goes out.
  const page = await openScreen(ui, '#/settings');
  const mail = page.locator('fieldset.mail-settings');
  await mail.waitFor(SLOW);
  expect(await shownText(page.getByTestId('mail-password-now'))).toBe('Password: not set: mails cannot be sent');
  expect(await shownText(page.getByTestId('mail-password-source'))).toMatch(/reads it from the file named by --smtp-password-file .* ORDER_DESK_SMTP_PASSWORD/);
  expect(await mail.locator('input[type="password"]').count()).toBe(0);
  await partShot(mail, 'mail-password-none');

  // The test e-mail is refused, in the same words, before any server is asked.
  await tabTo(page, /^Send a test e-mail to/);
  await page.keyboard.type('it@unit.example');
  await page.keyboard.press('Enter');
  const answer = page.getByTestId('mail-test-result');
  await expect.poll(() => shownText(answer), SLOW).toContain(`Not sent: ${NO_PASSWORD}`);
  expect(await shownText(answer)).toContain(`Order Desk reads it from the file named by --smtp-password-file (${passwordFile}): none is there.`);
  expect(ui.smtp.logins).toEqual([]);

  // Home says it before anyone tries to send.
  await page.keyboard.press('Alt+0');
  const warning = page.getByTestId('no-mail-password');
  await warning.waitFor(SLOW);
  expect(await shownText(warning)).toBe(
    `No mail password is set, and the mail server asks for the user name ${USER}: no e-mail can be sent until one is. In browser mode it is read from the file given with --smtp-password-file, or else the ORDER_DESK_SMTP_PASSWORD environment variable: put it there and start Order Desk again. Open Settings → E-mail`,
  );

  // The send dialog says it too; Send is refused with it, and nothing is queued.
  await openScreen(ui, `#/invoice/${invoice.id}`, page);
  await page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` }).waitFor(SLOW);
  await page.keyboard.press('Alt+E');
  const dialog = page.getByRole('dialog', { name: `E-mail invoice ${invoice.number}` });
  await expect.poll(() => dialog.getByLabel('To').inputValue(), FIRST_RENDER).toBe('achats@bge.example');
  const problems = dialog.locator('.mail-dialog__problems');
  expect(await shownText(problems)).toContain(NO_PASSWORD);
  await screenshot(page, 'mail-dialog-no-password');
  await expect.poll(() => focusedName(page)).toBe('To');
  ui.expectRefusal({ status: 400, path: '/api/mail.send' });
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(dialog.getByRole('alert')), SLOW).toContain(NO_PASSWORD);
  expect((await call(ui.web.app, 'mail.outbox', {})).total).toBe(0);
  await page.keyboard.press('Escape');

  // The password put in its file (as whoever starts Order Desk does): read from there, said so, and the server takes the test e-mail.
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`);
  await openScreen(ui, '#/settings', page);
  await mail.waitFor(SLOW);
  expect(await shownText(page.getByTestId('mail-password-now'))).toBe('Password: read from the file given with --smtp-password-file');
  await tabTo(page, /^Send a test e-mail to/);
  await page.keyboard.type('it@unit.example');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(answer), SLOW).toMatch(/^Accepted by the server: 250 /);
  expect(ui.smtp.logins).toEqual([{ user: USER, password: PASSWORD }]);
  expect(ui.smtp.accepted.map((m) => m.envelopeTo)).toEqual([['it@unit.example']]);
  await partShot(mail, 'mail-password-file');
  await screenshot(page, 'mail-password-settings');

  // Home no longer warns.
  await page.keyboard.press('Alt+0');
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
  await expect.poll(() => page.getByTestId('no-mail-password').count(), SLOW).toBe(0);
  await page.close();
});
