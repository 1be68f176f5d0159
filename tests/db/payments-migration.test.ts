import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

let app: TestApp | undefined;
afterEach(() => app?.close());

/**
 * A database as Order Desk wrote it before payments were tracked (schema 4): one order in
 * each old status, payments with refunds as negative amounts, and the audit records the
 * old code wrote when it shipped or cancelled an order.
 */
function schema4Database(): string {
  const file = path.join(tempDir(), 'v4.db');
  const raw = new Database(file);
  raw.pragma('foreign_keys = ON');
  raw.transaction(() => {
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) {
      raw.exec(m.sql);
      raw.pragma(`user_version = ${m.version}`);
    }
    const order = raw.prepare(
      `INSERT INTO orders (number, received_on, received_via, currency, customer_name, customer_country, status, cancel_reason, total_minor, created_at, updated_at)
       VALUES (?, '2026-03-02', 'mail', 'CHF', ?, 'CH', ?, ?, ?, '2026-03-02T09:00:00Z', '2026-03-20T09:00:00Z')`,
    );
    const line = raw.prepare("INSERT INTO order_lines (order_id, position, title, free_text, quantity, unit_price_minor, line_total_minor) VALUES (?, 1, 'A report', 1, 1, ?, ?)");
    const pay = raw.prepare("INSERT INTO payments (order_id, received_on, method, currency, amount_minor, card_last4, created_at) VALUES (?, ?, ?, 'CHF', ?, ?, '2026-03-10T09:00:00Z')");
    const invoice = raw.prepare("INSERT INTO invoices (order_id, number, issued_on, currency, total_minor, snapshot, created_at) VALUES (?, ?, '2026-03-03', 'CHF', ?, '{}', '2026-03-03T09:00:00Z')");
    const audit = raw.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after) VALUES (?, 'clerk', 'order', ?, ?, NULL, ?)");
    let sequence = 0;
    const add = (name: string, status: string, total: number, reason = '') => {
      sequence += 1;
      const id = Number(order.run(`2026-${String(sequence).padStart(5, '0')}`, name, status, reason, total).lastInsertRowid);
      line.run(id, total, total);
      return id;
    };
    const open = add('Open order', 'open', 5000);
    const invoiced = add('Invoiced order', 'invoiced', 5000);
    invoice.run(invoiced, 'INV-2026-00001', 5000);
    const partly = add('Partly paid', 'partially_paid', 5000);
    invoice.run(partly, 'INV-2026-00002', 5000);
    pay.run(partly, '2026-03-10', 'check', 2000, null);
    const paid = add('Paid by card', 'paid', 5000);
    invoice.run(paid, 'INV-2026-00003', 5000);
    pay.run(paid, '2026-03-04', 'credit_card', 5000, '4242');
    const shipped = add('Shipped and paid', 'shipped', 5000);
    invoice.run(shipped, 'INV-2026-00004', 5000);
    pay.run(shipped, '2026-03-05', 'bank_transfer', 5000, null);
    audit.run('2026-03-08T10:00:00Z', shipped, 'ship', '{"status":"shipped","shippedOn":"2026-03-08"}');
    const shippedUnpaid = add('Shipped on trust', 'shipped', 5000);
    invoice.run(shippedUnpaid, 'INV-2026-00005', 5000);
    audit.run('2026-03-09T10:00:00Z', shippedUnpaid, 'ship', '{"status":"shipped","shippedOn":"2026-03-09"}');
    const cancelled = add('Cancelled', 'cancelled', 5000, 'Duplicate');
    audit.run('2026-03-06T10:00:00Z', cancelled, 'cancel', '{"status":"cancelled"}');
    const refunded = add('Cancelled and refunded', 'cancelled', 5000, 'Withdrawn');
    pay.run(refunded, '2026-03-04', 'bank_transfer', 5000, null);
    pay.run(refunded, '2026-03-12', 'bank_transfer', -5000, null);
    void open;
  })();
  raw.close();
  return file;
}

describe('upgrading a database from before payments were tracked', () => {
  it('keeps every order’s meaning: lifecycle, payment status, balance, dates and payments', async () => {
    app = openTestApp(schema4Database());
    const rows = (await call(app, 'orders.list', { sort: 'customerName', direction: 'asc', limit: 20 })).rows;
    const byName = Object.fromEntries(rows.map((r: { customerName: string }) => [r.customerName, r]));
    const facts = (name: string) => {
      const r = byName[name];
      return [r.status, r.paymentStatus, r.balance];
    };
    expect(facts('Open order')).toEqual(['received', 'unpaid', '50.00']);
    expect(facts('Invoiced order')).toEqual(['invoiced', 'unpaid', '50.00']);
    expect(facts('Partly paid')).toEqual(['invoiced', 'partially_paid', '30.00']);
    expect(facts('Paid by card')).toEqual(['invoiced', 'paid', '0.00']);
    expect(facts('Shipped and paid')).toEqual(['closed', 'paid', '0.00']);
    expect(facts('Shipped on trust')).toEqual(['shipped', 'unpaid', '50.00']);
    expect(facts('Cancelled')).toEqual(['cancelled', 'unpaid', '0.00']);
    expect(facts('Cancelled and refunded')).toEqual(['cancelled', 'refunded', '0.00']);

    const shipped = (await call(app, 'orders.get', { id: byName['Shipped and paid'].id })).order;
    expect(shipped).toMatchObject({ shippedOn: '2026-03-08', closedOn: '2026-03-08' });
    expect((await call(app, 'orders.get', { id: byName['Cancelled'].id })).order.cancelledOn).toBe('2026-03-06');
    const refunded = await call(app, 'orders.get', { id: byName['Cancelled and refunded'].id });
    expect(refunded.payments.map((p: { kind: string; amount: string; effect: string }) => [p.kind, p.amount, p.effect])).toEqual([
      ['payment', '50.00', '-50.00'],
      ['refund', '50.00', '50.00'],
    ]);
    const card = await call(app, 'orders.get', { id: byName['Paid by card'].id });
    expect(card.payments[0]).toMatchObject({ method: 'credit_card', card: { last4: '4242' }, recordedBy: 'before payments were tracked' });
    expect(app.db.pragma('foreign_key_check')).toEqual([]);
    expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('lets the upgraded orders take new movements under the new rules', async () => {
    app = openTestApp(schema4Database());
    const partly = app.db.prepare("SELECT id FROM orders WHERE customer_name = 'Partly paid'").pluck().get() as number;
    const result = await call(app, 'payments.record', { orderId: partly, method: 'check', receivedOn: '2026-11-20', amount: '30.00' });
    expect(result).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
    const old = app.db.prepare("SELECT id FROM orders WHERE customer_name = 'Open order'").pluck().get() as number;
    expect((await call(app, 'orders.cancel', { id: old, reason: 'No longer wanted' })).order.status).toBe('cancelled');
  });
});
