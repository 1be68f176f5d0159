import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../db/seed/demo-data';
import { toFtsQuery } from '../../db/services/orders/search-index';
import fs from 'node:fs';
import path from 'node:path';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

let app: TestApp;

interface Row {
  id: number;
  customerName: string;
  country: string;
}

const list = (input: Record<string, unknown>) => call<{ rows: Row[]; total: number }>(app, 'orders.list', input);

beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app?.close());

describe('sorting the orders list by country', () => {
  // Code order is AT, CH, DE, ES, NL; name order differs in every language.
  const COUNTRIES = ['CH', 'DE', 'AT', 'ES', 'NL', 'DE'] as const;

  beforeEach(async () => {
    for (const [i, country] of COUNTRIES.entries()) {
      await call(app, 'orders.create', {
        customer: { name: `Customer ${i + 1}`, country, city: 'Somewhere', address: 'Main street 1' },
        currency: 'EUR',
        receivedVia: 'mail',
        receivedOn: `2026-03-${String(10 + i).padStart(2, '0')}`,
        lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
      });
    }
  });

  const countries = async (direction: 'asc' | 'desc') => (await list({ sort: 'country', direction })).rows.map((r) => r.country);

  it('sorts by the country name in the locale of the settings, not by ISO code', async () => {
    await call(app, 'settings.set', { locale: 'en-CH' });
    // Austria, Germany ×2, Netherlands, Spain, Switzerland
    expect(await countries('asc')).toEqual(['AT', 'DE', 'DE', 'NL', 'ES', 'CH']);
    expect(await countries('desc')).toEqual(['CH', 'ES', 'NL', 'DE', 'DE', 'AT']);

    await call(app, 'settings.set', { locale: 'fr-CH' });
    // Allemagne, Autriche, Espagne, Pays-Bas, Suisse
    expect(await countries('asc')).toEqual(['DE', 'DE', 'AT', 'ES', 'NL', 'CH']);

    await call(app, 'settings.set', { locale: 'de-CH' });
    // Deutschland, Niederlande, Österreich (Ö with the O's), Schweiz, Spanien
    expect(await countries('asc')).toEqual(['DE', 'DE', 'NL', 'AT', 'CH', 'ES']);
  });

  it('breaks ties by date, newest last going up, and pages without losing or repeating an order', async () => {
    await call(app, 'settings.set', { locale: 'en-CH' });
    const all = (await list({ sort: 'country', direction: 'asc' })).rows.map((r) => r.customerName);
    // Customer 2 (DE, 11 March) before customer 6 (DE, 15 March).
    expect(all.slice(1, 3)).toEqual(['Customer 2', 'Customer 6']);
    const pages = [];
    for (let offset = 0; offset < COUNTRIES.length; offset += 4) {
      const page = await list({ sort: 'country', direction: 'asc', limit: 4, offset });
      expect(page.total).toBe(COUNTRIES.length);
      pages.push(...page.rows.map((r) => r.customerName));
    }
    expect(pages).toEqual(all);
  });

  it('combines the country sort with a search and a filter', async () => {
    await call(app, 'settings.set', { locale: 'fr-CH' });
    const found = await list({ sort: 'country', direction: 'asc', query: 'customer', currency: 'EUR' });
    expect(found.total).toBe(6);
    expect(found.rows.map((r) => r.country)).toEqual(['DE', 'DE', 'AT', 'ES', 'NL', 'CH']);
  });
});

describe('searching for a word found in most orders', () => {
  // 3,000 demo orders are generated once and copied for each test: generating them is the slow part.
  let template: string | undefined;
  beforeEach(() => {
    if (template === undefined) {
      generateDemoData(app.db, { orders: 3000, seed: 11 });
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      template = path.join(tempDir(), 'most-orders.db');
      fs.copyFileSync(app.file, template);
      return;
    }
    app.close();
    fs.copyFileSync(template, app.file);
    app = openTestApp(app.file);
  }, 180_000);

  /** The same search answered the plain way: every match fetched, sorted and paged by SQLite. */
  function reference(query: string, order: string, offset: number, where = ''): { ids: number[]; total: number } {
    const fts = toFtsQuery(query);
    const matches = `id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH @fts) ${where ? `AND ${where}` : ''}`;
    return {
      ids: app.db.prepare(`SELECT id FROM orders WHERE ${matches} ORDER BY ${order} LIMIT 50 OFFSET @offset`).pluck().all({ fts, offset }) as number[],
      total: (app.db.prepare(`SELECT count(*) FROM orders WHERE ${matches}`).pluck().get({ fts }) as number),
    };
  }

  it('gives the same pages and the same exact count as fetching every match', async () => {
    const everyOrder = app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    const trafficking = reference('trafficking', 'received_on DESC, id DESC', 0);
    // The case this is about: a word in far more orders than one page, but not in all.
    expect(trafficking.total).toBeGreaterThan(2000);
    expect(trafficking.total).toBeLessThan(everyOrder);

    for (const query of ['trafficking', 'traffick', 'trafficking human', 'remediation', 'zolc']) {
      for (const [direction, order] of [
        ['desc', 'received_on DESC, id DESC'],
        ['asc', 'received_on ASC, id ASC'],
      ] as const) {
        for (const offset of [0, 50, 450, 1000]) {
          const expected = reference(query, order, offset);
          const got = await list({ query, direction, offset });
          expect({ ids: got.rows.map((r) => r.id), total: got.total }, `${query} ${direction} from ${offset}`).toEqual(expected);
        }
      }
    }
    const byTotal = await list({ query: 'trafficking', sort: 'total', direction: 'desc' });
    expect({ ids: byTotal.rows.map((r) => r.id), total: byTotal.total }).toEqual(reference('trafficking', 'total_minor DESC, id DESC', 0));
    const closed = await list({ query: 'trafficking', status: 'closed' });
    expect({ ids: closed.rows.map((r) => r.id), total: closed.total }).toEqual(reference('trafficking', 'received_on DESC, id DESC', 0, "status = 'closed'"));
  });

  it('counts a new order that holds the word at once', async () => {
    const before = (await list({ query: 'trafficking' })).total;
    const { publications } = await call<{ publications: { id: number; title: string }[] }>(app, 'catalogue.list', {});
    const publication = publications.find((p) => p.title.startsWith('Trafficking in Human Beings'))!;
    const newestDate = app.db.prepare('SELECT max(received_on) FROM orders').pluck().get() as string;
    // Keyed in on the day of the newest demo order: no order can be received in the future.
    await app.close();
    app = openTestApp(app.file, () => new Date(`${newestDate}T10:00:00Z`));
    const { order } = await call<{ order: { id: number } }>(app, 'orders.create', {
      customer: { name: 'Newest Customer', country: 'CH', city: 'Genève', address: 'Rue 1' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: newestDate,
      lines: [{ publicationId: publication.id, quantity: 1, unitPrice: '10.00' }],
    });
    const after = await list({ query: 'trafficking' });
    expect(after.total).toBe(before + 1);
    expect(after.rows[0]!.id).toBe(order.id);
  });
});
