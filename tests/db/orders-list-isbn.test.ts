/**
 * Orders are found by the ISBN or E-ISBN of what they ordered, typed with or without hyphens
 * (issue 15), through the same search index as titles and names, also for orders stored
 * before the index held ISBNs (migration 0009) and after an ISBN is corrected.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { explainListOrders } from '../../db/services/orders/read';
import { OrderListInput } from '../../shared/contract/orders';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

let app: TestApp | undefined;
afterEach(() => app?.close());

/** A title of the seed catalogue (Ending child labour…): ISBN 978-92-9068-805-1, E-ISBN 978-92-9068-806-8. */
const ISBN = '9789290688051';
const EISBN = '9789290688068';

async function orderOf(a: TestApp, lines: { publicationId?: number; title?: string }[], name: string) {
  const { order } = await call(a, 'orders.create', {
    customer: { name, country: 'CH' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: lines.map((l) => ({ ...l, quantity: 1, unitPrice: '10.00' })),
  });
  return order as { id: number; number: string };
}

async function found(a: TestApp, query: string): Promise<string[]> {
  const { rows } = await call(a, 'orders.list', { query });
  return (rows as { number: string }[]).map((r) => r.number).sort();
}

describe('searching orders by ISBN', () => {
  it('finds the orders of a publication by its ISBN or E-ISBN, with or without hyphens, and by the start of one', async () => {
    app = openTestApp();
    const { publications } = await call(app, 'catalogue.list', {});
    const report = publications.find((p: { isbn: string }) => p.isbn === ISBN);
    const { publication: other } = await call(app, 'catalogue.save', { title: 'Trafficking in Persons', isbn: '978-3-16-148410-0', eisbn: '' });
    const mine = await orderOf(app, [{ publicationId: report.id }, { publicationId: other.id }], 'Institut Bonvin');
    const theirs = await orderOf(app, [{ publicationId: other.id }], 'Okafor Library');
    await orderOf(app, [{ title: 'A title not in the catalogue' }], 'Ana Lima');

    expect(await found(app, ISBN)).toEqual([mine.number]);
    expect(await found(app, '978-92-9068-805-1')).toEqual([mine.number]);
    expect(await found(app, EISBN)).toEqual([mine.number]);
    expect(await found(app, '978-92-9068-806-8')).toEqual([mine.number]);
    expect(await found(app, '978-92-9068-80')).toEqual([mine.number]);
    expect(await found(app, `${other.isbn} Okafor`)).toEqual([theirs.number]);
    // Order numbers keep their hyphens.
    expect(await found(app, mine.number)).toEqual([mine.number]);
  });

  it('finds an ISBN-10 as its ISBN-13, and follows an ISBN corrected in the catalogue', async () => {
    app = openTestApp();
    const { publication } = await call(app, 'catalogue.save', { title: 'Trafficking in Persons', isbn: '978-3-16-148410-0', eisbn: '' });
    const o = await orderOf(app, [{ publicationId: publication.id }], 'Institut Bonvin');
    expect(await found(app, '3-16-148410-X')).toEqual([o.number]);
    await call(app, 'catalogue.save', { ...publication, isbn: '978-0-306-40615-7', expectedUpdatedAt: publication.updatedAt });
    expect(await found(app, '978-0-306-40615-7')).toEqual([o.number]);
    expect(await found(app, '9783161484100')).toEqual([]);
  });

  it('finds orders stored before the search index held ISBNs, once the database is upgraded', async () => {
    const file = path.join(tempDir(), 'v8.db');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    raw.transaction(() => {
      for (const m of MIGRATIONS.filter((x) => x.version <= 8)) {
        raw.exec(m.sql);
        raw.pragma(`user_version = ${m.version}`);
      }
      const publicationId = raw.prepare('SELECT id FROM publications WHERE isbn = ?').pluck().get(ISBN);
      const id = Number(
        raw
          .prepare(
            `INSERT INTO orders (number, received_on, received_via, currency, customer_name, customer_country, total_minor, customer_sort_key, created_at, updated_at)
             VALUES ('2026-00001', '2026-11-02', 'mail', 'CHF', 'Institut Bonvin', 'CH', 1000, 'institut bonvin', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z')`,
          )
          .run().lastInsertRowid,
      );
      raw.prepare("INSERT INTO order_lines (order_id, position, publication_id, title, quantity, unit_price_minor, line_total_minor) VALUES (?, 1, ?, 'Ending child labour', 1, 1000, 1000)").run(id, publicationId);
      raw.prepare("INSERT INTO orders_fts (rowid, number, customer_name, email, city, titles) VALUES (?, '2026 00001', 'institut bonvin', '', '', 'ending child labour')").run(id);
    })();
    raw.close();
    app = openTestApp(file);
    expect(await found(app, '978-92-9068-805-1')).toEqual(['2026-00001']);
    expect(await found(app, 'child labour')).toEqual(['2026-00001']);
  });

  it('reads the search index, never scanning the orders table', () => {
    app = openTestApp();
    const { page, count } = explainListOrders(app.ctx, OrderListInput.parse({ query: '978-92-9068-805-1' }));
    for (const step of [...page, ...count]) expect(step).not.toMatch(/^SCAN orders( (?!USING)|$)/);
    expect([...page, ...count].join(' | ')).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
