/**
 * A catalogue price typed by mistake (640 for 64) asks first when it is more than 3 times the
 * current one or less than a third of it, and a price set by mistake can be withdrawn the same
 * business day, putting the one it replaced back in force (issue 15).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
let now: Date;
beforeEach(() => {
  now = new Date('2026-12-05T09:00:00Z');
  app = openTestApp(undefined, () => now);
});
afterEach(() => app?.close());

async function publication() {
  const { publication } = await call(app, 'catalogue.save', { title: 'Migration and Health', isbn: '', eisbn: '' });
  return publication as { id: number };
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : { ...result.error, message: result.error.message.replace(/\s/g, ' ') };
}

const inForce = async (id: number, asOf = '2026-12-06') =>
  (await call(app, 'catalogue.list', { asOf })).publications.find((p: { id: number }) => p.id === id).prices.EUR?.unitPrice ?? null;

describe('a price far from the current one', () => {
  it('is set only once confirmed: 640 instead of 64 answers needs_confirmation at the unit price, and the price in force stays', async () => {
    const p = await publication();
    // A first price has nothing to compare with.
    const first = await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '64.00' });
    expect(first.price).toMatchObject({ currency: 'EUR', unitPrice: '64.00', validFrom: '2026-12-05' });
    const asked = await refused('prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '640.00', validFrom: '2026-12-06' });
    expect(asked).toMatchObject({ code: 'needs_confirmation', field: 'unitPrice' });
    expect(asked.message).toBe('EUR 640.00 for Migration and Health is 10 times the current price (EUR 64.00). Is it right? Confirm to set it, or correct it.');
    expect(await inForce(p.id)).toBe('64.00');
    expect(app.db.prepare('SELECT count(*) FROM prices WHERE publication_id = ?').pluck().get(p.id)).toBe(1);

    const confirmed = await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '640.00', validFrom: '2026-12-06', confirmed: true });
    expect(confirmed.price).toMatchObject({ unitPrice: '640.00', validFrom: '2026-12-06' });
    expect(await inForce(p.id)).toBe('640.00');
  });

  it('asks below a third too, and never within the factor of 3', async () => {
    const p = await publication();
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '64.00', validFrom: '2026-01-01' });
    expect(await refused('prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '21.00' })).toMatchObject({
      code: 'needs_confirmation',
      message: expect.stringContaining('less than a third of the current price (EUR 64.00)'),
    });
    expect(await refused('prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '192.01' })).toMatchObject({ code: 'needs_confirmation' });
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '192.00' });
    // Compared with what is in force on its own date: 64.00 before today's 192.00.
    expect(await refused('prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '20.00', validFrom: '2026-06-01' })).toMatchObject({ code: 'needs_confirmation' });
  });
});

describe('withdrawing a price', () => {
  it('the same business day puts the price it replaced back in force, audited; after that day it is refused', async () => {
    const p = await publication();
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '60.00', validFrom: '2026-01-01' });
    const yesterday = (await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '64.00' })).price;

    now = new Date('2026-12-06T10:00:00Z');
    const typo = (await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '640.00', confirmed: true })).price;
    expect(await inForce(p.id)).toBe('640.00');
    const withdrawn = await call(app, 'prices.withdraw', { priceId: typo.id });
    expect(withdrawn.inForce).toEqual({ currency: 'EUR', unitPrice: '64.00', validFrom: '2026-12-05' });
    expect(await inForce(p.id)).toBe('64.00');
    const audit = app.db.prepare("SELECT before, after FROM audit_log WHERE entity = 'publication' AND entity_id = ? AND action = 'price_withdrawn'").all(p.id) as { before: string; after: string }[];
    expect(audit.map((a) => [JSON.parse(a.before), JSON.parse(a.after)])).toEqual([
      [{ currency: 'EUR', unitPrice: '640.00', validFrom: '2026-12-06' }, { inForceAgain: { currency: 'EUR', unitPrice: '64.00', validFrom: '2026-12-05' } }],
    ]);

    // Yesterday's price is history orders relied on.
    const late = await refused('prices.withdraw', { priceId: yesterday.id });
    expect(late).toMatchObject({ code: 'conflict', field: 'priceId', message: expect.stringContaining('was set on 2026-12-05; only a price set today can be withdrawn') });
    expect(await inForce(p.id)).toBe('64.00');
    expect(await refused('prices.withdraw', { priceId: 99999 })).toMatchObject({ code: 'not_found', field: 'priceId' });
  });

  it('of a price typed over today’s own price removes it, and a scheduled price can be withdrawn any day before it starts', async () => {
    const p = await publication();
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '60.00', validFrom: '2026-01-01' });
    const scheduled = (await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '70.00', validFrom: '2027-01-01' })).price;
    now = new Date('2026-12-06T10:00:00Z');
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '64.00' });
    const over = (await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '46.00' })).price;
    expect(await inForce(p.id)).toBe('46.00');
    await call(app, 'prices.withdraw', { priceId: over.id });
    expect(await inForce(p.id)).toBe('60.00');
    await call(app, 'prices.withdraw', { priceId: scheduled.id });
    expect(await inForce(p.id, '2027-02-01')).toBe('60.00');
  });
});
