import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openAppDatabase } from '../../electron/main/open-app-database';
import { describeStartupFailure } from '../../electron/main/startup-failure';
import { currentActor, desktopSessionUser } from '../../electron/main/actor';
import { createContext } from '../../db/context';
import { createInvoke } from '../../db/api/invoke';
import { databaseFile, pinUserDataDir, rendererDir, sqliteNativeBinding } from '../../electron/main/paths';
import { createBackup } from '../../db/backup';
import { openTestApp, tempDir } from '../support/test-db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function fakeUi() {
  return { showErrorBox: vi.fn(), quit: vi.fn() };
}

describe('starting with a database the app cannot use', () => {
  it('explains a database from a newer Order Desk in a dialog, quits, and leaves the file exactly as it was', () => {
    const file = path.join(tempDir(), 'order-desk.db');
    const newer = new Database(file);
    newer.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY); INSERT INTO orders VALUES (1);');
    newer.pragma('user_version = 999');
    newer.close();
    const before = sha(file);
    const ui = fakeUi();

    expect(openAppDatabase(file, {}, ui)).toBeNull();

    expect(ui.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = ui.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Order Desk needs an update');
    expect(message).toMatch(/newer version of Order Desk/);
    expect(message).toMatch(/has not been changed/);
    expect(ui.quit).toHaveBeenCalledOnce();
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('explains a damaged file, says where it is, and does not touch it', () => {
    const file = path.join(tempDir(), 'order-desk.db');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = sha(file);
    const ui = fakeUi();

    expect(openAppDatabase(file, {}, ui)).toBeNull();

    const [title, message] = ui.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Order Desk cannot open its database');
    expect(message).toMatch(/damaged/);
    expect(message).toContain(`The file is at:\n${file}`);
    expect(ui.quit).toHaveBeenCalledOnce();
    expect(sha(file)).toBe(before);
  });

  async function damagedWithBackup() {
    const file = path.join(tempDir(), 'order-desk.db');
    const app = openTestApp(file);
    await createBackup(app.ctx);
    app.close();
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.writeFileSync(file, crypto.randomBytes(8192));
    return { file, damaged: sha(file) };
  }

  it('offers the latest good backup for a damaged database, and changes nothing when the clerk declines', async () => {
    const { file, damaged } = await damagedWithBackup();
    const ui = { ...fakeUi(), confirmRestore: vi.fn(() => false), showInfo: vi.fn() };

    expect(openAppDatabase(file, {}, ui)).toBeNull();

    expect(ui.confirmRestore).toHaveBeenCalledWith(expect.objectContaining({ message: 'Restore the latest good backup?', detail: expect.stringMatching(/nothing is deleted/) }));
    expect(ui.showErrorBox).toHaveBeenCalledOnce();
    expect(ui.quit).toHaveBeenCalledOnce();
    expect(sha(file)).toBe(damaged);
  });

  it('restores the latest good backup when the clerk agrees, keeping the damaged file beside it', async () => {
    const { file, damaged } = await damagedWithBackup();
    const ui = { ...fakeUi(), confirmRestore: vi.fn(() => true), showInfo: vi.fn() };

    const db = openAppDatabase(file, {}, ui);

    expect(db).not.toBeNull();
    expect(ui.showErrorBox).not.toHaveBeenCalled();
    expect(ui.quit).not.toHaveBeenCalled();
    const [message, detail] = ui.showInfo.mock.calls[0]!;
    expect(message).toBe('The backup was restored.');
    const damagedCopy = /kept as (.+)\.$/.exec(detail)![1]!;
    expect(sha(damagedCopy)).toBe(damaged);
    db!.close();
  });

  it('does not offer a restore when there is no backup to restore', () => {
    const file = path.join(tempDir(), 'order-desk.db');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const ui = { ...fakeUi(), confirmRestore: vi.fn(() => true) };
    expect(openAppDatabase(file, {}, ui)).toBeNull();
    expect(ui.confirmRestore).not.toHaveBeenCalled();
    expect(ui.quit).toHaveBeenCalledOnce();
  });

  it('tells developers how to fix a database engine built for the wrong runtime', () => {
    const failure = describeStartupFailure(
      new Error('The module better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version requires NODE_MODULE_VERSION 140.'),
      '/x/order-desk.db',
    );
    expect(failure.message).toMatch(/npm start/);
  });

  it('creates the folder and opens a fresh database on first run', () => {
    const file = path.join(tempDir(), 'Order Desk', 'order-desk.db');
    const ui = fakeUi();
    const db = openAppDatabase(file, {}, ui);
    expect(db).not.toBeNull();
    expect(ui.showErrorBox).not.toHaveBeenCalled();
    db!.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('where the app keeps its files', () => {
  it('pins userData to the folder browser mode uses and puts order-desk.db in it', () => {
    const paths: Record<string, string> = { appData: '/home/clerk/.config' };
    const app = {
      getPath: (name: 'appData' | 'userData') => paths[name]!,
      setPath: (name: 'userData', value: string) => void (paths[name] = value),
      getAppPath: () => '/opt/order-desk/resources/app.asar',
      isPackaged: true,
      commandLine: { getSwitchValue: () => '' },
    };
    expect(pinUserDataDir(app)).toBe(path.join('/home/clerk/.config', 'Order Desk'));
    expect(databaseFile(app)).toBe(path.join('/home/clerk/.config', 'Order Desk', 'order-desk.db'));
    expect(rendererDir(app)).toBe(path.join('/opt/order-desk/resources/app.asar', 'dist', 'renderer'));
  });

  it('runs on the folder --user-data-dir names instead, made absolute (a training desk, the smoke test)', () => {
    const paths: Record<string, string> = { appData: '/home/clerk/.config' };
    const switches: Record<string, string> = { 'user-data-dir': 'training-desk' };
    const app = {
      getPath: (name: 'appData' | 'userData') => paths[name]!,
      setPath: (name: 'userData', value: string) => void (paths[name] = value),
      commandLine: { getSwitchValue: (name: string) => switches[name] ?? '' },
    };
    expect(pinUserDataDir(app)).toBe(path.resolve('training-desk'));
    expect(databaseFile(app)).toBe(path.join(path.resolve('training-desk'), 'order-desk.db'));
  });

  it('uses the .native Electron build of SQLite in development only, and only when it exists', () => {
    const dev = { getAppPath: () => '/src/order-desk', isPackaged: false };
    const expected = path.join('/src/order-desk', '.native', 'electron-39.5.0-x64', 'better_sqlite3.node');
    expect(sqliteNativeBinding(dev, '39.5.0', 'x64', (f) => f === expected)).toBe(expected);
    expect(sqliteNativeBinding(dev, '39.5.0', 'x64', () => false)).toBeUndefined();
    expect(sqliteNativeBinding({ ...dev, isPackaged: true }, '39.5.0', 'x64', () => true)).toBeUndefined();
  });

  it('records the operating-system account as the actor, with fallbacks', () => {
    expect(currentActor({}, () => ({ username: 'mdupont' }))).toBe('mdupont');
    const noRecord = () => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    };
    expect(currentActor({ USERNAME: 'jsmith' }, noRecord)).toBe('jsmith');
    expect(currentActor({}, noRecord)).toBe('unknown');
  });

  it('asks who is working at start, under the operating-system account until a staff name is confirmed', async () => {
    const app = openTestApp();
    const invoke = createInvoke(createContext(app.db, desktopSessionUser({}, () => ({ username: 'mdupont' }))));
    expect(await invoke('session.get', {})).toEqual({ ok: true, value: { user: 'mdupont', askUser: true } });
    expect(await invoke('session.setUser', { name: 'Marie Dupont' })).toEqual({ ok: true, value: { user: 'Marie Dupont', askUser: false } });
    await invoke('settings.set', { locale: 'fr-CH' });
    const last = app.db.prepare('SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ actor: 'Marie Dupont' });
    app.close();
  });
});
