import countries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../db/seed/demo-data';
import { lineTotal, toMinorUnits, fromMinorUnits } from '../../shared/money/money';
import type { CurrencyCode } from '../../shared/money/currencies';
import { call, openTestApp, type TestApp } from '../support/test-db';

const TABLES = ['customers', 'prices', 'orders', 'order_lines', 'payments', 'invoices', 'audit_log'] as const;

function dump(app: TestApp): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, app.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

describe('demo data', () => {
  let app: TestApp;
  beforeAll(() => {
    app = openTestApp();
    // Over 2,000 orders, so a word in most titles takes the list's "many matches" path.
    generateDemoData(app.db, { orders: 2500, seed: 7 });
  }, 180_000);
  afterAll(() => app?.close());

  it('is the same for the same seed, and different for another seed', () => {
    const [first, again, other] = [openTestApp(), openTestApp(), openTestApp()];
    try {
      generateDemoData(first.db, { orders: 300, seed: 7 });
      generateDemoData(again.db, { orders: 300, seed: 7 });
      generateDemoData(other.db, { orders: 300, seed: 8 });
      const expected = dump(first);
      expect(expected.orders).toHaveLength(300);
      expect(dump(again)).toEqual(expected);
      expect(dump(other).orders).not.toEqual(expected.orders);
    } finally {
      for (const a of [first, again, other]) a.close();
    }
  }, 120_000);

  it('refuses a database that already has orders unless forced, then adds after them', () => {
    expect(() => generateDemoData(app.db, { orders: 10, seed: 1 })).toThrow(/already has 2500 orders.*--force/);
    const second = openTestApp();
    try {
      generateDemoData(second.db, { orders: 20, seed: 1 });
      const summary = generateDemoData(second.db, { orders: 20, seed: 2, force: true });
      expect(summary.orders).toBe(20);
      const numbers = second.db.prepare('SELECT number FROM orders').pluck().all() as string[];
      expect(new Set(numbers).size).toBe(40);
    } finally {
      second.close();
    }
  });

  it('keeps every order total equal to the exact sum of its lines, computed by the money module', () => {
    const orders = app.db.prepare('SELECT id, currency, total_minor FROM orders').all() as { id: number; currency: CurrencyCode; total_minor: number }[];
    const lines = app.db.prepare('SELECT * FROM order_lines ORDER BY order_id, position').all() as {
      order_id: number;
      quantity: number;
      unit_price_minor: number;
      discount_bp: number | null;
      line_total_minor: number;
    }[];
    const byOrder = new Map<number, typeof lines>();
    for (const l of lines) byOrder.set(l.order_id, [...(byOrder.get(l.order_id) ?? []), l]);
    for (const order of orders) {
      const own = byOrder.get(order.id) ?? [];
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(5);
      for (const l of own) {
        const discount = l.discount_bp === null ? null : String(l.discount_bp / 100);
        const expected = lineTotal({ quantity: l.quantity, unitPrice: fromMinorUnits(l.unit_price_minor, order.currency), discountPercent: discount }, order.currency);
        expect(l.line_total_minor).toBe(toMinorUnits(expected, order.currency));
      }
      expect(order.total_minor).toBe(own.reduce((sum, l) => sum + l.line_total_minor, 0));
    }
  });

  it('gives every order a lifecycle its invoices and shipments agree with, and a payment status its ledger agrees with', () => {
    const rows = app.db
      .prepare(
        `SELECT o.id, o.status, o.payment_status, o.total_minor, o.balance_minor, o.cancel_reason, o.shipped_on, o.currency,
           (SELECT count(*) FROM invoices i WHERE i.order_id = o.id) AS invoices,
           (SELECT coalesce(sum(settles_minor), 0) FROM payments p WHERE p.order_id = o.id) AS settled,
           (SELECT coalesce(sum(settles_minor), 0) FROM payments p WHERE p.order_id = o.id AND p.kind <> 'write_off') AS held,
           (SELECT count(*) FROM payments p WHERE p.order_id = o.id AND p.currency <> o.currency) AS foreign_payments
         FROM orders o`,
      )
      .all() as { status: string; payment_status: string; total_minor: number; balance_minor: number; cancel_reason: string; shipped_on: string | null; invoices: number; settled: number; held: number; foreign_payments: number }[];
    expect([...new Set(rows.map((r) => r.status))].sort()).toEqual(['cancelled', 'closed', 'invoiced', 'received', 'shipped']);
    expect([...new Set(rows.map((r) => r.payment_status))].sort()).toEqual(['overpaid', 'paid', 'partially_paid', 'refund_due', 'refunded', 'unpaid']);
    for (const r of rows) {
      expect(r.foreign_payments).toBe(0);
      if (r.status === 'received') expect([r.invoices, r.settled]).toEqual([0, 0]);
      if (r.status === 'invoiced' || r.status === 'shipped' || r.status === 'closed') expect(r.invoices).toBe(1);
      if (r.status === 'shipped' || r.status === 'closed') expect(r.shipped_on).not.toBeNull();
      if (r.status === 'closed') expect(['paid', 'refunded']).toContain(r.payment_status);
      if (r.status === 'cancelled') {
        expect(r.cancel_reason).not.toBe('');
        // A cancelled order owes nothing: its balance is minus the money it holds (write-offs no longer count).
        expect(r.balance_minor + r.held).toBe(0);
      } else {
        expect(r.balance_minor).toBe(r.total_minor - r.settled);
      }
    }
  });

  it('has every kind of money movement: partial payments, overpayments, refunds, bank-fee write-offs, credit moves and reversals', () => {
    const kinds = app.db.prepare('SELECT kind, reverses_id IS NOT NULL AS reversal, count(*) AS n FROM payments GROUP BY 1, 2').all() as { kind: string; reversal: number; n: number }[];
    const has = (kind: string, reversal = 0) => kinds.some((k) => k.kind === kind && k.reversal === reversal && k.n > 0);
    for (const kind of ['payment', 'refund', 'write_off', 'credit_in', 'credit_out']) expect(has(kind), kind).toBe(true);
    expect(has('payment', 1)).toBe(true);
    // Written off with their transfer, which they point at.
    const fees = app.db.prepare("SELECT count(*) FROM payments w JOIN payments t ON t.id = w.fees_of_id WHERE w.kind = 'write_off' AND t.fees_deducted_minor = w.amount_minor").pluck().get() as number;
    expect(fees).toBeGreaterThan(0);
    expect(app.db.prepare("SELECT count(*) FROM orders WHERE payment_status = 'partially_paid'").pluck().get()).toBeGreaterThan(0);
  });

  it('keeps only the last four digits of a card, and only for card payments', () => {
    const payments = app.db.prepare("SELECT method, card_last4 FROM payments WHERE kind = 'payment' AND reverses_id IS NULL").all() as { method: string; card_last4: string | null }[];
    expect(new Set(payments.map((p) => p.method))).toEqual(new Set(['credit_card', 'check', 'bank_transfer']));
    for (const p of payments) {
      if (p.method === 'credit_card') expect(p.card_last4).toMatch(/^\d{4}$/);
      else expect(p.card_last4).toBeNull();
    }
  });

  it('has customers from many countries in many scripts, prices with history, and a realistic mix', () => {
    const customerCountries = app.db.prepare('SELECT DISTINCT country FROM customers').pluck().all() as string[];
    expect(customerCountries.length).toBeGreaterThanOrEqual(15);
    for (const c of customerCountries) expect(countries.isValid(c)).toBe(true);
    const names = (app.db.prepare('SELECT name FROM customers').pluck().all() as string[]).join(' ');
    for (const script of ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Han']) expect(names).toMatch(new RegExp(`\\p{Script=${script}}`, 'u'));
    expect(names).toMatch(/[ąćęłńóśźż]/i);
    expect(names).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);

    const priceSteps = app.db.prepare('SELECT publication_id, currency, count(*) AS n FROM prices GROUP BY 1, 2').all() as { n: number }[];
    expect(priceSteps.every((p) => p.n === 3)).toBe(true);
    const years = app.db.prepare("SELECT DISTINCT substr(received_on, 1, 4) FROM orders ORDER BY 1").pluck().all();
    expect(years).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    const mix = (column: string) => app.db.prepare(`SELECT DISTINCT ${column} FROM orders`).pluck().all();
    expect(new Set(mix('received_via'))).toEqual(new Set(['mail', 'fax', 'email', 'other']));
    expect(new Set(mix('currency'))).toEqual(new Set(['CHF', 'EUR', 'USD']));
    const review = app.db.prepare('SELECT count(*) FROM orders WHERE needs_review = 1').pluck().get() as number;
    const freeText = app.db.prepare('SELECT count(DISTINCT order_id) FROM order_lines WHERE free_text = 1').pluck().get() as number;
    expect(review).toBeGreaterThan(0);
    expect(review).toBe(freeText);
  });

  it('writes the search rows and audit records the services would', async () => {
    const orders = app.db.prepare('SELECT count(*) FROM orders').pluck().get();
    expect(app.db.prepare('SELECT count(*) FROM orders_fts').pluck().get()).toBe(orders);
    expect(app.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'create'").pluck().get()).toBe(orders);
    const cancelled = app.db.prepare("SELECT id FROM orders WHERE status = 'cancelled' LIMIT 1").pluck().get() as number;
    const record = await call(app, 'orders.get', { id: cancelled });
    expect(record.history.map((h: { action: string }) => h.action)).toContain('cancel');
    const closed = app.db
      .prepare("SELECT id FROM orders o WHERE status = 'closed' AND (SELECT count(*) FROM payments p WHERE p.order_id = o.id) = 1 LIMIT 1")
      .pluck()
      .get() as number;
    const shippedRecord = await call(app, 'orders.get', { id: closed });
    expect(shippedRecord.history.map((h: { action: string }) => h.action)).toEqual(['create', 'invoice', 'payment', 'ship']);
    expect(shippedRecord.order.paymentStatus).toBe('paid');
    expect(shippedRecord.balance).toBe('0.00');
    expect(shippedRecord.invoices).toHaveLength(1);
  });

  it('answers a search matching most orders correctly, sorted and counted', async () => {
    const total = app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    const matching = (
      app.db.prepare("SELECT DISTINCT order_id FROM order_lines WHERE title LIKE '%trafficking%'").pluck().all() as number[]
    ).length;
    expect(matching).toBeGreaterThan(2000);
    const result = await call(app, 'orders.list', { query: 'Trafficking', limit: 100 });
    expect(result.total).toBe(matching);
    expect(result.total).toBeLessThan(total);
    const dates = result.rows.map((r: { receivedOn: string }) => r.receivedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const newest = app.db
      .prepare("SELECT id FROM orders WHERE id IN (SELECT order_id FROM order_lines WHERE title LIKE '%trafficking%') ORDER BY received_on DESC, id DESC LIMIT 100")
      .pluck()
      .all();
    expect(result.rows.map((r: { id: number }) => r.id)).toEqual(newest);
    let byStatus = 0;
    for (const status of ['received', 'invoiced', 'shipped', 'closed', 'cancelled']) {
      byStatus += (await call(app, 'orders.list', { query: 'trafficking', status, limit: 1 })).total;
    }
    expect(byStatus).toBe(matching);
  });
});
