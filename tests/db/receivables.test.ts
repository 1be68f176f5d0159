import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../db/seed/demo-data';
import { computeBalance } from '../../shared/money/balance';
import type { MovementKind } from '../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../shared/money/currencies';
import { fromMinorUnits, toMinorUnits } from '../../shared/money/money';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
beforeAll(() => {
  app = openTestApp(undefined, () => new Date('2026-11-27T18:00:00Z'));
  generateDemoData(app.db, { orders: 2000, seed: 11 });
}, 180_000);
afterAll(() => app?.close());

interface RawOrder {
  id: number;
  currency: CurrencyCode;
  customer_id: number;
  status: string;
  received_on: string;
  cancelled_on: string | null;
  total_minor: number;
  payment_status: string;
  balance_minor: number;
}
interface RawMovement {
  order_id: number;
  kind: MovementKind;
  reverses_id: number | null;
  on_date: string;
  amount_minor: number;
}

const orders = () => app.db.prepare('SELECT id, currency, customer_id, status, received_on, cancelled_on, total_minor, payment_status, balance_minor FROM orders').all() as RawOrder[];
const movements = () => app.db.prepare('SELECT order_id, kind, reverses_id, on_date, amount_minor FROM payments ORDER BY id').all() as RawMovement[];
const firstInvoices = () => new Map((app.db.prepare('SELECT order_id, min(issued_on) AS d FROM invoices GROUP BY order_id').all() as { order_id: number; d: string }[]).map((r) => [r.order_id, r.d]));

/** Written out again from the words, in integer cents, without the code under test. */
function settledCents(m: RawMovement): number {
  const settles = m.kind === 'payment' || m.kind === 'write_off' || m.kind === 'credit_in' ? m.amount_minor : -m.amount_minor;
  return m.reverses_id === null ? settles : -settles;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function independentAging(asOf: string) {
  const byOrder = new Map<number, RawMovement[]>();
  for (const m of movements()) if (m.on_date <= asOf) byOrder.set(m.order_id, [...(byOrder.get(m.order_id) ?? []), m]);
  const invoices = firstInvoices();
  const totals = new Map<string, { b: number[]; total: number; orders: number }>();
  for (const o of orders()) {
    if (o.received_on > asOf) continue;
    if (o.status === 'cancelled' && o.cancelled_on! <= asOf) continue;
    const outstanding = o.total_minor - (byOrder.get(o.id) ?? []).reduce((s, m) => s + settledCents(m), 0);
    if (outstanding <= 0) continue;
    const invoiced = invoices.get(o.id);
    const days = daysBetween(invoiced !== undefined && invoiced <= asOf ? invoiced : o.received_on, asOf);
    const bucket = days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
    const row = totals.get(o.currency) ?? { b: [0, 0, 0, 0], total: 0, orders: 0 };
    row.b[bucket]! += outstanding;
    row.total += outstanding;
    row.orders += 1;
    totals.set(o.currency, row);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, r]) => ({
      currency,
      buckets: { '0-30': fromMinorUnits(r.b[0]!, currency as CurrencyCode), '31-60': fromMinorUnits(r.b[1]!, currency as CurrencyCode), '61-90': fromMinorUnits(r.b[2]!, currency as CurrencyCode), 'over-90': fromMinorUnits(r.b[3]!, currency as CurrencyCode) },
      total: fromMinorUnits(r.total, currency as CurrencyCode),
      orders: r.orders,
    }));
}

describe('receivables', () => {
  it('keeps every order’s payment status and balance equal to a recomputation from scratch', () => {
    const ledger = new Map<number, RawMovement[]>();
    for (const m of movements()) ledger.set(m.order_id, [...(ledger.get(m.order_id) ?? []), m]);
    const differences = orders().filter((o) => {
      const balance = computeBalance({
        currency: o.currency,
        total: fromMinorUnits(o.total_minor, o.currency),
        cancelled: o.status === 'cancelled',
        movements: (ledger.get(o.id) ?? []).map((m) => ({ kind: m.kind, amount: fromMinorUnits(m.amount_minor, o.currency), reversal: m.reverses_id !== null })),
      });
      return balance.paymentStatus !== o.payment_status || balance.balance !== fromMinorUnits(o.balance_minor, o.currency);
    });
    expect(differences).toEqual([]);
  });

  it.each(['2024-06-30', '2025-12-31', '2026-09-15', '2026-11-27'])('ages what was outstanding on %s exactly as an independent computation from the raw rows', async (asOf) => {
    const aging = await call(app, 'receivables.aging', { asOf, customerLimit: 0 });
    const expected = independentAging(asOf);
    expect(expected.length).toBeGreaterThan(0);
    expect(aging.totals).toEqual(expected);
  });

  it('ages per customer too, and the customer rows add up to the currency totals', async () => {
    const asOf = '2026-11-27';
    const aging = await call(app, 'receivables.aging', { asOf, customerLimit: 1000 });
    for (const total of aging.totals) {
      const own = aging.customers.filter((c: { currency: string }) => c.currency === total.currency);
      const cents = own.reduce((s: number, c: { total: string }) => s + toMinorUnits(c.total, total.currency), 0);
      expect(fromMinorUnits(cents, total.currency)).toBe(total.total);
    }
    const one = aging.customers[0];
    const alone = await call(app, 'receivables.aging', { asOf, customerId: one.customerId, customerLimit: 5 });
    expect(alone.totals.find((t: { currency: string }) => t.currency === one.currency)).toEqual({ currency: one.currency, buckets: one.buckets, total: one.total, orders: one.orders });
  });

  it('lists on the dashboard the orders waiting longest and the money to pay back', async () => {
    const dashboard = await call(app, 'dashboard.summary', { limit: 5 });
    expect(dashboard.asOf).toBe('2026-11-27');
    expect(dashboard.waiting).toHaveLength(5);
    const days = dashboard.waiting.map((w: { daysWaiting: number }) => w.daysWaiting);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    for (const w of dashboard.waiting) expect(Number(w.balance)).toBeGreaterThan(0);
    for (const r of dashboard.refundsDue) expect(['refund_due', 'overpaid']).toContain(r.paymentStatus);
    expect(dashboard.aging.totals.map((t: { currency: string }) => t.currency)).toEqual(['CHF', 'EUR', 'USD']);
  });
});
