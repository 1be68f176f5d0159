/**
 * The mail password: where each mode reads it from, what mail.setPassword does in each, and,
 * after sending with it (and failing with a wrong one), the password is nowhere Order Desk
 * writes: not in the database or its WAL, not in a backup, not in the log, not in an answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, tempDir } from '../support/test-db';
import { issuedInvoice, openMailDesk, settled, setUpMail, startSmtpServer, type MailDesk } from '../support/mail';
import { commandLinePasswordStore, PASSWORD_ENV } from '../../db/mail/password-store';
import { safeStoragePasswordStore, type PasswordSafe } from '../../electron/main/mail-password';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const close of closing.splice(0).reverse()) await close();
});

/** Electron's safeStorage as the operating system would do it: real encryption with a key the file never holds. */
function fakeSafeStorage(): PasswordSafe {
  const key = crypto.randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString(text) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('browser mode: the password from --smtp-password-file or the environment', () => {
  it('reads the first line of the file, else the variable; mail.setPassword says where it comes from', async () => {
    const file = path.join(tempDir('order-desk-pw-'), 'smtp-password');
    fs.writeFileSync(file, 'Tr0ub4dor&3\n');
    const fromFile = commandLinePasswordStore({ file, env: { [PASSWORD_ENV]: 'from-env' } });
    expect(fromFile.read()).toBe('Tr0ub4dor&3');
    expect(commandLinePasswordStore({ env: { [PASSWORD_ENV]: 'from-env' } }).read()).toBe('from-env');
    expect(commandLinePasswordStore({ env: {} }).isSet()).toBe(false);

    const desk = openMailDesk({ passwords: fromFile, sender: false });
    closing.push(() => desk.close());
    const refused = await desk.app.invoke('mail.setPassword', { password: 'new' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'password', message: expect.stringContaining(`--smtp-password-file (${file})`) } });
    expect(fs.readFileSync(file, 'utf8')).toBe('Tr0ub4dor&3\n');
    expect((await call(desk.app, 'settings.get', {})).settings.mail).toMatchObject({ passwordSet: true, passwordSource: 'file' });
  });

  it('says in settings.mail where the password comes from: the file, the environment, or none', async () => {
    const file = path.join(tempDir('order-desk-pw-'), 'smtp-password');
    fs.writeFileSync(file, '\n');
    const sourceWith = async (passwords: ReturnType<typeof commandLinePasswordStore>) => {
      const desk = openMailDesk({ passwords, sender: false });
      closing.push(() => desk.close());
      return (await call(desk.app, 'settings.get', {})).settings.mail as { passwordSet: boolean; passwordSource: string };
    };
    // A file with an empty first line holds no password; once it has one, it is read from there (the variable is not looked at).
    const fromFile = commandLinePasswordStore({ file, env: { [PASSWORD_ENV]: 'from-env' } });
    expect(await sourceWith(fromFile)).toEqual(expect.objectContaining({ passwordSet: false, passwordSource: 'none' }));
    fs.writeFileSync(file, 'Tr0ub4dor&3\n');
    expect(await sourceWith(fromFile)).toEqual(expect.objectContaining({ passwordSet: true, passwordSource: 'file' }));
    expect(await sourceWith(commandLinePasswordStore({ env: { [PASSWORD_ENV]: 'from-env' } }))).toEqual(expect.objectContaining({ passwordSet: true, passwordSource: 'environment' }));
    expect(await sourceWith(commandLinePasswordStore({ env: {} }))).toEqual(expect.objectContaining({ passwordSet: false, passwordSource: 'none' }));
  });
});

describe('the desktop app: the password under safeStorage', () => {
  it('is kept encrypted in the user-data folder, read back, and forgotten with an empty one', () => {
    const dir = tempDir('order-desk-userdata-');
    const store = safeStoragePasswordStore(fakeSafeStorage(), dir);
    expect(store.isSet()).toBe(false);
    store.write('correct horse battery staple');
    const file = path.join(dir, 'smtp-password.bin');
    expect(fs.readFileSync(file).includes(Buffer.from('correct horse'))).toBe(false);
    expect(store.read()).toBe('correct horse battery staple');
    store.write('');
    expect(store.isSet()).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('as the clerk sets it: none, a send refused naming the password, then saved, said as saved, and the test e-mail accepted', async () => {
    const server = await startSmtpServer({ auth: { user: 'desk@unit.example', password: 'correct horse' } });
    closing.push(() => server.close());
    const desk = openMailDesk({ passwords: safeStoragePasswordStore(fakeSafeStorage(), tempDir('order-desk-userdata-')) });
    closing.push(() => desk.close());
    const { app } = desk;
    await setUpMail(app, server.port, { user: 'desk@unit.example' });
    expect((await call(app, 'settings.get', {})).settings.mail).toMatchObject({ passwordSet: false, passwordSource: 'none' });
    expect(await call(app, 'mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: false, code: 'no_password', message: expect.stringMatching(/^No mail password is set, and the mail server asks for the user name desk@unit\.example/) });
    const invoice = await issuedInvoice(app);
    expect(await app.invoke('mail.send', { documentId: invoice.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'password', message: 'No mail password is set, and the mail server asks for the user name desk@unit.example: nothing can be e-mailed until one is. Enter it in Settings → E-mail.' },
    });
    expect(await call(app, 'mail.outbox', {})).toMatchObject({ total: 0 });

    expect(await call(app, 'mail.setPassword', { password: 'correct horse' })).toEqual({ passwordSet: true });
    expect((await call(app, 'settings.get', {})).settings.mail).toMatchObject({ passwordSet: true, passwordSource: 'saved' });
    expect(await call(app, 'mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: true, response: expect.stringMatching(/^250 /) });
    expect(server.logins).toEqual([{ user: 'desk@unit.example', password: 'correct horse' }]);

    // Forgotten: none again, and said so.
    expect(await call(app, 'mail.setPassword', { password: '' })).toEqual({ passwordSet: false });
    expect((await call(app, 'settings.get', {})).settings.mail).toMatchObject({ passwordSet: false, passwordSource: 'none' });
  }, 60_000);

  it('refuses to keep it where the system offers no protection, saying so', () => {
    const unprotected = { ...fakeSafeStorage(), isEncryptionAvailable: () => false };
    const store = safeStoragePasswordStore(unprotected, tempDir('order-desk-userdata-'));
    expect(() => store.write('secret')).toThrow(/no protected storage/);
    expect(store.isSet()).toBe(false);
  });
});

describe('after sending with the password', () => {
  it('it is found nowhere Order Desk writes: database, WAL, backups, log, answers', async () => {
    const PASSWORD = `pw-${crypto.randomBytes(9).toString('hex')}-Zürich`;
    const server = await startSmtpServer({ auth: { user: 'desk@unit.example', password: PASSWORD } });
    closing.push(() => server.close());
    const userData = tempDir('order-desk-userdata-');
    const logLines: string[] = [];
    for (const level of ['log', 'warn', 'error', 'info'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logLines.push(args.map(String).join(' ')));
    }
    const desk: MailDesk = openMailDesk({ passwords: safeStoragePasswordStore(fakeSafeStorage(), userData) });
    closing.push(() => desk.close());
    const { app } = desk;
    await setUpMail(app, server.port, { user: 'desk@unit.example' });
    const answers: unknown[] = [];
    const ask = async (method: string, input: unknown) => {
      const result = await app.invoke(method, input);
      answers.push(result);
      return result;
    };

    // Wrong first: the refusal and its reason are stored and logged nowhere with the password.
    expect(await ask('mail.setPassword', { password: `${PASSWORD}-wrong` })).toMatchObject({ ok: true, value: { passwordSet: true } });
    const wrong = await ask('mail.test', { to: 'it@unit.example' });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, code: 'auth' } });
    const invoice = await issuedInvoice(app);
    const refused = (await ask('mail.send', { documentId: invoice.id })) as { value: { mail: { id: number } } };
    await settled(app, refused.value.mail.id);

    expect(await ask('mail.setPassword', { password: PASSWORD })).toMatchObject({ ok: true });
    expect(await ask('mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: true, value: { ok: true } });
    await ask('mail.retry', { id: refused.value.mail.id });
    expect(await settled(app, refused.value.mail.id)).toMatchObject({ status: 'accepted' });
    // The server really was given it: the search below is for something that went out.
    expect(server.logins.map((l) => l.password)).toContain(PASSWORD);

    await ask('settings.get', {});
    await ask('mail.outbox', {});
    await ask('backups.create', {});
    fs.writeFileSync(path.join(userData, 'main.log'), [...logLines, ...desk.logged].join('\n'));

    const secretForms = [PASSWORD, Buffer.from(PASSWORD).toString('base64'), Buffer.from(`\u0000desk@unit.example\u0000${PASSWORD}`).toString('base64')];
    const files = [app.file, `${app.file}-wal`, ...fs.readdirSync(path.join(path.dirname(app.file), 'backups')).map((f) => path.join(path.dirname(app.file), 'backups', f)), path.join(userData, 'main.log')];
    expect(fs.existsSync(`${app.file}-wal`)).toBe(true);
    expect(files.some((f) => f.includes('backups') && f.endsWith('.db'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of secretForms) {
        for (const encoding of ['utf8', 'utf16le'] as const) expect(bytes.includes(Buffer.from(secret, encoding)), `${secret} in ${file}`).toBe(false);
      }
    }
    expect(JSON.stringify(answers)).not.toContain(PASSWORD);
  }, 60_000);
});
