import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke } from '../../db/api/invoke';
import { createBackup, findLatestGoodBackup, recoverFromLatestBackup, startBackupSchedule, DAY_MS } from '../../db/backup';
import { LATEST_VERSION } from '../../db/migrations';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

const failures = vi.hoisted(() => ({ nextCheck: false }));
// The copy is checked in the backup worker thread, out of reach of module mocks: the failed check is simulated on its answer.
vi.mock('../../db/backup/worker-client', async (original) => {
  const real = await original<typeof import('../../db/backup/worker-client')>();
  return {
    ...real,
    copyAndCheckInWorker: async (source: string, target: string) => {
      const outcome = await real.copyAndCheckInWorker(source, target);
      if (!failures.nextCheck || !outcome.copied) return outcome;
      failures.nextCheck = false;
      return { copied: true, check: { ok: false, problem: 'it is damaged (simulated)' } };
    },
  };
});

let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

/** An app whose clock the test moves, so each backup gets its own time. */
function openClockedApp(start = '2026-11-20T10:00:00Z') {
  let now = new Date(start);
  const app = openTestApp(path.join(tempDir(), 'order-desk.db'), () => now);
  apps.push(app);
  return { app, tick: (ms = 60_000) => (now = new Date(now.getTime() + ms)) };
}

const order = (i: number) => ({
  customer: { name: `Customer ${i}`, country: 'CH', email: `c${i}@example.ch` },
  currency: 'CHF',
  receivedVia: 'mail',
  receivedOn: '2026-11-20',
  lines: [
    { title: `Report ${i}`, quantity: (i % 7) + 1, unitPrice: '19.99', discountPercent: '15' },
    { title: 'Atlas', quantity: 3, unitPrice: '0.35' },
  ],
});

const backupsOf = (app: TestApp) => path.join(path.dirname(app.file), 'backups');

describe('backups', () => {
  it('makes a consistent, verified copy while orders are being written from another connection', async () => {
    const { app } = openClockedApp();
    for (let i = 0; i < 400; i++) await call(app, 'orders.create', order(i));

    // A second connection, as a second window or process would have, keeps writing during the backup.
    const writerDb = openDatabase(app.file);
    const writer = createInvoke(createContext(writerDb, 'writer', () => new Date()));
    let written = 0;
    let backupDone = false;
    const writing = (async () => {
      while (!backupDone && written < 60) {
        const result = await writer('orders.create', order(1000 + written));
        expect(result.ok).toBe(true);
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const created = await createBackup(app.ctx).finally(() => (backupDone = true));
    await writing;
    writerDb.close();
    expect(written).toBeGreaterThan(0);

    expect(created.backup).toMatchObject({ verified: true, schemaVersion: LATEST_VERSION });
    const copy = new Database(path.join(backupsOf(app), created.backup.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const orders = (copy.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    expect(orders).toBeGreaterThanOrEqual(400);
    expect(orders).toBeLessThanOrEqual(400 + written);
    // Every order in the copy has all its lines: its stored total is the sum of its lines.
    const mismatched = copy
      .prepare('SELECT o.id FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id GROUP BY o.id HAVING count(l.id) <> 2 OR o.total_minor <> sum(l.line_total_minor)')
      .all();
    expect(mismatched).toEqual([]);
    expect(created.backup.counts?.orders).toBe(orders);
    copy.close();
  });

  it('restores a backup: the data is as it was at backup time, the data before the restore is kept as a copy', async () => {
    const { app, tick } = openClockedApp();
    await call(app, 'orders.create', order(1));
    const atBackup = await call(app, 'orders.list', {});
    const { backup } = await call(app, 'backups.create', {});
    tick();
    await call(app, 'orders.create', order(2));
    await call(app, 'settings.set', { defaultCurrency: 'USD' });
    expect((await call(app, 'orders.list', {})).rows).toHaveLength(2);

    tick();
    const restored = await call(app, 'backups.restore', { name: backup.name });
    // The same invoke keeps working, now on the restored data.
    expect(await call(app, 'orders.list', {})).toEqual(atBackup);
    expect((await call(app, 'settings.get', {})).settings.defaultCurrency).toBe('CHF');
    expect(path.basename(restored.preRestoreCopy)).toBe('order-desk.before-restore-2026-11-20T100200Z.db');

    const before = new Database(restored.preRestoreCopy, { readonly: true });
    expect(before.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 2 });
    before.close();
    expect(app.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'database'").all()).toEqual([{ action: 'restore' }]);

    // And it is the file on disk: a restart sees the restored data too.
    app.ctx.db.close();
    const reopened = openTestApp(app.file);
    apps.push(reopened);
    expect(await call(reopened, 'orders.list', {})).toEqual(atBackup);
  });

  it('refuses to restore a backup from a newer version, changing nothing', async () => {
    const { app } = openClockedApp();
    const { backup } = await call(app, 'backups.create', {});
    const file = path.join(backupsOf(app), backup.name);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const result = await app.invoke('backups.restore', { name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'database_too_new', message: expect.stringMatching(/newer version of Order Desk.*Nothing was changed/) } });
    expect(fs.readdirSync(path.dirname(app.file)).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(await app.invoke('backups.restore', { name: '../order-desk.db' })).toMatchObject({ ok: false, error: { field: 'name' } });
  });

  it('does not restore while a backup is being written, nor start a second backup at the same time', async () => {
    const { app } = openClockedApp();
    const { backup } = await call(app, 'backups.create', {});
    const writing = createBackup(app.ctx);
    expect(await app.invoke('backups.restore', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/backup is being written.*nothing was changed/) } });
    expect(await app.invoke('backups.create', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await writing;
    expect(await app.invoke('backups.restore', { name: backup.name })).toMatchObject({ ok: true });
  });

  it('keeps only the configured number of verified backups, leaving other files in the folder alone', async () => {
    const { app, tick } = openClockedApp();
    await call(app, 'settings.set', { backup: { keep: 3, folder: '' } });
    const folder = backupsOf(app);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    fs.copyFileSync(app.file, path.join(folder, 'order-desk-backup-2020-01-01T000000Z.db')); // copied in by hand: not verified

    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      names.push((await call(app, 'backups.create', {})).backup.name);
      tick(DAY_MS);
    }
    const list = await call(app, 'backups.list', {});
    expect(list.folder).toBe(folder);
    expect(list.backups.filter((b: { verified: boolean }) => b.verified).map((b: { name: string }) => b.name)).toEqual(names.slice(2).reverse());
    expect(fs.existsSync(path.join(folder, 'notes.txt'))).toBe(true);
    expect(list.backups.at(-1)).toMatchObject({ name: 'order-desk-backup-2020-01-01T000000Z.db', verified: false });
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.json'))).toHaveLength(3);
    // The pruned files are gone by the time the backup is reported, not just out of the list.
    for (const pruned of names.slice(0, 2)) expect(fs.readdirSync(folder).filter((f) => f.startsWith(pruned))).toEqual([]);
  });

  it('removes an old backup a stopped app left half-removed, at the next backup', async () => {
    const { app } = openClockedApp();
    const folder = backupsOf(app);
    fs.mkdirSync(folder, { recursive: true });
    const leftover = path.join(folder, 'order-desk-backup-2020-01-01T000000Z.db.removing');
    fs.copyFileSync(app.file, leftover);
    fs.writeFileSync(path.join(folder, 'report.db.removing'), 'not ours');
    const { backup } = await call(app, 'backups.create', {});
    expect(fs.readdirSync(folder).sort()).toEqual([backup.name, `${backup.name}.json`, 'report.db.removing']);
  });

  it('writes to the folder from settings, and reports a copy that fails its check, removing it and keeping the others', async () => {
    const { app, tick } = openClockedApp();
    const folder = path.join(tempDir(), 'elsewhere');
    await call(app, 'settings.set', { backup: { keep: 5, folder } });
    const first = await call(app, 'backups.create', {});
    expect(fs.existsSync(path.join(folder, first.backup.name))).toBe(true);
    tick();
    failures.nextCheck = true;
    const failed = await app.invoke('backups.create', {});
    expect(failed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/failed its check \(it is damaged \(simulated\)\), so it was removed\. Earlier backups are kept/) } });
    expect(fs.readdirSync(folder).sort()).toEqual([first.backup.name, `${first.backup.name}.json`]);
  });

  it('tells whether a backup folder can be used before it is saved', async () => {
    const { app } = openClockedApp();
    expect(await call(app, 'backups.checkFolder', { folder: '' })).toEqual({ folder: backupsOf(app), ok: true });
    const fresh = path.join(tempDir(), 'new', 'deeper');
    expect(await call(app, 'backups.checkFolder', { folder: fresh })).toEqual({ folder: fresh, ok: true });
    expect(fs.readdirSync(fresh)).toEqual([]);
    expect(await call(app, 'backups.checkFolder', { folder: 'backups' })).toMatchObject({ ok: false, problem: expect.stringMatching(/must be a full path/) });
    const aFile = path.join(tempDir(), 'a-file');
    fs.writeFileSync(aFile, 'x');
    expect(await call(app, 'backups.checkFolder', { folder: path.join(aFile, 'sub') })).toMatchObject({ ok: false, problem: expect.stringMatching(/part of the path is a file, not a folder\. Choose another folder\./) });
  });

  it('backs up on start and then every day, until stopped', async () => {
    const { app, tick } = openClockedApp();
    const timers: { run: () => void; ms: number }[] = [];
    const cleared: unknown[] = [];
    const results: boolean[] = [];
    let settle: () => void = () => undefined;
    const stop = startBackupSchedule(app.ctx, {
      setTimer: (run, ms) => timers.push({ run, ms }),
      clearTimer: (handle) => cleared.push(handle),
      onResult: (r) => {
        results.push(r.ok);
        settle();
      },
    });
    const runNext = () => new Promise<void>((resolve) => ((settle = resolve), timers.at(-1)!.run()));
    expect(timers.map((t) => t.ms)).toEqual([0]);
    await runNext();
    expect(timers.map((t) => t.ms)).toEqual([0, DAY_MS]);
    tick(DAY_MS);
    await runNext();
    expect(results).toEqual([true, true]);
    expect((await call(app, 'backups.list', {})).backups).toHaveLength(2);
    stop();
    expect(cleared).toEqual([3]);

    // Restarting within the hour does not add a start-up backup that would push older ones out.
    tick(10 * 60_000);
    const again: { run: () => void; ms: number }[] = [];
    let rescheduled: () => void = () => undefined;
    const scheduled = new Promise<void>((resolve) => (rescheduled = resolve));
    const stopAgain = startBackupSchedule(app.ctx, {
      setTimer: (run, ms) => {
        again.push({ run, ms });
        if (again.length === 2) rescheduled();
        return again.length;
      },
      clearTimer: () => undefined,
    });
    again[0]!.run();
    await scheduled;
    stopAgain();
    expect(again.map((t) => t.ms)).toEqual([0, DAY_MS]);
    expect((await call(app, 'backups.list', {})).backups).toHaveLength(2);
  });
});

describe('a damaged database', () => {
  async function damagedCopy(): Promise<{ file: string; folder: string; goodBackup: string }> {
    const { app } = openClockedApp();
    for (let i = 0; i < 300; i++) await call(app, 'orders.create', order(i));
    const { backup } = await call(app, 'backups.create', {});
    app.ctx.db.close();
    const size = fs.statSync(app.file).size;
    const pageSize = 4096;
    // Overwrite the middle of a page near the middle of the file, as a failing disk or a crash of the copy tool would.
    const fd = fs.openSync(app.file, 'r+');
    const offset = Math.floor(size / pageSize / 2) * pageSize + 1000;
    fs.writeSync(fd, Buffer.alloc(1500, 0xa5), 0, 1500, offset);
    fs.closeSync(fd);
    return { file: app.file, folder: backupsOf(app), goodBackup: backup.name };
  }

  it('is detected on open with a clear message, and the file is left as it was', async () => {
    const { file } = await damagedCopy();
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/database file .*order-desk\.db is damaged.*Order Desk has not changed or deleted it\. Restore the latest good backup/s);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as { code: string }).code).toBe('database_damaged');
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('"file is not a database" gets the same clear message', () => {
    const file = path.join(tempDir(), 'order-desk.db');
    fs.writeFileSync(file, 'These are the minutes of the meeting, not a database.'.repeat(200));
    expect(() => openDatabase(file)).toThrow(/is damaged or is not an Order Desk database \(file is not a database\)/);
  });

  it('finds the latest good backup, skipping damaged ones, and recovers while keeping the damaged file', async () => {
    const { file, folder, goodBackup } = await damagedCopy();
    // A newer backup that has itself been damaged since it was written.
    const newer = path.join(folder, 'order-desk-backup-2027-01-01T000000Z.db');
    fs.copyFileSync(file, newer);
    expect(findLatestGoodBackup(file, folder)).toMatchObject({ name: goodBackup, verified: true });

    const damagedBytes = fs.readFileSync(file);
    const recovery = recoverFromLatestBackup(file, folder, new Date('2026-11-21T08:00:00Z'))!;
    expect(path.basename(recovery.damagedCopy)).toBe('order-desk.damaged-2026-11-21T080000Z.db');
    expect(fs.readFileSync(recovery.damagedCopy).equals(damagedBytes)).toBe(true);
    const reopened = openTestApp(file);
    apps.push(reopened);
    expect((await call(reopened, 'orders.list', { limit: 5 })).total).toBe(300);
    expect(findLatestGoodBackup(file, path.join(tempDir(), 'none'))).toBeNull();
  });
});
