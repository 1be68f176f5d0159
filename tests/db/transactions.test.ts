/**
 * How a registered handler meets the database (db/transactions.ts): a read runs outside any
 * transaction, a write inside one BEGIN IMMEDIATE transaction that holds the write lock from
 * its first statement, and a staged write only inside its `transact` (or from the start of its
 * `transactLockFirst`, which keeps the lock across awaits).
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../db/api/handlers';
import { read, stagedWrite, write } from '../../db/api/register';
import type { ServiceContext } from '../../db/context';
import { HeldTooLong, HOLD_LIMIT_MS } from '../../db/transactions';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

interface Probe {
  inTransaction: boolean;
  /** True when another connection cannot take the write lock right now. */
  writeLockHeld: boolean;
}

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function probe(ctx: Pick<ServiceContext, 'db'>): Probe {
  const other = new Database(ctx.db.name);
  try {
    other.pragma('busy_timeout = 0');
    try {
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
      return { inTransaction: ctx.db.inTransaction, writeLockHeld: false };
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      return { inTransaction: ctx.db.inTransaction, writeLockHeld: true };
    }
  } finally {
    other.close();
  }
}

const OUTSIDE: Probe = { inTransaction: false, writeLockHeld: false };
const LOCKED: Probe = { inTransaction: true, writeLockHeld: true };

describe('registered handlers', () => {
  it('are each a read, a write or a staged write', () => {
    const kinds = Object.entries(handlers).map(([method, handler]) => [method, handler.kind] as const);
    expect(kinds.filter(([, kind]) => !['read', 'write', 'stagedWrite'].includes(kind))).toEqual([]);
    expect(handlers['orders.create'].kind).toBe('write');
    expect(handlers['payments.record'].kind).toBe('write');
    expect(handlers['orders.list'].kind).toBe('read');
    expect(handlers['invoices.issue'].kind).toBe('stagedWrite');
  });

  it('run a read outside any transaction and a write inside BEGIN IMMEDIATE, seen from the service clock', async () => {
    const seen: Probe[] = [];
    const file = path.join(tempDir(), 'orders.db');
    app = openTestApp(file, () => {
      seen.push(probe(app!.ctx));
      return new Date('2026-11-20T10:00:00Z');
    });
    await call(app, 'dashboard.summary', {});
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((p) => JSON.stringify(p)))).toEqual(new Set([JSON.stringify(OUTSIDE)]));

    seen.length = 0;
    await call(app, 'orders.create', {
      customer: { name: 'Bibliothèque de Genève', country: 'CH', email: '' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-11-02',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((p) => JSON.stringify(p)))).toEqual(new Set([JSON.stringify(LOCKED)]));
  });
});

describe('a write while another process holds the write lock', () => {
  const input = {
    customer: { name: 'Bibliothèque de Genève', country: 'CH', email: '' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
  };

  it('waits for the lock and then succeeds', async () => {
    app = openTestApp();
    // Another process takes the lock and keeps it for half a second (this thread blocks while it waits).
    const holder = spawn(
      process.execPath,
      ['-e', "const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => db.exec('COMMIT'), 500);", app.file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = performance.now();
    const result = await app.invoke('orders.create', input);
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThan(100);
    await new Promise((resolve) => holder.once('exit', resolve));
  });

  it('answers a conflict naming the other process, not the generic error, when the lock never comes free', async () => {
    app = openTestApp();
    app.db.pragma('busy_timeout = 50');
    const other = new Database(app.file);
    other.exec('BEGIN IMMEDIATE');
    const result = await app.invoke('orders.create', input);
    other.exec('ROLLBACK');
    other.close();
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Another Order Desk kept the database busy, so nothing was saved/) } });
    expect((await app.invoke('orders.list', {})).ok).toBe(true);
  });
});

describe('the read, write and stagedWrite wrappers', () => {
  it('take the write lock before a write runs its first statement, and release it after', async () => {
    app = openTestApp();
    const ctx = app.ctx;
    expect(await read((c) => probe(c)).run(ctx, undefined)).toEqual(OUTSIDE);
    expect(await write((c) => probe(c)).run(ctx, undefined)).toEqual(LOCKED);
    expect(probe(ctx)).toEqual(OUTSIDE);
  });

  it('give a staged write the lock only inside transact, across its awaits', async () => {
    app = openTestApp();
    const staged = stagedWrite(async (c) => {
      const before = probe(c);
      await new Promise((resolve) => setImmediate(resolve));
      const inside = await c.transact((w) => probe(w));
      return { before, inside, after: probe(c) };
    });
    expect(await staged.run(app.ctx, undefined)).toEqual({ before: OUTSIDE, inside: LOCKED, after: OUTSIDE });
  });

  it('roll a write back entirely when it throws', async () => {
    app = openTestApp();
    const count = () => (app!.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    const failing = write((c) => {
      c.db.prepare("INSERT INTO audit_log (at, actor, entity, action) VALUES ('2026-11-20', 'x', 'test', 'test')").run();
      throw new Error('refused after the first insert');
    });
    expect(() => failing.run(app!.ctx, undefined)).toThrow('refused after the first insert');
    expect(count()).toBe(before);
  });

  it('refuse a write transaction opened inside another one', () => {
    app = openTestApp();
    const ctx = app.ctx;
    expect(() => ctx.transact(() => ctx.transact(() => 1))).toThrow(/inside another transaction/);
  });
});

describe('transactLockFirst, for a staged write that kept losing its race', () => {
  const audited = (ctx: Pick<ServiceContext, 'db'>) => (ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'test'").get() as { n: number }).n;
  const auditRow = (w: Pick<ServiceContext, 'db'>) => w.db.prepare("INSERT INTO audit_log (at, actor, entity, action) VALUES ('2026-11-20', 'x', 'test', 'test')").run();

  it('holds the write lock across prepare and its awaits, runs work in the same transaction, and lets go after', async () => {
    app = openTestApp();
    const staged = stagedWrite(async (c) =>
      c.transactLockFirst(
        async (r) => {
          const first = probe(r);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return [first, probe(r)];
        },
        (w, prepared) => [...prepared, probe(w)],
      ),
    );
    expect(await staged.run(app.ctx, undefined)).toEqual([LOCKED, LOCKED, LOCKED]);
    expect(probe(app.ctx)).toEqual(OUTSIDE);
  });

  it("answers this process's reads meanwhile, and runs its writes after, not inside it", async () => {
    app = openTestApp();
    const ctx = app.ctx;
    let release: () => void = () => undefined;
    const held = ctx.transactLockFirst(
      () => new Promise<void>((resolve) => (release = resolve)),
      (w) => auditRow(w),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await app.invoke('orders.list', {})).ok).toBe(true);
    let created = false;
    const create = call(app, 'orders.create', {
      customer: { name: 'Bibliothèque de Genève', country: 'CH', email: '' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-11-02',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    }).then(() => (created = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(created).toBe(false);
    release();
    await held;
    await create;
    expect(audited(ctx)).toBe(1);
    expect(probe(ctx)).toEqual(OUTSIDE);
  });

  it('waits for another connection to let go of the lock without blocking this thread', async () => {
    app = openTestApp();
    const other = new Database(app.file);
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    setTimeout(() => other.exec('COMMIT'), 200);
    const started = performance.now();
    try {
      await app.ctx.transactLockFirst(() => Promise.resolve(), (w) => auditRow(w));
    } finally {
      clearInterval(ticking);
      other.close();
    }
    expect(performance.now() - started).toBeGreaterThan(150);
    expect(ticks).toBeGreaterThan(5);
    expect(audited(app.ctx)).toBe(1);
  });

  it('gives up as a write would, with the busy conflict, when the lock never comes free', async () => {
    app = openTestApp();
    app.db.pragma('busy_timeout = 50');
    const other = new Database(app.file);
    other.exec('BEGIN IMMEDIATE');
    const staged = stagedWrite(async (c) => c.transactLockFirst(() => Promise.resolve(), (w) => auditRow(w).changes));
    await expect(Promise.resolve(staged.run(app.ctx, undefined))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    expect(app.db.inTransaction).toBe(false);
    expect(app.db.pragma('busy_timeout', { simple: true })).toBe(50);
  });

  it('undoes what work wrote when it throws, and lets go of the lock', async () => {
    app = openTestApp();
    const failing = app.ctx.transactLockFirst(
      () => Promise.resolve(),
      (w) => {
        auditRow(w);
        throw new Error('refused after the first insert');
      },
    );
    await expect(failing).rejects.toThrow('refused after the first insert');
    expect(audited(app.ctx)).toBe(0);
    expect(probe(app.ctx)).toEqual(OUTSIDE);
  });

  it(`lets go of the lock with nothing written when prepare takes longer than ${HOLD_LIMIT_MS} ms`, async () => {
    app = openTestApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let worked = false;
      const stuck = app.ctx.transactLockFirst(
        () => new Promise<never>(() => undefined),
        () => (worked = true),
      );
      const outcome = stuck.catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS);
      expect(await outcome).toBeInstanceOf(HeldTooLong);
      expect(worked).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    expect(probe(app.ctx)).toEqual(OUTSIDE);
    // This process's writes run again at once.
    expect(await write((w) => auditRow(w).changes).run(app.ctx, undefined)).toBe(1);
  });
});
