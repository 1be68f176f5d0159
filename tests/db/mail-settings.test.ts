/** Settings → E-mail: the server, its rules, the templates; the password is never a setting. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { attachMail, createMailRuntime } from '../../db/mail/runtime';
import { memoryPasswordStore } from '../../db/mail/password-store';
import { DEFAULT_MAIL_TEMPLATES } from '../../shared/mail/templates';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function app(): TestApp {
  const opened = openTestApp();
  apps.push(opened);
  return opened;
}

const server = { host: 'mail.example.org', port: 587, security: 'starttls', user: 'desk', fromAddress: 'publications@example.org', fromName: 'Publications' };

describe('settings.mail', () => {
  it('starts empty, is saved field by field, and says only whether a password is kept and where from', async () => {
    const desk = app();
    expect((await call(desk, 'settings.get', {})).settings.mail).toEqual({
      host: '', port: 587, security: 'starttls', user: '', fromAddress: '', fromName: '', replyTo: '', copyTo: '', pinnedFingerprint: '', passwordSet: false, passwordSource: 'none',
    });
    await call(desk, 'settings.set', { mail: server });
    const { settings } = await call(desk, 'settings.set', { mail: { copyTo: 'archive@example.org' } });
    expect(settings.mail).toMatchObject({ ...server, copyTo: 'archive@example.org', passwordSet: false, passwordSource: 'none' });

    const passwords = memoryPasswordStore('s3cret-Pa55');
    attachMail(desk.ctx, createMailRuntime({ passwords, transport: { send: async () => ({ ok: true, response: '250', messageId: '' }), close: async () => undefined } }));
    const answered = JSON.stringify(await call(desk, 'settings.get', {}));
    expect(answered).toContain('"passwordSet":true');
    expect(answered).toContain('"passwordSource":"saved"');
    expect(answered).not.toContain('s3cret-Pa55');
  });

  it('ignores the read-only passwordSet and passwordSource when a form sends the answer back, storing neither', async () => {
    const desk = app();
    const sentBack = { ...(await call(desk, 'settings.get', {})).settings.mail, ...server, passwordSet: true, passwordSource: 'file' };
    const { settings } = await call(desk, 'settings.set', { mail: sentBack });
    expect(settings.mail).toMatchObject({ ...server, passwordSet: false, passwordSource: 'none' });
    const stored = desk.db.prepare("SELECT value FROM settings WHERE key = 'mail'").pluck().get() as string;
    expect(stored).not.toMatch(/passwordSet|passwordSource/);
  });

  it('refuses a password sent as a setting, naming the field and where it belongs', async () => {
    const result = await app().invoke('settings.set', { mail: { ...server, password: 'hunter2' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mail.password', message: expect.stringContaining('mail.setPassword') } });
  });

  it('allows security "none" only for a server on this computer', async () => {
    const desk = app();
    const refused = await desk.invoke('settings.set', { mail: { ...server, security: 'none', port: 25 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mail.security', message: expect.stringContaining('mail.example.org') } });
    for (const host of ['localhost', '127.0.0.1', '::1']) {
      expect(await desk.invoke('settings.set', { mail: { ...server, host, security: 'none', port: 2525 } })).toMatchObject({ ok: true });
    }
  });

  it('names the field of every bad value (4xx, never 500)', async () => {
    const desk = app();
    const cases: Array<[unknown, string]> = [
      [{ host: 'mail example.org' }, 'mail.host'],
      [{ port: 0 }, 'mail.port'],
      [{ port: '587' }, 'mail.port'],
      [{ security: 'ssl' }, 'mail.security'],
      [{ fromAddress: 'publications' }, 'mail.fromAddress'],
      [{ replyTo: 'x@' }, 'mail.replyTo'],
      [{ copyTo: 'not an address' }, 'mail.copyTo'],
      [{ pinnedFingerprint: 'AB:CD' }, 'mail.pinnedFingerprint'],
      [{ host: 'mail.example.org', fromAddress: '' }, 'mail.fromAddress'],
      ['smtp://mail.example.org', 'mail'],
    ];
    for (const [mail, field] of cases) {
      const result = await desk.invoke('settings.set', { mail });
      expect(result, JSON.stringify(mail)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
  });

  it('keeps a pinned fingerprint for its server only: a new host or port drops it', async () => {
    const desk = app();
    const fingerprint = 'ab'.repeat(32);
    const pinned = (await call(desk, 'settings.set', { mail: { ...server, pinnedFingerprint: fingerprint } })).settings.mail.pinnedFingerprint;
    expect(pinned).toBe(Array(32).fill('AB').join(':'));
    expect((await call(desk, 'settings.set', { mail: { fromName: 'Unit' } })).settings.mail.pinnedFingerprint).toBe(pinned);
    expect((await call(desk, 'settings.set', { mail: { port: 465, security: 'tls' } })).settings.mail.pinnedFingerprint).toBe('');
  });
});

describe('settings.mailTemplates', () => {
  it('has a default per kind and language, and stores the ones edited over them', async () => {
    const desk = app();
    const before = (await call(desk, 'settings.get', {})).settings.mailTemplates;
    expect(before).toEqual(DEFAULT_MAIL_TEMPLATES);
    const french = { subject: 'Votre facture {documentNumber}', text: 'Bonjour {customerName},\n\nci-joint {documentNumber} ({amount}).' };
    const { settings } = await call(desk, 'settings.set', { mailTemplates: { invoice: { fr: french } } });
    expect(settings.mailTemplates.invoice.fr).toEqual(french);
    expect(settings.mailTemplates.invoice.en).toEqual(DEFAULT_MAIL_TEMPLATES.invoice.en);
    expect(settings.mailTemplates.reminder).toEqual(DEFAULT_MAIL_TEMPLATES.reminder);
  });

  it('refuses a placeholder it cannot fill, naming the template', async () => {
    const result = await app().invoke('settings.set', { mailTemplates: { credit_note: { es: { subject: 'Nota {documentNumber}', text: 'Hola {custmerName}' } } } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'mailTemplates.credit_note.es.text', message: expect.stringContaining('{custmerName}') },
    });
  });
});
