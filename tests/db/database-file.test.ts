import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrations';
import { CURRENCIES } from '../../shared/money/currencies';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let app: TestApp | undefined;
afterEach(() => app?.close());

describe('the database file', () => {
  it('starts with the nine catalogue titles, no prices, and the unit as issuer', async () => {
    app = openTestApp();
    const { publications } = await call(app, 'catalogue.list', {});
    expect(publications).toHaveLength(9);
    expect(publications.every((p: { prices: object }) => Object.keys(p.prices).length === 0)).toBe(true);
    const ending = publications.find((p: { isbn: string }) => p.isbn === '9789290688051');
    expect(ending).toMatchObject({ year: 2019, pages: 114, eisbn: '9789290688068', languages: ['en', 'fr', 'es'] });
    const { settings } = await call(app, 'settings.get', {});
    expect(settings.issuer.address).toEqual({ street: 'Route des Morillons', buildingNumber: '17', postalCode: '1211', town: 'Geneva 19', country: 'CH' });
    expect(settings.issuer.postBox).toBe('P.O. Box 17');
    expect(settings.issuer.fax).toBe('+41 22 798 6150');
    // No bank account is invented: the unit enters its own before issuing invoices.
    expect(settings.bankAccounts).toEqual([]);
    expect(settings.paymentTermsDays).toBe(30);
  });

  it('is opened with WAL, foreign keys and full sync', () => {
    app = openTestApp();
    expect(app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(app.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(schemaVersion(app.db)).toBe(LATEST_VERSION);
  });

  it('refuses a file from a newer version with a clear message and leaves it byte for byte', () => {
    const file = path.join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/newer version of Order Desk.*not been changed/s);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('never recreates an existing file: data survives reopening', async () => {
    app = openTestApp();
    await call(app, 'settings.set', { defaultCurrency: 'EUR' });
    app = app.restart();
    expect((await call(app, 'settings.get', {})).settings.defaultCurrency).toBe('EUR');
    expect((await call(app, 'catalogue.list', {})).publications).toHaveLength(9);
  });

  it('holds the same currencies, with the same decimals, as shared/money/currencies.ts', () => {
    // Amounts are stored in minor units by the database's exponent and shown by the TypeScript one:
    // if the two ever differ, CHF 25.00 would read back as 2.50 or 250.00.
    app = openTestApp();
    const rows = app.db.prepare('SELECT code, exponent, name FROM currencies ORDER BY code').all();
    const expected = Object.entries(CURRENCIES)
      .map(([code, c]) => ({ code, exponent: c.exponent, name: c.name }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(rows).toEqual(expected);
  });

  it('keeps money in INTEGER columns only', () => {
    app = openTestApp();
    const moneyColumns = app.db
      .prepare("SELECT m.name AS tbl, p.name AS col, p.type FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name LIKE '%minor%'")
      .all() as { tbl: string; col: string; type: string }[];
    expect(moneyColumns.length).toBeGreaterThanOrEqual(6);
    expect(moneyColumns.every((c) => c.type === 'INTEGER')).toBe(true);
  });
});

describe('audit', () => {
  it('records who changed what, before and after, with the change itself', async () => {
    app = openTestApp();
    const { publications } = await call(app, 'catalogue.list', {});
    await call(app, 'prices.set', { publicationId: publications[0].id, currency: 'CHF', unitPrice: '30' });
    await call(app, 'prices.set', { publicationId: publications[0].id, currency: 'CHF', unitPrice: '32.50' });
    const rows = app.db.prepare("SELECT actor, action, before, after FROM audit_log WHERE entity = 'publication' ORDER BY id").all() as {
      actor: string;
      action: string;
      before: string | null;
      after: string;
    }[];
    expect(rows).toHaveLength(2);
    expect(rows[1]!.actor).toBe('test-clerk');
    expect(JSON.parse(rows[1]!.before!).unitPrice).toBe('30.00');
    expect(JSON.parse(rows[1]!.after).unitPrice).toBe('32.50');
  });

  it('writes nothing, not even an audit record, when a change fails', async () => {
    app = openTestApp();
    const count = () => (app!.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    const result = await app.invoke('prices.set', { publicationId: 999, currency: 'CHF', unitPrice: '10' });
    expect(result.ok).toBe(false);
    expect(count()).toBe(before);
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps, so none is ever skipped on an existing database', async () => {
    const { MIGRATIONS } = await import('../../db/migrations');
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a database made by an earlier version up to date without losing its data', async () => {
    const { MIGRATIONS } = await import('../../db/migrations');
    const file = path.join(tempDir(), 'old.db');
    const raw = new Database(file);
    raw.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 2)) {
        raw.exec(m.sql);
        raw.pragma(`user_version = ${m.version}`);
      }
    })();
    raw.close();
    app = openTestApp(file);
    expect(schemaVersion(app.db)).toBe(LATEST_VERSION);
    expect((await call(app, 'catalogue.list', {})).publications).toHaveLength(9);
  });
});
