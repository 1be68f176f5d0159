import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const customer = { name: 'Zoë Ångström-Müller', address: 'Storgatan 1', country: 'SE', city: 'Uppsala', postalCode: '753 10', phone: '', email: 'zoe@example.se' };

async function firstPublicationId(): Promise<number> {
  const { publications } = await call(app, 'catalogue.list', {});
  return publications[0].id;
}

async function order(overrides: Record<string, unknown> = {}) {
  const publicationId = await firstPublicationId();
  return (
    await call(app, 'orders.create', {
      customer,
      currency: 'CHF',
      receivedVia: 'fax',
      receivedOn: '2026-11-02',
      lines: [
        { publicationId, quantity: 2, unitPrice: '19.90' },
        { title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' },
      ],
      ...overrides,
    })
  ).order;
}

async function duplicatesOf(input: Record<string, unknown>) {
  const publicationId = await firstPublicationId();
  const { duplicates } = await call(app, 'orders.findDuplicates', {
    customer: { name: customer.name, country: 'SE', email: '' },
    receivedOn: '2026-12-01',
    lines: [
      { title: 'world migration report 2024', quantity: 1 },
      { publicationId, title: '', quantity: 2 },
    ],
    ...input,
  });
  return duplicates as { id: number; number: string; receivedVia: string }[];
}

describe('the duplicate check before saving', () => {
  it('finds the same books for the same customer by name and country, accents, case and line order aside', async () => {
    app = openTestApp();
    const first = await order();
    expect(await duplicatesOf({ customer: { name: 'ZOE ANGSTROM-MULLER', country: 'se', email: '' } })).toEqual([
      expect.objectContaining({ id: first.id, number: first.number, receivedVia: 'fax', total: '79.80', currency: 'CHF' }),
    ]);
  });

  it('finds it by the same e-mail under another spelling of the name', async () => {
    app = openTestApp();
    await order();
    expect(await duplicatesOf({ customer: { name: 'Z. Angstrom', country: 'FR', email: 'ZOE@example.se' } })).toHaveLength(1);
  });

  it('does not warn for other quantities, another customer, a cancelled order, the order itself or after 60 days', async () => {
    app = openTestApp();
    const first = await order();
    const publicationId = await firstPublicationId();
    expect(await duplicatesOf({ lines: [{ publicationId, title: '', quantity: 3 }, { title: 'World Migration Report 2024', quantity: 1 }] })).toEqual([]);
    expect(await duplicatesOf({ customer: { name: 'Zoë Ångström-Müller', country: 'NO', email: '' } })).toEqual([]);
    expect(await duplicatesOf({ receivedOn: '2027-01-05' })).toEqual([]);
    expect(await duplicatesOf({ excludeOrderId: first.id })).toEqual([]);
    await call(app, 'orders.cancel', { id: first.id, reason: 'Entered twice' });
    expect(await duplicatesOf({})).toEqual([]);
  });
});

describe('saving from the entry screen', () => {
  it('keeps the address as written on this order even when the customer record changes later', async () => {
    app = openTestApp();
    const first = await order();
    await call(app, 'customers.save', { ...customer, id: first.customerId, address: 'New street 9' });
    const again = await call(app, 'orders.get', { id: first.id });
    expect(again.order.customer.address).toBe('Storgatan 1');
    expect(again.order.needsReview).toBe(true);
  });

  it('accepts names in any script and stores them exactly', async () => {
    app = openTestApp();
    for (const name of ['Łukasz Żółć', 'Ngọc Trần', 'محمد الحسن', '王小明']) {
      const saved = await order({ customer: { ...customer, name, email: '' } });
      expect((await call(app, 'orders.get', { id: saved.id })).order.customer.name).toBe(name);
    }
  });

  it('refuses an update based on an older version, and one of an order that is no longer open', async () => {
    app = openTestApp();
    const first = await order();
    const input = {
      id: first.id,
      customer,
      currency: 'CHF',
      receivedVia: 'fax',
      receivedOn: '2026-11-02',
      lines: [{ title: 'World Migration Report 2024', quantity: 3, unitPrice: '40.00' }],
    };
    const updated = await call(app, 'orders.update', { ...input, expectedUpdatedAt: first.updatedAt });
    expect(updated.order.total).toBe('120.00');
    const stale = await app.invoke('orders.update', { ...input, notes: 'late', expectedUpdatedAt: first.updatedAt });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('changed by someone else') });

    await call(app, 'orders.ship', { id: first.id, shippedOn: '2026-11-20' });
    const shipped = (await call(app, 'orders.get', { id: first.id })).order;
    const locked = await app.invoke('orders.update', { ...input, expectedUpdatedAt: shipped.updatedAt });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.message).toMatch(/is shipped and can no longer be edited/);
    expect((await call(app, 'orders.get', { id: first.id })).order.total).toBe('120.00');
  });
});
