/**
 * A write whose answer was lost is sent again with the same idempotency key: it is stored once
 * and the repeat answers the first result (db/api/idempotency.ts). A key reused with another
 * input, or for another method, is refused naming the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS, type FakeRenderer } from '../support/fake-renderer';
import { runBatch, type IssueOne } from '../../renderer/screens/invoices/batch/batch-runner';

let app: TestApp;
let renderer: FakeRenderer;
beforeEach(async () => {
  renderer = fakeRenderer();
  app = openTestApp(undefined, () => new Date('2026-11-20T10:00:00Z'), { documents: () => renderer });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
});
afterEach(() => app?.close());

const KEY = '6f1d7a52-0c1e-4b8f-9d2a-3e4f5a6b7c8d';
const OTHER_KEY = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

const newOrder = {
  customer: { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' },
  currency: 'CHF',
  receivedVia: 'mail',
  receivedOn: '2026-11-02',
  lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '80.00' }],
};

async function order() {
  return (await call(app, 'orders.create', newOrder)).order as { id: number; number: string };
}

const count = (sql: string, ...params: unknown[]) => app.db.prepare(sql).pluck().get(...params) as number;

describe('an idempotency key', () => {
  it('records a payment once when it is sent twice: the repeat answers the first result', async () => {
    const o = await order();
    const payment = { orderId: o.id, method: 'check', receivedOn: '2026-11-12', amount: '30.00', check: { number: '100', bank: 'UBS' }, idempotencyKey: KEY };
    const first = await call(app, 'payments.record', payment);
    const again = await call(app, 'payments.record', payment);
    expect(again).toEqual(first);
    expect(count('SELECT count(*) FROM payments WHERE order_id = ?', o.id)).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'order' AND entity_id = ? AND action = 'payment'", o.id)).toBe(1);
    expect((await call(app, 'orders.get', { id: o.id })).order.balance).toBe('50.00');
    // The same key in capitals is the same key.
    expect(await call(app, 'payments.record', { ...payment, idempotencyKey: KEY.toUpperCase() })).toEqual(first);
    // Without a key, or with a new one, it is another payment.
    await call(app, 'payments.record', { ...payment, idempotencyKey: OTHER_KEY });
    expect(count('SELECT count(*) FROM payments WHERE order_id = ?', o.id)).toBe(2);
  });

  it('is refused, naming the field, when it comes again with other values or for another method; nothing is stored', async () => {
    const o = await order();
    const payment = { orderId: o.id, method: 'check', receivedOn: '2026-11-12', amount: '30.00', idempotencyKey: KEY };
    await call(app, 'payments.record', payment);
    const changed = await app.invoke('payments.record', { ...payment, amount: '31.00' });
    expect(changed).toMatchObject({ ok: false, error: { code: 'conflict', field: 'idempotencyKey', message: expect.stringContaining('already saved with other values') } });
    const elsewhere = await app.invoke('payments.writeOff', { orderId: o.id, amount: '1.00', reason: 'Rounding', idempotencyKey: KEY });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'conflict', field: 'idempotencyKey', message: expect.stringContaining('payments.record') } });
    expect(count('SELECT count(*) FROM payments WHERE order_id = ?', o.id)).toBe(1);
    const malformed = await app.invoke('payments.record', { ...payment, idempotencyKey: 'retry-1' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'idempotencyKey' } });
  });

  it('is not used up by a call that stored nothing: the confirmed retry of a questioned amount goes through once', async () => {
    const o = await order();
    const payment = { orderId: o.id, method: 'check', receivedOn: '2026-11-12', amount: '800.00', idempotencyKey: KEY };
    expect(await app.invoke('payments.record', payment)).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    const confirmed = await call(app, 'payments.record', { ...payment, confirmed: true });
    // Confirming is consent, not another input: the repeat answers the first result.
    expect(await call(app, 'payments.record', { ...payment, confirmed: true })).toEqual(confirmed);
    expect(await call(app, 'payments.record', payment)).toEqual(confirmed);
    expect(count('SELECT count(*) FROM payments WHERE order_id = ?', o.id)).toBe(1);
  });

  it('keeps refunds, write-offs and credit moves to one each', async () => {
    const a = await order();
    const b = await order();
    await call(app, 'payments.record', { orderId: a.id, method: 'check', receivedOn: '2026-11-12', amount: '120.00', confirmed: true });
    const move = { fromOrderId: a.id, toOrderId: b.id, amount: '20.00', movedOn: '2026-11-13', idempotencyKey: KEY };
    expect(await call(app, 'payments.applyCredit', move)).toEqual(await call(app, 'payments.applyCredit', move));
    const refund = { orderId: a.id, amount: '10.00', paidOn: '2026-11-14', method: 'check', reason: 'Overpaid', idempotencyKey: OTHER_KEY };
    expect(await call(app, 'payments.refund', refund)).toEqual(await call(app, 'payments.refund', refund));
    const writeOff = { orderId: b.id, amount: '1.00', reason: 'Rounding', writtenOffOn: '2026-11-14', idempotencyKey: '11111111-2222-4333-8444-555555555555' };
    expect(await call(app, 'payments.writeOff', writeOff)).toEqual(await call(app, 'payments.writeOff', writeOff));
    expect(app.db.prepare('SELECT kind, count(*) AS n FROM payments GROUP BY kind ORDER BY kind').all()).toEqual([
      { kind: 'credit_in', n: 1 },
      { kind: 'credit_out', n: 1 },
      { kind: 'payment', n: 1 },
      { kind: 'refund', n: 1 },
      { kind: 'write_off', n: 1 },
    ]);
  });

  it('creates an order once: the repeat answers the same order and number', async () => {
    const first = await call(app, 'orders.create', { ...newOrder, idempotencyKey: KEY });
    const again = await call(app, 'orders.create', { ...newOrder, idempotencyKey: KEY });
    expect(again).toEqual(first);
    expect(count('SELECT count(*) FROM orders')).toBe(1);
  });

  it('issues an invoice and a credit note once, rendering no second PDF for the repeat', async () => {
    const o = await order();
    const issue = { orderId: o.id, issuedOn: '2026-11-20', idempotencyKey: KEY };
    const first = await call(app, 'invoices.issue', issue);
    expect(renderer.rendered).toHaveLength(1);
    const again = await call(app, 'invoices.issue', issue);
    expect(again).toEqual(first);
    expect(renderer.rendered).toHaveLength(1);
    const credit = { invoiceId: first.invoice.id, reason: 'Returned', idempotencyKey: OTHER_KEY };
    const note = await call(app, 'invoices.credit', credit);
    expect(await call(app, 'invoices.credit', credit)).toEqual(note);
    expect(app.db.prepare('SELECT number FROM invoices ORDER BY id').pluck().all()).toEqual(['INV-2026-00001', 'CN-2026-00001']);
  });

  it('answers two calls racing with one key with one invoice: the later one finds the first answer in its transaction', async () => {
    const o = await order();
    const issue = { orderId: o.id, issuedOn: '2026-11-20', idempotencyKey: KEY };
    const [a, b] = await Promise.all([call(app, 'invoices.issue', issue), call(app, 'invoices.issue', issue)]);
    expect(b).toEqual(a);
    expect(count('SELECT count(*) FROM invoices')).toBe(1);
    // Both rendered before either stored: the second render was thrown away, and no number was used for it.
    expect(renderer.rendered).toHaveLength(2);
  });

  it("issues a month's batch once when the run is sent again with its key after an answer was lost", async () => {
    const orders = [await order(), await order(), await order()];
    const { orders: listed } = await call(app, 'invoices.uninvoiced', { month: '2026-11' });
    expect(listed.map((o: { id: number }) => o.id)).toEqual(orders.map((o) => o.id));
    const sent: { orderId: number; idempotencyKey: string }[] = [];
    // The screen's call, through the whole API; the second invoice is made but its answer never arrives.
    const issue: IssueOne = async (orderId, idempotencyKey) => {
      sent.push({ orderId, idempotencyKey });
      const result = (await app.invoke('invoices.issue', { orderId, idempotencyKey })) as Awaited<ReturnType<IssueOne>>;
      return sent.length === 2 ? { ok: false, error: { code: 'internal', message: 'Order Desk is not reachable. Is the program still running?' } } : result;
    };
    const runKey = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const options = { runKey, stopRequested: () => false, onProgress: () => undefined };
    const cut = await runBatch(listed, issue, options);
    expect(cut.stopped).toMatchObject({ by: 'error' });
    expect(cut.issued.map((e) => e.invoiceNumber)).toEqual(['INV-2026-00001']);
    expect(count('SELECT count(*) FROM invoices')).toBe(2);

    // Restarted from the list on screen, with the same run key: the same calls, answered with what they made.
    const again = await runBatch(listed, issue, options);
    expect(again).toMatchObject({ failed: [], notStarted: [], stopped: null });
    expect(again.issued.map((e) => [e.order.id, e.invoiceNumber])).toEqual(orders.map((o, i) => [o.id, `INV-2026-0000${i + 1}`]));
    // The first run stopped after its second call; the second sent those two again, with their keys, and one new.
    expect(sent.map((c) => c.orderId)).toEqual([orders[0]!.id, orders[1]!.id, ...orders.map((o) => o.id)]);
    expect(sent.slice(2, 4).map((c) => c.idempotencyKey)).toEqual(sent.slice(0, 2).map((c) => c.idempotencyKey));
    expect(new Set(sent.slice(2).map((c) => c.idempotencyKey)).size).toBe(3);
    expect(app.db.prepare('SELECT order_id FROM invoices ORDER BY id').pluck().all()).toEqual(orders.map((o) => o.id));
    expect(renderer.rendered).toHaveLength(3);
  });

  it('keeps a key 30 days and lets it go afterwards, a few at each new key, so the table holds about a month', async () => {
    let now = new Date('2026-10-15T10:00:00Z');
    const clocked = openTestApp(undefined, () => now, { documents: () => renderer });
    try {
      const keys = () => clocked.db.prepare('SELECT key FROM idempotency_keys ORDER BY rowid').pluck().all() as string[];
      const create = async (idempotencyKey: string) =>
        (await call(clocked, 'orders.create', { ...newOrder, receivedOn: '2026-10-15', idempotencyKey })).order as { number: string };
      const backlog = Array.from({ length: 25 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      for (const key of backlog) await create(key);
      const first = await create(KEY);

      // 29 days on: every key still answers, and a new one prunes nothing.
      now = new Date('2026-11-13T10:00:00Z');
      expect(await create(KEY)).toEqual(first);
      await create(OTHER_KEY);
      expect(keys()).toEqual([...backlog, KEY, OTHER_KEY]);

      // 31 days on: each new key lets 20 expired ones go, oldest first, until the month's are left.
      now = new Date('2026-11-15T10:00:01Z');
      await create('22222222-3333-4444-8555-666666666666');
      expect(keys()).toEqual([...backlog.slice(20), KEY, OTHER_KEY, '22222222-3333-4444-8555-666666666666']);
      await create('33333333-4444-4555-8666-777777777777');
      expect(keys()).toEqual([OTHER_KEY, '22222222-3333-4444-8555-666666666666', '33333333-4444-4555-8666-777777777777']);
    } finally {
      clocked.close();
    }
  });
});
