import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolderProblem } from '../../db/backup';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the backup folder a clerk gives', () => {
  it('is refused by Settings exactly when the folder check refuses it: a full path of this system, or empty', async () => {
    app = openTestApp(path.join(tempDir(), 'order-desk.db'));
    const windowsPath = process.platform === 'win32' ? 'relative\\dir' : 'C:\\Backups\\Order Desk';
    for (const folder of ['relative/dir', '~/backups', './backups', windowsPath]) {
      const checked = await call(app, 'backups.checkFolder', { folder });
      expect(checked).toMatchObject({ ok: false, problem: expect.stringMatching(/^Backup folder must be a full path on this computer/) });
      const saved = await app.invoke('settings.set', { backup: { keep: 14, folder } });
      expect(saved).toEqual({ ok: false, error: { code: 'invalid_input', field: 'backup.folder', message: checked.problem } });
    }
    expect((await call(app, 'settings.get', {})).settings.backup).toEqual({ keep: 14, folder: '' });

    const full = path.join(tempDir(), 'Order Desk backups');
    expect(await call(app, 'backups.checkFolder', { folder: full })).toEqual({ folder: full, ok: true });
    expect((await call(app, 'settings.set', { backup: { keep: 7, folder: full } })).settings.backup).toEqual({ keep: 7, folder: full });
    expect((await call(app, 'backups.list', {})).folder).toBe(full);
    expect((await call(app, 'settings.set', { backup: { keep: 7, folder: '' } })).settings.backup.folder).toBe('');
  });

  it('on Windows is a drive path or a network share; elsewhere it starts at the root', () => {
    for (const folder of ['D:\\Backups\\Order Desk', 'd:/backups', '\\\\server\\share\\Order Desk', '']) expect(backupFolderProblem(folder, 'win32')).toBeNull();
    for (const folder of ['\\Backups', 'Backups', 'D:Backups', '/srv/backups', '~\\Backups']) {
      expect(backupFolderProblem(folder, 'win32')).toMatch(/such as D:\\Backups\\Order Desk or \\\\server\\share\\Order Desk/);
    }
    expect(backupFolderProblem('/srv/backups', 'linux')).toBeNull();
    expect(backupFolderProblem('/Volumes/Backups', 'darwin')).toBeNull();
    for (const folder of ['C:\\Backups', '~/backups', 'backups', '\\\\server\\share']) expect(backupFolderProblem(folder, 'linux')).toMatch(/such as \/srv\/backups\/order-desk/);
  });
});
