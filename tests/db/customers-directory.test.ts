import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fromMinorUnits } from '../../shared/money/money';
import type { CurrencyCode } from '../../shared/money/currencies';

let app: TestApp;
afterEach(() => app?.close());

async function addCustomer(details: Record<string, string>) {
  const { customer } = await call(app, 'customers.save', { country: 'CH', ...details });
  return customer as { id: number; name: string };
}

async function addOrder(customerId: number, currency: string, unitPrice: string, quantity = 1) {
  const { customer } = await call(app, 'customers.get', { id: customerId });
  const { order } = await call(app, 'orders.create', {
    customer: { name: customer.name, country: customer.country, email: customer.email },
    customerId,
    currency,
    receivedVia: 'mail',
    receivedOn: '2026-11-20',
    lines: [{ title: 'A report', quantity, unitPrice }],
  });
  return order as { id: number; number: string; total: string };
}

/** A payment (positive minor units) or a refund (negative), recorded through the payments API. */
async function addPayment(orderId: number, currency: CurrencyCode, amountMinor: number) {
  const value = fromMinorUnits(Math.abs(amountMinor), currency);
  if (amountMinor > 0) await call(app, 'payments.record', { orderId, method: 'bank_transfer', receivedOn: '2026-11-20', amount: value });
  else await call(app, 'payments.refund', { orderId, method: 'bank_transfer', paidOn: '2026-11-20', amount: value, reason: 'Overpaid' });
}

describe('customer directory search', () => {
  it('finds customers by name, e-mail, city and country, ignoring accents and case', async () => {
    app = openTestApp();
    const zoe = await addCustomer({ name: 'Zoë Ångström-Müller', city: 'Göteborg', country: 'SE', email: 'Zoe@Example.se' });
    const jose = await addCustomer({ name: 'José Núñez', city: 'Genève', country: 'CH', email: 'jose@unige.ch' });
    await addCustomer({ name: 'Anna Schmidt', city: 'Berlin', country: 'DE', email: 'anna@example.de' });

    const names = async (query: string) => (await call(app, 'customers.search', { query })).customers.map((c: { name: string }) => c.name);
    expect(await names('ANGSTROM')).toEqual([zoe.name]);
    expect(await names('jose nunez')).toEqual([jose.name]);
    expect(await names('geneve')).toEqual([jose.name]);
    expect(await names('GOTEBORG')).toEqual([zoe.name]);
    expect(await names('zoe@example')).toEqual([zoe.name]);
    expect(await names('Suède')).toEqual([zoe.name]);
    expect(await names('switzerland')).toEqual([jose.name]);
    expect(await names('de')).toContain('Anna Schmidt');
    expect(await names('nobody-like-this')).toEqual([]);
  });

  it('pages through the directory with a total count', async () => {
    app = openTestApp();
    for (let i = 1; i <= 25; i += 1) await addCustomer({ name: `Library ${String(i).padStart(2, '0')}`, city: 'Lyon', country: 'FR' });
    const first = await call(app, 'customers.search', { query: 'lyon', limit: 10, offset: 0 });
    const third = await call(app, 'customers.search', { query: 'lyon', limit: 10, offset: 20 });
    expect(first.total).toBe(25);
    expect(first.customers).toHaveLength(10);
    expect(first.customers[0].name).toBe('Library 01');
    expect(third.customers.map((c: { name: string }) => c.name)).toEqual(['Library 21', 'Library 22', 'Library 23', 'Library 24', 'Library 25']);
  });

  it('still finds customers whose search text was never computed (rows from before the column existed)', async () => {
    app = openTestApp();
    const jose = await addCustomer({ name: 'José Núñez', city: 'Genève' });
    app.db.prepare('UPDATE customers SET search_key = NULL').run();
    expect((await call(app, 'customers.search', { query: 'geneve' })).customers.map((c: { id: number }) => c.id)).toEqual([jose.id]);
  });

  it('refuses an invalid e-mail on save, naming the field', async () => {
    app = openTestApp();
    const result = await app.invoke('customers.save', { name: 'X', country: 'CH', email: 'not-an-email' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe('email');
      expect(result.error.message).toMatch(/E-mail does not look like an e-mail address/);
    }
  });
});

describe('saving a customer two clerks opened', () => {
  it('refuses the second save instead of silently overwriting the first', async () => {
    let clock = new Date('2026-11-20T10:00:00Z');
    app = openTestApp(undefined, () => clock);
    const opened = await addCustomer({ name: 'Anna Schmidt', country: 'DE' });
    const seenAt = (await call(app, 'customers.get', { id: opened.id })).customer.updatedAt;
    clock = new Date('2026-11-20T10:05:00Z');
    await call(app, 'customers.save', { id: opened.id, name: 'Anna Schmidt', country: 'DE', phone: '+49 30 1', expectedUpdatedAt: seenAt });
    const late = await app.invoke('customers.save', { id: opened.id, name: 'Anna Schmidt-Weber', country: 'DE', expectedUpdatedAt: seenAt });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Someone else changed this customer/) });
    expect((await call(app, 'customers.get', { id: opened.id })).customer).toMatchObject({ name: 'Anna Schmidt', phone: '+49 30 1' });
  });
});

describe('customer balance per currency', () => {
  it('is the exact total of non-cancelled orders minus payments, per currency', async () => {
    app = openTestApp();
    const c = await addCustomer({ name: 'Bibliothèque cantonale', email: 'achats@bcu.ch' });
    const a = await addOrder(c.id, 'CHF', '0.10', 3); // 0.30
    await addOrder(c.id, 'CHF', '0.20', 1); // 0.20 — 0.1 + 0.2 style sums must be exact
    const cancelled = await addOrder(c.id, 'CHF', '100.00');
    await call(app, 'orders.cancel', { id: cancelled.id, reason: 'Sent twice' });
    const e = await addOrder(c.id, 'EUR', '33.33', 3); // 99.99
    await addPayment(a.id, 'CHF', 30);
    await addPayment(e.id, 'EUR', 10000); // overpaid by 0.01
    await addPayment(e.id, 'EUR', -1); // refund of 0.01

    const profile = await call(app, 'customers.profile', { id: c.id });
    expect(profile.balances).toEqual([
      { currency: 'CHF', ordered: '0.50', fees: '0.00', paid: '0.30', balance: '0.20', orderCount: 2 },
      { currency: 'EUR', ordered: '99.99', fees: '0.00', paid: '99.99', balance: '0.00', orderCount: 1 },
    ]);
    expect(profile.orderCount).toBe(4);

    const orders = await call(app, 'customers.orders', { id: c.id });
    expect(orders.total).toBe(4);
    expect(orders.rows.map((o: { status: string }) => o.status).sort()).toEqual(['cancelled', 'received', 'received', 'received']);
  });

  it('shows a negative balance when the customer paid more than ordered', async () => {
    app = openTestApp();
    const c = await addCustomer({ name: 'Overpayer' });
    const o = await addOrder(c.id, 'USD', '10.00');
    await addPayment(o.id, 'USD', 1250);
    const profile = await call(app, 'customers.profile', { id: c.id });
    expect(profile.balances).toEqual([{ currency: 'USD', ordered: '10.00', fees: '0.00', paid: '12.50', balance: '-2.50', orderCount: 1 }]);
  });
});

describe('customers per country', () => {
  it('counts the directory’s customers per country, most first, leaving merged records out', async () => {
    app = openTestApp();
    const kept = await addCustomer({ name: 'Ana Ruiz', country: 'ES', email: 'ana@example.es' });
    const merged = await addCustomer({ name: 'Ana Ruiz', country: 'ES', email: 'ana.ruiz@example.es' });
    await addCustomer({ name: 'Bea Soto', country: 'ES' });
    await addCustomer({ name: 'Carl Berg', country: 'SE' });
    await addCustomer({ name: 'Dora Keller' });
    await addCustomer({ name: 'Emil Graf' });
    expect((await call(app, 'customers.countries', {})).countries).toEqual([
      { code: 'ES', customers: 3 },
      { code: 'CH', customers: 2 },
      { code: 'SE', customers: 1 },
    ]);
    await call(app, 'customers.merge', { keepId: kept.id, mergeId: merged.id });
    expect((await call(app, 'customers.countries', {})).countries).toEqual([
      { code: 'CH', customers: 2 },
      { code: 'ES', customers: 2 },
      { code: 'SE', customers: 1 },
    ]);
  });
});
