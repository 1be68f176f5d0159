/**
 * An import's rows are written by the import worker on its own connection, in one transaction.
 * Meanwhile the app's reads are answered, and its writes wait for the import's transaction
 * without blocking the thread, then are stored after it; a row refused late rolls everything back.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { longWriteUnderway } from '../../db/write-gate';
import { watchThisThread } from '../support/main-thread-watch';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const ROWS = 50_000;
const customersFile = (rows: number) => ({
  kind: 'customers',
  fileName: 'all customers.csv',
  contentBase64: Buffer.from(['Name;Country;City;E-mail', ...Array.from({ length: rows }, (_, i) => `Customer ${i};CH;Genève;c${i}@example.ch`)].join('\r\n')).toString('base64'),
});
const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 5))) {
    if (Date.now() - started > 240_000) throw new Error(`waited in vain for ${what}`);
  }
}

const order = {
  customer: { name: 'Walk-in', country: 'CH', email: 'walk-in@example.ch' },
  currency: 'CHF',
  receivedVia: 'mail',
  receivedOn: '2026-11-20',
  lines: [{ title: 'Report', quantity: 2, unitPrice: '19.99' }],
};

describe('an import being written', () => {
  it('answers reads at once and stores the writes that came meanwhile right after it, without blocking', async () => {
    app = openTestApp();
    await call(app, 'transfer.preview', customersFile(3)); // the import worker is running, as after a clerk's preview
    const commit = call(app, 'transfer.commit', customersFile(ROWS));
    await until(() => longWriteUnderway(app.ctx), 'the import to write its rows');
    const watch = watchThisThread();

    const events: string[] = [];
    const done = <T>(what: string, promise: Promise<T>) => promise.then((value) => (events.push(what), value));
    const setting = done('settings.set', call(app, 'settings.set', { defaultCurrency: 'EUR' }));
    const created = done('orders.create', call(app, 'orders.create', order));
    const list = await done('catalogue.list', call(app, 'catalogue.list', {}));
    expect(list.publications).toHaveLength(9);
    // Answered while the import still holds the write lock; the writes wait for it.
    expect(longWriteUnderway(app.ctx)).toBe(true);
    expect(events).toEqual(['catalogue.list']);

    const result = await done('transfer.commit', commit);
    await Promise.all([setting, created]);
    expect(watch.stop().longestBusyMs).toBeLessThan(200);
    expect(result).toMatchObject({ written: true, created: ROWS, updated: 0 });
    expect(events.slice(0, 1)).toEqual(['catalogue.list']);
    expect(events.slice(1).sort()).toEqual(['orders.create', 'settings.set', 'transfer.commit']);

    // Every row and its audit record, the import's own record, and then the two writes that waited.
    expect(count('SELECT count(*) AS n FROM customers WHERE email LIKE \'c%@example.ch\'')).toBe(ROWS);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND action = 'create' AND json_extract(after, '$.email') LIKE 'c%@example.ch'")).toBe(ROWS);
    const importedAt = count("SELECT id AS n FROM audit_log WHERE entity = 'import'");
    expect(count("SELECT min(id) AS n FROM audit_log WHERE entity IN ('settings', 'order')")).toBeGreaterThan(importedAt);
    expect((await call(app, 'settings.get', {})).settings.defaultCurrency).toBe('EUR');
    expect((await created).order).toMatchObject({ currency: 'CHF', number: expect.stringMatching(/^2026-/) });
  }, 300_000);

  it('writes nothing when a late row is refused, and the app writes again at once', async () => {
    app = openTestApp();
    const customersBefore = count('SELECT count(*) AS n FROM customers');
    const auditBefore = count('SELECT count(*) AS n FROM audit_log');
    // The database itself refuses the 49,990th row, as only writing it can find out.
    app.db.exec("CREATE TRIGGER refuse_late_row BEFORE INSERT ON customers WHEN NEW.name = 'Customer 49989' BEGIN SELECT RAISE(ABORT, 'refused late'); END");

    const result = await app.invoke('transfer.commit', customersFile(ROWS));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/nothing was saved/) } });
    expect(count('SELECT count(*) AS n FROM customers')).toBe(customersBefore);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
    expect(longWriteUnderway(app.ctx)).toBe(false);

    await call(app, 'settings.set', { defaultCurrency: 'USD' });
    expect((await call(app, 'settings.get', {})).settings.defaultCurrency).toBe('USD');
  }, 300_000);

  it('restores a backup only once the import is written, so the data before the restore keeps every imported row', async () => {
    app = openTestApp();
    const { backup } = await call(app, 'backups.create', {}); // also starts the backup worker, as the app's start-up backup does
    await call(app, 'transfer.preview', customersFile(3));
    const customersBefore = count('SELECT count(*) AS n FROM customers');
    const commit = call(app, 'transfer.commit', customersFile(ROWS));
    await until(() => longWriteUnderway(app.ctx), 'the import to write its rows');
    const restore = call(app, 'backups.restore', { name: backup.name });

    expect(await commit).toMatchObject({ written: true, created: ROWS });
    const restored = await restore;
    // The restored file is the backup; the one it replaced, kept beside it, has the import whole.
    expect((app.ctx.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(customersBefore);
    const replaced = new Database(restored.preRestoreCopy, { readonly: true });
    try {
      expect(replaced.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: customersBefore + ROWS });
      expect(replaced.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'import'").get()).toEqual({ n: 1 });
      expect(replaced.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      replaced.close();
    }
  }, 300_000);
});
