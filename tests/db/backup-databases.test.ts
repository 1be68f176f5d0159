import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, findLatestGoodBackup, recoverFromLatestBackup, startBackupSchedule } from '../../db/backup';
import { MIGRATIONS } from '../../db/migrations';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) {
    // A restore swapped the connection: close the one in use too.
    if (a.ctx.db.open) a.ctx.db.close();
    await a.close();
  }
  apps = [];
});

/**
 * Two databases side by side in one folder, as a unit that keeps a second database (or a
 * test one) would have them: both back up into the same "backups" folder beside them.
 */
function twoDatabases() {
  let now = new Date('2026-11-20T10:00:00Z');
  const dir = tempDir();
  const open = (file: string) => {
    const app = openTestApp(path.join(dir, file), () => now);
    apps.push(app);
    return app;
  };
  const tick = (ms = 60_000) => (now = new Date(now.getTime() + ms));
  return { first: open('order-desk.db'), second: open('second-desk.db'), folder: path.join(dir, 'backups'), tick };
}

const order = (name: string) => ({
  customer: { name, country: 'CH' },
  currency: 'CHF',
  receivedVia: 'mail',
  receivedOn: '2026-11-20',
  lines: [{ title: 'Atlas', quantity: 1, unitPrice: '10.00' }],
});

const identity = (app: TestApp) => app.ctx.db.prepare('SELECT id, created_at AS createdAt FROM database_identity').get() as { id: string; createdAt: string };
const names = (list: { name: string }[]) => list.map((b) => b.name);

describe('backups of several databases in one folder', () => {
  it('each database lists, counts and keeps only its own backups', async () => {
    const { first, second, tick } = twoDatabases();
    expect(identity(first).id).not.toBe(identity(second).id);
    await call(first, 'settings.set', { issuer: { name: 'First desk', address: { street: 'Rue A', postalCode: '1201', town: 'Genève', country: 'CH' } } });
    const firstBackups: string[] = [];
    for (let i = 0; i < 3; i++) {
      firstBackups.push((await call(first, 'backups.create', {})).backup.name);
      tick();
    }

    // The new database has no backup of its own yet: the first one's are shown apart, named, and not as its own.
    const seen = await call(second, 'backups.list', {});
    expect(seen.backups).toEqual([]);
    expect(names(seen.others)).toEqual([...firstBackups].reverse());
    expect(seen.others[0]).toMatchObject({ origin: 'other-database', database: { id: identity(first).id, unitName: 'First desk' } });

    // "Keep 2" on the second database removes only its own older backups.
    await call(second, 'settings.set', { backup: { keep: 2, folder: '' } });
    const secondBackups: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await call(second, 'backups.create', {});
      expect(created.backup).toMatchObject({ origin: 'this-database', database: { id: identity(second).id } });
      secondBackups.push(created.backup.name);
      tick();
    }
    const after = await call(second, 'backups.list', {});
    expect(names(after.backups)).toEqual(secondBackups.slice(1).reverse());
    expect(names(after.others)).toEqual([...firstBackups].reverse());
    expect(names((await call(first, 'backups.list', {})).backups)).toEqual([...firstBackups].reverse());
  });

  it('makes the start-up backup even when another database backed up into the folder a minute ago', async () => {
    const { first, second, folder, tick } = twoDatabases();
    await call(first, 'backups.create', {});
    tick();
    const timers: (() => void)[] = [];
    let rescheduled: () => void = () => undefined;
    const firstTickDone = new Promise<void>((resolve) => (rescheduled = resolve));
    // The next backup is scheduled once the start-up one was made or skipped.
    const stop = startBackupSchedule(second.ctx, {
      setTimer: (run) => {
        timers.push(run);
        if (timers.length === 2) rescheduled();
      },
      clearTimer: () => undefined,
    });
    timers[0]!();
    await firstTickDone;
    stop();
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.db'))).toHaveLength(2);
    expect((await call(second, 'backups.list', {})).backups).toEqual([expect.objectContaining({ origin: 'this-database' })]);
  });

  it('restores another database’s backup only when the clerk confirms it, naming what it holds', async () => {
    const { first, second, tick } = twoDatabases();
    await call(first, 'settings.set', { issuer: { name: 'First desk', address: { street: 'Rue A', postalCode: '1201', town: 'Genève', country: 'CH' } } });
    for (const name of ['Alpha', 'Beta', 'Gamma']) await call(first, 'orders.create', order(name));
    const { backup } = await call(first, 'backups.create', {});
    tick();
    await call(second, 'orders.create', order('Only in the second'));
    const own = (await call(second, 'backups.create', {})).backup.name;
    tick();
    const filesBefore = fs.readdirSync(path.dirname(second.file)).sort();

    const refused = await second.invoke('backups.restore', { name: backup.name });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'needs_confirmation',
        field: 'confirmed',
        message: expect.stringMatching(/is of another database: "First desk", started \d{1,2} \w+ \d{4} \(identity [0-9a-f]{8}\)\. It holds 3 orders.*replaces this database's data \(1 order\).*Nothing was changed/),
      },
    });
    expect(fs.readdirSync(path.dirname(second.file)).sort()).toEqual(filesBefore);
    expect((await call(second, 'orders.list', {})).total).toBe(1);

    const secondIdentity = identity(second);
    await call(second, 'backups.restore', { name: backup.name, confirmed: true });
    expect((await call(second, 'orders.list', {})).rows.map((r: { customerName: string }) => r.customerName).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    // The desk keeps its own identity, so its own backups stay its own after the restore.
    expect(identity(second)).toEqual(secondIdentity);
    const list = await call(second, 'backups.list', {});
    expect(names(list.backups)).toEqual([own]);
    expect(names(list.others)).toEqual([backup.name]);
  });

  it('lists backups made before backups named their database as from an earlier version, restorable after the same confirmation', async () => {
    const { first, second, folder, tick } = twoDatabases();
    const { backup } = await call(first, 'backups.create', {});
    tick();
    // As the previous version wrote the note: no database in it.
    const note = path.join(folder, `${backup.name}.json`);
    const { database: _database, ...older } = JSON.parse(fs.readFileSync(note, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(note, JSON.stringify(older));

    for (const app of [first, second]) {
      const list = await call(app, 'backups.list', {});
      expect(list.backups).toEqual([expect.objectContaining({ name: backup.name, origin: 'earlier-version', database: null, verified: true })]);
    }
    expect(await second.invoke('backups.restore', { name: backup.name })).toMatchObject({
      ok: false,
      error: { code: 'needs_confirmation', message: expect.stringMatching(/is of another database/) },
    });
    // Its own older backups are never pruned by "keep": which database they are of is not known.
    await call(first, 'settings.set', { backup: { keep: 1, folder: '' } });
    await call(first, 'backups.create', {});
    tick();
    await call(first, 'backups.create', {});
    expect(names((await call(first, 'backups.list', {})).backups)).toContain(backup.name);
  });

  it('recovers a damaged database only from its own backups, even when another database’s are newer', async () => {
    const { first, second, folder, tick } = twoDatabases();
    for (let i = 0; i < 50; i++) await call(first, 'orders.create', order(`Customer ${i}`));
    const own = (await call(first, 'backups.create', {})).backup.name;
    tick(DAY_MS);
    await call(second, 'backups.create', {});
    first.db.close();
    // A torn page in the middle of the orders.
    const fd = fs.openSync(first.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(3000, 0xa5), 0, 3000, Math.floor(fs.statSync(first.file).size / 2));
    fs.closeSync(fd);

    expect(findLatestGoodBackup(first.file, folder)).toMatchObject({ name: own });
    const recovery = recoverFromLatestBackup(first.file, folder, new Date('2026-11-22T08:00:00Z'))!;
    expect(path.basename(recovery.restoredFrom)).toBe(own);
    const reopened = openTestApp(first.file);
    apps.push(reopened);
    expect((await call(reopened, 'orders.list', { limit: 1 })).total).toBe(50);
  });
});

describe('a database from before identities', () => {
  it('gets one when it is upgraded, started on the earliest day it recorded', async () => {
    const file = path.join(tempDir(), 'v7.db');
    const raw = new Database(file);
    raw.transaction(() => {
      for (const m of MIGRATIONS.filter((m) => m.version <= 7)) {
        raw.exec(m.sql);
        raw.pragma(`user_version = ${m.version}`);
      }
      raw.prepare("UPDATE publications SET created_at = '2024-02-01T08:00:00.000Z'").run();
    })();
    raw.close();
    const app = openTestApp(file);
    apps.push(app);
    expect(identity(app)).toEqual({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), createdAt: '2024-02-01T08:00:00.000Z' });
    expect((await call(app, 'backups.list', {})).database).toEqual(identity(app));
  });
});
