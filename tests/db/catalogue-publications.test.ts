import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

// The test clock says 2026-11-20.
const TODAY = '2026-11-20';

async function newPublication(extra: Record<string, unknown> = {}) {
  const { publication } = await call(app, 'catalogue.save', { title: 'Migration and Health', year: 2026, pages: 120, languages: ['en', 'fr'], formats: ['print', 'pdf'], ...extra });
  return publication as { id: number; isbn: string; eisbn: string; active: boolean; prices: Record<string, { unitPrice: string; validFrom: string }> };
}

describe('publications', () => {
  it('stores a hyphenated or ISBN-10 entry as ISBN-13 digits', async () => {
    app = openTestApp();
    const p = await newPublication({ isbn: '978-3-16-148410-0', eisbn: '0-306-40615-2' });
    expect(p.isbn).toBe('9783161484100');
    expect(p.eisbn).toBe('9780306406157');
  });

  it('refuses a wrong check digit on the ISBN field', async () => {
    app = openTestApp();
    const result = await app.invoke('catalogue.save', { title: 'X', isbn: '978-3-16-148410-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ field: 'isbn', message: expect.stringMatching(/check digit/) });
  });

  it('refuses an ISBN already used by another title, naming that title', async () => {
    app = openTestApp();
    const result = await app.invoke('catalogue.save', { title: 'Copy', eisbn: '978-92-9068-805-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'conflict', field: 'eisbn', message: expect.stringMatching(/already used by "Ending child labour/) });
  });

  it('accepts only known language codes and at least one format', async () => {
    app = openTestApp();
    const badLanguage = await app.invoke('catalogue.save', { title: 'X', languages: ['en', 'xx'] });
    expect(badLanguage.ok).toBe(false);
    if (!badLanguage.ok) expect(badLanguage.error).toMatchObject({ field: 'languages.1', message: expect.stringMatching(/picked from the list/) });
    const noFormat = await app.invoke('catalogue.save', { title: 'X', formats: [] });
    expect(noFormat.ok).toBe(false);
    if (!noFormat.ok) expect(noFormat.error.field).toBe('formats');
  });

  it('refuses to overwrite a title someone else saved after it was opened', async () => {
    let clock = new Date('2026-11-20T10:00:00Z');
    app = openTestApp(undefined, () => clock);
    const p = await newPublication();
    const seenAt = (p as unknown as { updatedAt: string }).updatedAt;
    clock = new Date('2026-11-20T10:01:00Z');
    await call(app, 'catalogue.save', { id: p.id, title: 'Migration and Health', pages: 130, expectedUpdatedAt: seenAt });
    const late = await app.invoke('catalogue.save', { id: p.id, title: 'Migration & Health', expectedUpdatedAt: seenAt });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Someone else changed this title/) });
  });

  it('keeps retired titles in the catalogue but not in the list offered for new orders', async () => {
    app = openTestApp();
    const p = await newPublication();
    await call(app, 'catalogue.save', { id: p.id, title: 'Migration and Health', active: false });
    const all = await call(app, 'catalogue.list', { includeRetired: true });
    const offered = await call(app, 'catalogue.list', { includeRetired: false });
    expect(all.publications.find((x: { id: number }) => x.id === p.id).active).toBe(false);
    expect(offered.publications.map((x: { id: number }) => x.id)).not.toContain(p.id);
    expect(offered.publications).toHaveLength(all.publications.length - 1);
  });
});

describe('price history', () => {
  it('offers the price in force on the given date and keeps every earlier price', async () => {
    app = openTestApp();
    const p = await newPublication();
    await call(app, 'prices.set', { publicationId: p.id, currency: 'CHF', unitPrice: '20', validFrom: '2025-01-01' });
    await call(app, 'prices.set', { publicationId: p.id, currency: 'CHF', unitPrice: '25.50', validFrom: '2026-06-01' });
    const scheduled = await call(app, 'prices.set', { publicationId: p.id, currency: 'CHF', unitPrice: '30', validFrom: '2027-01-01' });
    // A price scheduled for later does not change today's price.
    expect(scheduled.publication.prices.CHF).toEqual({ currency: 'CHF', unitPrice: '25.50', validFrom: '2026-06-01' });

    const priceOn = async (asOf: string) =>
      (await call(app, 'catalogue.list', { asOf })).publications.find((x: { id: number }) => x.id === p.id).prices.CHF?.unitPrice;
    expect(await priceOn('2024-12-31')).toBeUndefined();
    expect(await priceOn('2025-01-01')).toBe('20.00');
    expect(await priceOn('2026-05-31')).toBe('20.00');
    expect(await priceOn('2026-06-01')).toBe('25.50');
    expect(await priceOn(TODAY)).toBe('25.50');
    expect(await priceOn('2027-01-01')).toBe('30.00');

    const listed = await call(app, 'catalogue.list', { asOf: TODAY });
    expect(listed.upcoming.filter((u: { publicationId: number }) => u.publicationId === p.id).map((u: { validFrom: string; unitPrice: string }) => [u.validFrom, u.unitPrice])).toEqual([
      ['2027-01-01', '30.00'],
    ]);

    const history = await call(app, 'prices.history', { publicationId: p.id });
    expect(history.prices.map((h: { validFrom: string; unitPrice: string }) => [h.validFrom, h.unitPrice])).toEqual([
      ['2027-01-01', '30.00'],
      ['2026-06-01', '25.50'],
      ['2025-01-01', '20.00'],
    ]);
  });

  it('withdraws a scheduled price but never one already in force', async () => {
    app = openTestApp();
    const p = await newPublication();
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '18', validFrom: TODAY });
    await call(app, 'prices.set', { publicationId: p.id, currency: 'EUR', unitPrice: '21', validFrom: '2027-03-01' });
    const history = (await call(app, 'prices.history', { publicationId: p.id })).prices as { id: number; validFrom: string }[];
    const future = history.find((h) => h.validFrom === '2027-03-01')!;
    const current = history.find((h) => h.validFrom === TODAY)!;

    const refused = await app.invoke('prices.cancelScheduled', { priceId: current.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/kept as history/) });

    await call(app, 'prices.cancelScheduled', { priceId: future.id });
    const after = (await call(app, 'prices.history', { publicationId: p.id })).prices as { validFrom: string }[];
    expect(after.map((h) => h.validFrom)).toEqual([TODAY]);
  });

  it('leaves an existing order at the price it was taken at when the price changes later', async () => {
    app = openTestApp();
    const p = await newPublication();
    await call(app, 'prices.set', { publicationId: p.id, currency: 'USD', unitPrice: '40.00', validFrom: '2026-01-01' });
    const offered = (await call(app, 'catalogue.list', { asOf: TODAY, includeRetired: false })).publications.find((x: { id: number }) => x.id === p.id);
    const { order } = await call(app, 'orders.create', {
      customer: { name: 'Ana Lima', country: 'BR' },
      currency: 'USD',
      receivedVia: 'mail',
      receivedOn: TODAY,
      lines: [{ publicationId: p.id, quantity: 2, unitPrice: offered.prices.USD.unitPrice }],
    });

    await call(app, 'prices.set', { publicationId: p.id, currency: 'USD', unitPrice: '55.00', validFrom: '2026-01-01' });
    await call(app, 'prices.set', { publicationId: p.id, currency: 'USD', unitPrice: '60.00', validFrom: TODAY });
    await call(app, 'catalogue.save', { id: p.id, title: 'Migration and Health (2nd ed.)', active: false });

    const again = (await call(app, 'orders.get', { id: order.id })).order;
    expect(again.lines[0]).toMatchObject({ unitPrice: '40.00', lineTotal: '80.00', title: 'Migration and Health' });
    expect(again.total).toBe('80.00');
  });
});
