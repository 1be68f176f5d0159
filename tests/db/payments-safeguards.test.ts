/**
 * Typos that cost money, on the payment side (issue 15): an amount far above what the order
 * owes asks first, and the bank fees deducted from a transfer are written off with it — never
 * more than the transfer, reversed with it, and counted once in the month's report.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '../../shared/api/errors';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
beforeEach(() => {
  app = openTestApp(undefined, () => new Date('2026-11-20T10:00:00Z'));
});
afterEach(() => app?.close());

async function order(unitPrice: string, currency = 'EUR') {
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'Institut Bonvin', country: 'CH', email: 'compta@bonvin.example' },
    currency,
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice }],
  });
  return order as { id: number; number: string };
}

/** The error, its message with Intl's no-break spaces as plain ones. */
async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : { ...result.error, message: result.error.message.replace(/\s/g, ' ') };
}

const movements = (orderId: number) => app.db.prepare('SELECT kind, amount_minor, reverses_id IS NOT NULL AS reversal, fees_of_id FROM payments WHERE order_id = ? ORDER BY id').all(orderId);

describe('a payment far above what the order owes', () => {
  it('is not recorded until the clerk confirms it: 37,125.00 on a balance of 3,712.50 answers needs_confirmation at the amount, saying by how much', async () => {
    const o = await order('3712.50');
    const payment = { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '37125.00', transfer: { bankReference: 'RF-1' } };
    const asked = await refused('payments.record', payment);
    expect(asked).toMatchObject({ code: 'needs_confirmation', field: 'amount' });
    // Grouped as en-CH groups thousands (an apostrophe).
    expect(asked.message).toMatch(/^EUR 37.125\.00 is EUR 33.412\.50 more than the EUR 3.712\.50 the order owes\./);
    expect(HTTP_STATUS.needs_confirmation).toBe(409);
    expect(movements(o.id)).toEqual([]);
    expect(app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'payment'").pluck().get()).toBe(0);

    // The same call, confirmed, goes through: the difference is the customer's credit.
    const confirmed = await call(app, 'payments.record', { ...payment, confirmed: true });
    expect(confirmed).toMatchObject({ balance: '-33412.50', paymentStatus: 'overpaid', payment: { amount: '37125.00' } });
  });

  it('is recorded without a question within 10 % of what is owed or 10.00, whichever is more', async () => {
    const big = await order('3712.50');
    // 10 % of 3,712.50 is 371.25: 4,083.75 is just within.
    expect(await call(app, 'payments.record', { orderId: big.id, method: 'check', receivedOn: '2026-11-12', amount: '4083.75' })).toMatchObject({ balance: '-371.25' });
    const small = await order('25.00');
    // On 25.00 the allowance is 10.00: 35.00 passes, 35.01 asks.
    expect(await refused('payments.record', { orderId: small.id, method: 'check', receivedOn: '2026-11-12', amount: '35.01' })).toMatchObject({ code: 'needs_confirmation', field: 'amount' });
    expect(await call(app, 'payments.record', { orderId: small.id, method: 'check', receivedOn: '2026-11-12', amount: '35.00' })).toMatchObject({ balance: '-10.00' });
    // Nothing is owed any more: a further 10.01 asks, saying the order owes nothing.
    const again = await refused('payments.record', { orderId: small.id, method: 'check', receivedOn: '2026-11-12', amount: '10.01' });
    expect(again).toMatchObject({ code: 'needs_confirmation', field: 'amount', message: expect.stringContaining('The order owes nothing') });
  });

  it('is checked after the fields: a wrong date is said first, not hidden behind the question', async () => {
    const o = await order('10.00');
    expect(await refused('payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-12-24', amount: '1000.00' })).toMatchObject({ code: 'invalid_input', field: 'receivedOn' });
  });
});

describe('bank fees deducted from a transfer', () => {
  it('can never exceed the amount of the transfer: 1.00 with 5.00 of fees is refused at the fees, and nothing is stored', async () => {
    const o = await order('14.00');
    const error = await refused('payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '1.00', transfer: { bankReference: 'RF-2', feesDeducted: '5.00' } });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'transfer.feesDeducted', message: 'Fees deducted (EUR 5.00) cannot be more than the amount received (EUR 1.00).' });
    expect(movements(o.id)).toEqual([]);
  });

  it('settle the order in the same call: the fees become the bank-fee write-off, shown in the ledger beside their transfer', async () => {
    const o = await order('50.00');
    const paid = await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '41.00', transfer: { bankReference: 'RF-3', feesDeducted: '9.00' } });
    // Before, the order stayed "partly paid, EUR 9.00 due" and needed a separate write-off.
    expect(paid).toMatchObject({ balance: '0.00', paymentStatus: 'paid', payment: { kind: 'payment', amount: '41.00', runningBalance: '9.00' } });
    expect(paid.feesWrittenOff).toMatchObject({ kind: 'write_off', amount: '9.00', feesOfPaymentId: paid.payment.id, reason: 'Bank fees deducted from transfer RF-3 (EUR 9.00)' });
    const record = await call(app, 'orders.get', { id: o.id });
    expect(record.order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
    expect(record.account).toMatchObject({ paid: '41.00', writtenOff: '9.00' });
    expect(record.payments.map((m: { kind: string; feesOfPaymentId: number | null }) => [m.kind, m.feesOfPaymentId])).toEqual([
      ['payment', null],
      ['write_off', paid.payment.id],
    ]);
  });

  it('are written off only as far as the order still owes: a customer who paid the fees too owes nothing more', async () => {
    const o = await order('50.00');
    const full = await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '50.00', transfer: { bankReference: 'RF-4', feesDeducted: '5.00' } });
    expect(full).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
    expect(full.feesWrittenOff).toBeUndefined();
    const part = await order('50.00');
    const short = await call(app, 'payments.record', { orderId: part.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '48.00', transfer: { bankReference: 'RF-5', feesDeducted: '5.00' } });
    expect(short).toMatchObject({ balance: '0.00', feesWrittenOff: { amount: '2.00' } });
  });

  it('are reversed together with their transfer, and cannot be reversed alone', async () => {
    const o = await order('50.00');
    const paid = await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '41.00', transfer: { bankReference: 'RF-6', feesDeducted: '9.00' } });
    const alone = await refused('payments.reverse', { paymentId: paid.feesWrittenOff.id, reason: 'Wrong fees' });
    expect(alone).toMatchObject({ code: 'conflict', field: 'paymentId', message: expect.stringContaining('reverse that payment') });
    const reversed = await call(app, 'payments.reverse', { paymentId: paid.payment.id, reason: 'Recorded on the wrong order', reversedOn: '2026-11-13' });
    expect(reversed).toMatchObject({ balance: '50.00', paymentStatus: 'unpaid', feesWrittenOff: { kind: 'write_off', reversesId: paid.feesWrittenOff.id } });
    expect(movements(o.id)).toEqual([
      { kind: 'payment', amount_minor: 4100, reversal: 0, fees_of_id: null },
      { kind: 'write_off', amount_minor: 900, reversal: 0, fees_of_id: paid.payment.id },
      { kind: 'payment', amount_minor: 4100, reversal: 1, fees_of_id: null },
      { kind: 'write_off', amount_minor: 900, reversal: 1, fees_of_id: paid.payment.id },
    ]);
    const history = (await call(app, 'orders.get', { id: o.id })).history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['create', 'payment', 'write_off', 'reverse', 'reverse']);
  });

  it('are counted once in the month report, as bank fees, and not again as a write-off', async () => {
    const o = await order('50.00');
    await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-12', amount: '41.00', transfer: { bankReference: 'RF-7', feesDeducted: '9.00' } });
    const other = await order('20.00');
    await call(app, 'payments.writeOff', { orderId: other.id, amount: '1.50', reason: 'Rounding', writtenOffOn: '2026-11-12' });
    const report = await call(app, 'reports.monthly', { month: '2026-11' });
    expect(report.money.totals).toEqual([{ currency: 'EUR', received: '41.00', refunded: '0.00', bankFees: '9.00', writtenOff: '1.50', net: '41.00' }]);
    expect(report.money.writeOffs).toEqual([{ currency: 'EUR', count: 1, reversals: 0, amount: '1.50', reasons: ['Rounding'] }]);
    // What is owed at month end is settled by the fees all the same.
    expect(report.outstanding.rows).toEqual([expect.objectContaining({ currency: 'EUR', total: '18.50' })]);
  });
});
