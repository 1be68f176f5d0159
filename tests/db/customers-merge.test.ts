import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fromMinorUnits } from '../../shared/money/money';

let app: TestApp;
afterEach(() => app?.close());

async function addCustomer(details: Record<string, string>) {
  const { customer } = await call(app, 'customers.save', { country: 'CH', ...details });
  return customer as { id: number; name: string; email: string };
}

async function addOrder(customerId: number, currency = 'CHF', unitPrice = '20.00') {
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'As on the form', country: 'CH' },
    customerId,
    currency,
    receivedVia: 'fax',
    receivedOn: '2026-11-20',
    lines: [{ title: 'A report', quantity: 1, unitPrice }],
  });
  return order as { id: number };
}

async function addPayment(orderId: number, amountMinor: number): Promise<number> {
  const result = await call(app, 'payments.record', { orderId, method: 'check', receivedOn: '2026-11-20', amount: fromMinorUnits(amountMinor, 'CHF') });
  return result.payment.id;
}

async function pairs() {
  const { pairs } = await call(app, 'customers.duplicates', {});
  return pairs.map((p: { first: { id: number }; second: { id: number }; reasons: string[] }) => ({ ids: [p.first.id, p.second.id].sort(), reasons: p.reasons }));
}

describe('likely duplicate customers', () => {
  it('pairs the same name in the same country, accents and case ignored', async () => {
    app = openTestApp();
    const a = await addCustomer({ name: 'Zoë Ångström', country: 'SE' });
    const b = await addCustomer({ name: 'ZOE  ANGSTROM', country: 'SE' });
    await addCustomer({ name: 'Zoe Angstrom', country: 'NO' }); // same name, other country: a different person
    expect(await pairs()).toEqual([{ ids: [a.id, b.id], reasons: ['same_name_country'] }]);
  });

  it('pairs the same e-mail whatever its case, even under different names', async () => {
    app = openTestApp();
    const a = await addCustomer({ name: 'Library of Lausanne', email: 'Orders@BCU.ch' });
    const b = await addCustomer({ name: 'BCU Lausanne', email: 'orders@bcu.ch' });
    await addCustomer({ name: 'Someone else', email: 'other@bcu.ch' });
    expect(await pairs()).toEqual([{ ids: [a.id, b.id], reasons: ['same_email'] }]);
  });

  it('gives both reasons when e-mail and name agree, and shows the pair on each detail screen', async () => {
    app = openTestApp();
    const a = await addCustomer({ name: 'José Núñez', email: 'jose@unige.ch' });
    const b = await addCustomer({ name: 'jose nunez', email: 'JOSE@unige.ch' });
    expect(await pairs()).toEqual([{ ids: [a.id, b.id], reasons: ['same_email', 'same_name_country'] }]);
    const profile = await call(app, 'customers.profile', { id: a.id });
    expect(profile.possibleDuplicates.map((d: { id: number; reasons: string[] }) => [d.id, d.reasons])).toEqual([[b.id, ['same_email', 'same_name_country']]]);
  });

  it('stops suggesting a pair the clerk declared to be different customers', async () => {
    app = openTestApp();
    const a = await addCustomer({ name: 'Maria Rossi', country: 'IT' });
    const b = await addCustomer({ name: 'Maria Rossi', country: 'IT' });
    await call(app, 'customers.markDistinct', { firstId: b.id, secondId: a.id });
    expect(await pairs()).toEqual([]);
    expect((await call(app, 'customers.profile', { id: a.id })).possibleDuplicates).toEqual([]);
  });
});

describe('how many likely duplicates there are', () => {
  it('counts every pair, not only the ones listed, and one fewer after a merge', async () => {
    app = openTestApp();
    for (let i = 0; i < 4; i++) {
      await addCustomer({ name: `Bibliothèque ${i}`, country: 'FR' });
      await addCustomer({ name: `BIBLIOTHEQUE ${i}`, country: 'FR' });
    }
    const listed = await call(app, 'customers.duplicates', { limit: 2 });
    expect(listed.pairs).toHaveLength(2);
    expect(listed.total).toBe(4);
    const merging = listed.pairs[0];
    await call(app, 'customers.merge', { keepId: merging.first.id, mergeId: merging.second.id });
    const after = await call(app, 'customers.duplicates', { limit: 2 });
    expect(after.total).toBe(3);
    expect(after.pairs).toHaveLength(2);
    expect(after.pairs.some((p: { first: { id: number } }) => p.first.id === merging.first.id)).toBe(false);
  });
});

describe('merging customers', () => {
  it('moves every order and payment to the kept customer, hides the other, and audits it all in one go', async () => {
    app = openTestApp();
    const keep = await addCustomer({ name: 'José Núñez', email: 'jose@unige.ch', city: 'Genève', notes: 'Prefers fax.' });
    const other = await addCustomer({ name: 'Jose Nunez', phone: '+41 22 000 00 00', notes: 'Pays by check.' });
    const keptOrder = await addOrder(keep.id);
    const moved1 = await addOrder(other.id);
    const moved2 = await addOrder(other.id, 'EUR', '5.00');
    const payment = await addPayment(moved1.id, 2000);

    const result = await call(app, 'customers.merge', { keepId: keep.id, mergeId: other.id });
    expect(result.movedOrders).toBe(2);
    expect(result.customer.phone).toBe('+41 22 000 00 00');
    expect(result.customer.notes).toContain('Prefers fax.');
    expect(result.customer.notes).toContain('Pays by check.');

    const owners = app.db.prepare('SELECT id, customer_id AS customerId FROM orders ORDER BY id').all();
    expect(owners).toEqual([keptOrder, moved1, moved2].map((o) => ({ id: o.id, customerId: keep.id })));
    const paymentOwner = app.db.prepare('SELECT o.customer_id AS c FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.id = ?').get(payment);
    expect(paymentOwner).toEqual({ c: keep.id });

    const profile = await call(app, 'customers.profile', { id: keep.id });
    expect(profile.orderCount).toBe(3);
    expect(profile.balances).toEqual([
      { currency: 'CHF', ordered: '40.00', fees: '0.00', paid: '20.00', balance: '20.00', orderCount: 2 },
      { currency: 'EUR', ordered: '5.00', fees: '0.00', paid: '0.00', balance: '5.00', orderCount: 1 },
    ]);

    const gone = await call(app, 'customers.profile', { id: other.id });
    expect(gone.mergedInto).toEqual({ id: keep.id, name: keep.name });
    expect((await call(app, 'customers.search', { query: 'nunez' })).customers.map((c: { id: number }) => c.id)).toEqual([keep.id]);
    expect(await pairs()).toEqual([]);

    const audit = app.db.prepare('SELECT entity, entity_id AS id, action FROM audit_log WHERE action IN (?, ?, ?) ORDER BY audit_log.rowid').all('merge', 'merged_into', 'customer_merged');
    expect(audit).toEqual([
      { entity: 'order', id: moved1.id, action: 'customer_merged' },
      { entity: 'order', id: moved2.id, action: 'customer_merged' },
      { entity: 'customer', id: keep.id, action: 'merge' },
      { entity: 'customer', id: other.id, action: 'merged_into' },
    ]);
    const mergeEntry = app.db.prepare("SELECT after FROM audit_log WHERE action = 'merge'").get() as { after: string };
    expect(JSON.parse(mergeEntry.after)).toMatchObject({ mergedFrom: other.id, movedOrderIds: [moved1.id, moved2.id], movedPaymentIds: [payment] });
    const orderHistory = await call(app, 'orders.get', { id: moved1.id });
    expect(orderHistory.history.map((h: { action: string }) => h.action)).toEqual(['create', 'payment', 'customer_merged']);
  });

  it('sends a new order for the merged record to the kept one', async () => {
    app = openTestApp();
    const keep = await addCustomer({ name: 'Kept' });
    const other = await addCustomer({ name: 'Merged' });
    await call(app, 'customers.merge', { keepId: keep.id, mergeId: other.id });
    await addOrder(other.id);
    expect(app.db.prepare('SELECT customer_id AS c FROM orders').all()).toEqual([{ c: keep.id }]);
  });

  it('refuses to merge a customer into itself or an already merged record, and changes nothing', async () => {
    app = openTestApp();
    const a = await addCustomer({ name: 'A' });
    const b = await addCustomer({ name: 'B' });
    const c = await addCustomer({ name: 'C' });
    const self = await app.invoke('customers.merge', { keepId: a.id, mergeId: a.id });
    expect(self.ok).toBe(false);
    if (!self.ok) expect(self.error).toMatchObject({ code: 'invalid_input', field: 'mergeId', message: 'Pick two different customers to merge.' });

    await call(app, 'customers.merge', { keepId: a.id, mergeId: b.id });
    const auditBefore = app.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const again = await app.invoke('customers.merge', { keepId: c.id, mergeId: b.id });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'conflict', field: 'mergeId' });
    expect(app.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
    expect(app.db.prepare('SELECT merged_into AS m FROM customers WHERE id = ?').get(b.id)).toEqual({ m: a.id });
  });

  it('re-points earlier merges when the record they went into is merged in turn', async () => {
    app = openTestApp();
    const a = await addCustomer({ name: 'A' });
    const b = await addCustomer({ name: 'B' });
    const c = await addCustomer({ name: 'C' });
    await call(app, 'customers.merge', { keepId: b.id, mergeId: c.id });
    await call(app, 'customers.merge', { keepId: a.id, mergeId: b.id });
    expect((await call(app, 'customers.profile', { id: c.id })).mergedInto).toEqual({ id: a.id, name: 'A' });
  });
});
