import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations';
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

function openApp(): TestApp {
  const app = openTestApp(path.join(tempDir(), 'order-desk.db'), () => new Date('2026-11-20T10:00:00Z'));
  apps.push(app);
  return app;
}

/**
 * A backup as the first Order Desk wrote it (schema 1: no seeded catalogue yet), holding one
 * customer's order, placed in the app's backup folder. With `seededTitle`, the unit had
 * itself entered a publication the next version seeds, with the same E-ISBN.
 */
function placeSchema1Backup(app: TestApp, name: string, options: { seededTitle?: boolean } = {}): string {
  const folder = path.join(path.dirname(app.file), 'backups');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  const raw = new Database(file);
  raw.exec(MIGRATIONS[0]!.sql);
  raw.pragma('user_version = 1');
  const at = '2025-03-02T09:00:00Z';
  if (options.seededTitle) {
    raw
      .prepare("INSERT INTO publications (title, year, eisbn, created_at, updated_at) VALUES ('Ending child labour (entered by hand)', 2019, '9789290688068', ?, ?)")
      .run(at, at);
  }
  const customer = raw.prepare("INSERT INTO customers (name, country, created_at, updated_at) VALUES ('Librairie du Rhône', 'CH', ?, ?)").run(at, at).lastInsertRowid;
  const order = raw
    .prepare(
      `INSERT INTO orders (number, received_on, received_via, currency, customer_id, customer_name, customer_country, status, total_minor, created_at, updated_at)
       VALUES ('2025-00001', '2025-03-02', 'mail', 'CHF', ?, 'Librairie du Rhône', 'CH', 'open', 4500, ?, ?)`,
    )
    .run(customer, at, at).lastInsertRowid;
  raw.prepare("INSERT INTO order_lines (order_id, position, title, free_text, quantity, unit_price_minor, line_total_minor) VALUES (?, 1, 'A report', 1, 1, 4500, 4500)").run(order);
  raw.close();
  return file;
}

const filesBeside = (app: TestApp) => fs.readdirSync(path.dirname(app.file)).sort();

describe('restoring a backup made by an older Order Desk', () => {
  it('brings a copy of it up to date and restores that: the data is there, in this version’s schema', async () => {
    const app = openApp();
    await call(app, 'orders.create', {
      customer: { name: 'Today’s customer', country: 'FR' },
      currency: 'EUR',
      receivedVia: 'email',
      receivedOn: '2026-11-20',
      lines: [{ title: 'Atlas', quantity: 1, unitPrice: '10.00' }],
    });
    const name = 'order-desk-backup-2025-03-02T180000Z.db';
    const backupFile = placeSchema1Backup(app, name);
    const backupBytes = fs.readFileSync(backupFile);

    // It does not say which database it is of: the clerk confirms, then it is restored.
    const asked = await app.invoke('backups.restore', { name });
    expect(asked).toMatchObject({ ok: false, error: { code: 'needs_confirmation', message: expect.stringMatching(/earlier version of Order Desk.*It holds 1 order and 1 customer\./) } });
    const restored = await call(app, 'backups.restore', { name, confirmed: true });

    expect(app.ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const { rows } = await call(app, 'orders.list', {});
    expect(rows.map((r: { number: string; customerName: string }) => [r.number, r.customerName])).toEqual([['2025-00001', 'Librairie du Rhône']]);
    expect((await call(app, 'catalogue.list', {})).publications).toHaveLength(9);
    expect(fs.existsSync(restored.preRestoreCopy)).toBe(true);
    // The backup itself is kept as it was, and nothing of the preparation is left beside the database.
    expect(fs.readFileSync(backupFile).equals(backupBytes)).toBe(true);
    expect(filesBeside(app).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('refuses one that cannot be brought up to date with a clear message, leaving no copy and no changed file', async () => {
    const app = openApp();
    await call(app, 'orders.create', {
      customer: { name: 'Today’s customer', country: 'FR' },
      currency: 'EUR',
      receivedVia: 'email',
      receivedOn: '2026-11-20',
      lines: [{ title: 'Atlas', quantity: 1, unitPrice: '10.00' }],
    });
    const name = 'order-desk-backup-2025-03-02T180000Z.db';
    placeSchema1Backup(app, name, { seededTitle: true });
    const before = filesBeside(app);
    const ordersBefore = await call(app, 'orders.list', {});

    const result = await app.invoke('backups.restore', { name, confirmed: true });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'name',
        message: expect.stringMatching(/cannot be restored: it was made by an earlier Order Desk \(schema 1\) and could not be brought up to this version \(schema \d+\): UNIQUE constraint failed: publications\.eisbn\. Nothing was changed\./),
      },
    });
    expect(filesBeside(app)).toEqual(before);
    expect(filesBeside(app).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]);
    expect(await call(app, 'orders.list', {})).toEqual(ordersBefore);
    expect(app.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'database'").get()).toEqual({ n: 0 });
  });
});
