/**
 * A mail server whose certificate no authority vouches for (self-signed, STARTTLS), by keyboard:
 * the test e-mail is refused showing the certificate's SHA-256 fingerprint; "Trust this
 * certificate…" asks first (the safe answer has the keyboard), then pins exactly that
 * fingerprint, and the next test e-mail is accepted.
 */
import crypto from 'node:crypto';
import selfsigned from 'selfsigned';
import { expect, it, vi } from 'vitest';
import { call } from '../support/test-db';
import { openScreen } from '../support/ui-session';
import { focusedName, shownText, tabTo } from './keyboard-support';
import { useMailUiSession } from './mail-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 20_000 };
let fingerprint = '';
const ui = useMailUiSession(60_000, { actor: 'Anna Keller' }, async () => {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'mail.unit.example' }], { keyType: 'ec', algorithm: 'sha256' });
  // Computed here from the certificate itself, not taken from what the app reports.
  fingerprint = new crypto.X509Certificate(pems.cert).fingerprint256;
  return { tls: { key: pems.private, cert: pems.cert } };
});

it('refuses a self-signed certificate showing its fingerprint, pins it once confirmed, then the test e-mail goes through', async () => {
  await call(ui.web.app, 'settings.set', { mail: { host: '127.0.0.1', port: ui.smtp.port, security: 'starttls', fromAddress: 'publications@unit.example' } });
  const page = await openScreen(ui, '#/settings');
  const kb = page.keyboard;
  await page.getByLabel('Send a test e-mail to').waitFor(SLOW);
  await page.getByLabel('Send a test e-mail to').focus();
  await kb.type('it@unit.example');
  await kb.press('Enter');

  const answer = page.getByTestId('mail-test-result');
  await expect.poll(() => shownText(answer), SLOW).toMatch(/^Not sent: .*certificate/);
  expect(await shownText(answer.locator('code'))).toBe(fingerprint);
  expect(ui.smtp.accepted).toHaveLength(0);

  await tabTo(page, /^Trust this certificate…$/);
  await kb.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Trust this certificate?' });
  await confirm.waitFor();
  expect(await shownText(confirm)).toContain(fingerprint);
  // Enter on the first answer would trust nothing: the keyboard starts on the safe one.
  expect(await focusedName(page)).toBe('Do not trust it');
  await kb.press('Tab');
  expect(await focusedName(page)).toBe('Trust this certificate');
  await kb.press('Enter');

  await expect.poll(() => shownText(answer), SLOW).toBe(`The certificate ${fingerprint} is trusted for this server from now on. Send the test again.`);
  const stored = JSON.parse(ui.web.app.db.prepare("SELECT value FROM settings WHERE key = 'mail'").pluck().get() as string) as { pinnedFingerprint: string };
  expect(stored.pinnedFingerprint).toBe(fingerprint);
  expect(await shownText(page.getByRole('group', { name: 'Trusted certificate' }))).toContain(fingerprint);

  await page.getByLabel('Send a test e-mail to').focus();
  await kb.press('Enter');
  await expect.poll(() => shownText(answer), SLOW).toMatch(/^Accepted by the server: 250 /);
  expect(ui.smtp.accepted).toHaveLength(1);

  // Nothing left unsaved: the pin was saved at once and the form took it in, so leaving asks nothing.
  await kb.press('Alt+0');
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
  expect(await page.getByRole('dialog', { name: 'Leave without saving?' }).count()).toBe(0);
  await page.close();
});
