import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app?.close());

async function order(unitPrice = '123.45', currency = 'CHF', customer: Record<string, string> = { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch' }) {
  const { order } = await call(app, 'orders.create', {
    customer,
    currency,
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice }],
  });
  return order as { id: number; number: string; customerId: number };
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

describe('payments', () => {
  it('settles CHF 123.45 by a check of 100.00 and a transfer of 20.00 whose 3.45 of bank fees are written off with it, with an unbroken audit trail', async () => {
    const o = await order();
    const check = await call(app, 'payments.record', {
      orderId: o.id,
      method: 'check',
      receivedOn: '2026-11-05',
      amount: '100.00',
      check: { number: '004711', bank: 'UBS Switzerland AG' },
    });
    expect(check).toMatchObject({ balance: '23.45', paymentStatus: 'partially_paid', payment: { kind: 'payment', amount: '100.00', effect: '-100.00', runningBalance: '23.45', recordedBy: 'test-clerk' } });
    const transfer = await call(app, 'payments.record', {
      orderId: o.id,
      method: 'bank_transfer',
      receivedOn: '2026-11-12',
      amount: '20.00',
      transfer: { bankReference: 'RF18 5390 0754 7034', feesDeducted: '3.45' },
    });
    // The fees the banks kept are written off in the same call: no separate write-off is needed.
    expect(transfer).toMatchObject({ balance: '0.00', paymentStatus: 'paid', payment: { runningBalance: '3.45' } });
    expect(transfer.payment.transfer).toEqual({ bankReference: 'RF18 5390 0754 7034', feesDeducted: '3.45' });
    expect(transfer.feesWrittenOff).toMatchObject({
      kind: 'write_off',
      on: '2026-11-12',
      amount: '3.45',
      runningBalance: '0.00',
      feesOfPaymentId: transfer.payment.id,
      reason: 'Bank fees deducted from transfer RF18 5390 0754 7034 (CHF 3.45)',
    });

    const record = await call(app, 'orders.get', { id: o.id });
    expect(record.order).toMatchObject({ paymentStatus: 'paid', balance: '0.00', status: 'received' });
    expect(record.account).toMatchObject({ total: '123.45', paid: '120.00', writtenOff: '3.45', balance: '0.00' });
    expect(record.payments.map((p: { runningBalance: string }) => p.runningBalance)).toEqual(['23.45', '3.45', '0.00']);
    expect(record.history.map((h: { action: string; actor: string }) => [h.action, h.actor])).toEqual([
      ['create', 'test-clerk'],
      ['payment', 'test-clerk'],
      ['payment', 'test-clerk'],
      ['write_off', 'test-clerk'],
    ]);
    expect(record.history[3].after).toMatchObject({ paymentStatus: 'paid', movement: { kind: 'write_off', amount: '3.45', reason: expect.stringMatching(/^Bank fees deducted from transfer RF18/) } });
    expect(record.allowed).toMatchObject({ pay: true, writeOff: false, refund: false, ship: true });

    const listed = await call(app, 'orders.list', { paymentStatus: 'paid' });
    expect(listed.rows.map((r: { id: number; balance: string }) => [r.id, r.balance])).toEqual([[o.id, '0.00']]);
    // Shipping a settled order closes it by itself.
    const shipped = await call(app, 'orders.ship', { id: o.id, shippedOn: '2026-11-13', carrier: 'Swiss Post' });
    expect(shipped.order).toMatchObject({ status: 'closed', shippedOn: '2026-11-13', carrier: 'Swiss Post', closedOn: '2026-11-13', closeReason: '' });
  });

  it('keeps an overpayment as a credit, moves it to another open order of the same customer, and pays the rest back', async () => {
    const first = await order('40.00');
    const second = await order('15.00');
    const paid = await call(app, 'payments.record', { orderId: first.id, method: 'credit_card', receivedOn: '2026-11-03', amount: '60.00', card: { brand: 'visa', last4: '1111' }, confirmed: true });
    expect(paid).toMatchObject({ balance: '-20.00', paymentStatus: 'overpaid' });
    const moved = await call(app, 'payments.applyCredit', { fromOrderId: first.id, toOrderId: second.id, amount: '15.00', movedOn: '2026-11-04' });
    expect(moved.from).toMatchObject({ balance: '-5.00', paymentStatus: 'overpaid', payment: { kind: 'credit_out', counterpartOrderNumber: second.number } });
    expect(moved.to).toMatchObject({ balance: '0.00', paymentStatus: 'paid', payment: { kind: 'credit_in', counterpartOrderNumber: first.number } });
    const tooMuch = await refused('payments.refund', { orderId: first.id, amount: '5.01', paidOn: '2026-11-05', method: 'credit_card', reason: 'Overpaid' });
    expect(tooMuch).toMatchObject({ field: 'amount', message: expect.stringMatching(/at most CHF.5\.00/) });
    const back = await call(app, 'payments.refund', { orderId: first.id, amount: '5.00', paidOn: '2026-11-05', method: 'credit_card', reason: 'Overpaid' });
    expect(back).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
    expect((await call(app, 'orders.get', { id: first.id })).account).toMatchObject({ paid: '60.00', refunded: '5.00', creditOut: '15.00', held: '40.00' });
  });

  it('moves credit only between orders of one customer in one currency', async () => {
    const first = await order('10.00');
    const otherCustomer = await order('10.00', 'CHF', { name: 'Someone Else', country: 'FR', email: 'else@example.fr' });
    const euro = await order('10.00', 'EUR');
    await call(app, 'payments.record', { orderId: first.id, method: 'check', receivedOn: '2026-11-03', amount: '30.00', confirmed: true });
    expect(await refused('payments.applyCredit', { fromOrderId: first.id, toOrderId: otherCustomer.id, amount: '5.00' })).toMatchObject({ field: 'toOrderId', message: expect.stringContaining('not an order of') });
    expect(await refused('payments.applyCredit', { fromOrderId: first.id, toOrderId: euro.id, amount: '5.00' })).toMatchObject({ field: 'toOrderId', message: expect.stringContaining('never mixed') });
    expect(await refused('payments.applyCredit', { fromOrderId: first.id, toOrderId: first.id, amount: '5.00' })).toMatchObject({ field: 'toOrderId' });
  });

  it('undoes a bounced check by a reversal, never by editing or deleting, and refuses to undo twice', async () => {
    const o = await order('50.00');
    const check = await call(app, 'payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-11-03', amount: '50.00' });
    const reversed = await call(app, 'payments.reverse', { paymentId: check.payment.id, reason: 'Check returned unpaid', reversedOn: '2026-11-09' });
    expect(reversed).toMatchObject({ balance: '50.00', paymentStatus: 'unpaid', payment: { kind: 'payment', reversesId: check.payment.id, effect: '50.00' } });
    expect(await refused('payments.reverse', { paymentId: check.payment.id, reason: 'again' })).toMatchObject({ code: 'conflict', field: 'paymentId' });
    expect(await refused('payments.reverse', { paymentId: reversed.payment.id, reason: 'undo the undo' })).toMatchObject({ code: 'conflict' });
    const rows = app.db.prepare('SELECT kind, amount_minor, reverses_id FROM payments WHERE order_id = ? ORDER BY id').all(o.id);
    expect(rows).toEqual([
      { kind: 'payment', amount_minor: 5000, reverses_id: null },
      { kind: 'payment', amount_minor: 5000, reverses_id: check.payment.id },
    ]);
    const ledger = (await call(app, 'orders.get', { id: o.id })).payments;
    expect(ledger[0]).toMatchObject({ reversedById: reversed.payment.id });
  });

  it('reverses both sides of a moved credit together', async () => {
    const first = await order('10.00');
    const second = await order('10.00');
    await call(app, 'payments.record', { orderId: first.id, method: 'check', receivedOn: '2026-11-03', amount: '20.00' });
    const moved = await call(app, 'payments.applyCredit', { fromOrderId: first.id, toOrderId: second.id, amount: '10.00', movedOn: '2026-11-04' });
    await call(app, 'payments.reverse', { paymentId: moved.to.payment.id, reason: 'Moved to the wrong order' });
    expect((await call(app, 'orders.get', { id: first.id })).order).toMatchObject({ balance: '-10.00', paymentStatus: 'overpaid' });
    expect((await call(app, 'orders.get', { id: second.id })).order).toMatchObject({ balance: '10.00', paymentStatus: 'unpaid' });
  });

  it('owes back what a cancelled order kept, until it is refunded', async () => {
    const o = await order('80.00');
    await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-03', amount: '80.00' });
    const cancelled = await call(app, 'orders.cancel', { id: o.id, reason: 'Customer withdrew the order' });
    expect(cancelled.order).toMatchObject({ status: 'cancelled', paymentStatus: 'refund_due', balance: '-80.00', cancelledOn: '2026-11-20' });
    expect(await refused('payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-11-10', amount: '1.00' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('cancelled') });
    expect(await refused('payments.writeOff', { orderId: o.id, amount: '1.00', reason: 'x' })).toMatchObject({ code: 'conflict' });
    const refund = await call(app, 'payments.refund', { orderId: o.id, amount: '80.00', paidOn: '2026-11-20', method: 'bank_transfer', reason: 'Order cancelled' });
    expect(refund).toMatchObject({ balance: '0.00', paymentStatus: 'refunded' });
  });

  it('refuses amounts and dates that do not fit, naming the field, and stores nothing', async () => {
    const o = await order('10.00');
    const base = { orderId: o.id, method: 'check', receivedOn: '2026-11-03' };
    expect(await refused('payments.record', { ...base, amount: '-12.50' })).toMatchObject({ field: 'amount', message: 'Amount cannot be negative.' });
    expect(await refused('payments.record', { ...base, amount: '0.00' })).toMatchObject({ field: 'amount', message: 'Amount must be more than zero.' });
    expect(await refused('payments.record', { ...base, amount: '1.005' })).toMatchObject({ field: 'amount', message: expect.stringContaining('at most 2 decimals') });
    expect(await refused('payments.record', { ...base, amount: 12.5 })).toMatchObject({ field: 'amount' });
    expect(await refused('payments.record', { ...base, amount: '5.00', receivedOn: '2026-12-24' })).toMatchObject({ field: 'receivedOn', message: expect.stringContaining('future') });
    expect(await refused('payments.record', { ...base, amount: '5.00', receivedOn: '2026-10-01' })).toMatchObject({ field: 'receivedOn', message: expect.stringContaining('before order') });
    expect(await refused('payments.record', { ...base, amount: '5.00', method: 'cash' })).toMatchObject({ field: 'method' });
    expect(await refused('payments.record', { ...base, amount: '5.00', card: { brand: 'visa', last4: '1111' } })).toMatchObject({ field: 'card' });
    expect(await refused('payments.record', { ...base, method: 'credit_card', amount: '5.00', card: { brand: 'visa', last4: '4111111111111111' } })).toMatchObject({ field: 'card.last4' });
    expect(await refused('payments.record', { ...base, orderId: 999, amount: '5.00' })).toMatchObject({ code: 'not_found', field: 'orderId' });
    expect(await refused('payments.writeOff', { orderId: o.id, amount: '10.01', reason: 'Bank fees' })).toMatchObject({ field: 'amount', message: expect.stringMatching(/at most CHF.10\.00/) });
    expect(await refused('payments.writeOff', { orderId: o.id, amount: '1.00', reason: ' \u200b ' })).toMatchObject({ field: 'reason', message: 'Reason is required.' });
    expect(await refused('payments.refund', { orderId: o.id, amount: '1.00', paidOn: '2026-11-03', method: 'check', reason: 'x' })).toMatchObject({ code: 'conflict' });
    expect(app.db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(0);
  });

  it('keeps only the last four digits of a card number typed into any free-text field, and refuses a CVV', async () => {
    const o = await order('10.00');
    const paid = await call(app, 'payments.record', {
      orderId: o.id,
      method: 'credit_card',
      receivedOn: '2026-11-03',
      amount: '10.00',
      reference: 'card 4111 1111 1111 1111',
      note: 'Phoned in: 4111-1111-1111-1111',
      card: { brand: 'visa', last4: '1111' },
    });
    expect(paid.payment).toMatchObject({ reference: 'card •••• 1111', note: 'Phoned in: •••• 1111', card: { brand: 'visa', last4: '1111' } });
    const cvv = await refused('payments.record', { orderId: o.id, method: 'credit_card', receivedOn: '2026-11-03', amount: '1.00', note: '4111 1111 1111 1111 cvv 123' });
    expect(cvv).toMatchObject({ field: 'note', message: expect.stringContaining('security code') });
    const { order: withNotes } = await call(app, 'orders.create', {
      customer: { name: 'Card Holder', country: 'CH' },
      currency: 'CHF',
      receivedVia: 'fax',
      receivedOn: '2026-11-02',
      customerReference: '5555 5555 5555 4444',
      notes: 'Charge card 4111111111111111 please',
      lines: [{ title: 'A report', quantity: 1, unitPrice: '5.00' }],
    });
    expect(withNotes).toMatchObject({ customerReference: '•••• 4444', notes: 'Charge card •••• 1111 please' });
    const stored = JSON.stringify(app.db.prepare('SELECT * FROM payments').all()) + JSON.stringify(app.db.prepare('SELECT * FROM orders').all()) + JSON.stringify(app.db.prepare('SELECT * FROM audit_log').all());
    expect(stored).not.toMatch(/4111.?1111.?1111.?1111|5555.?5555.?5555.?4444/);
  });

  it('closes a shipped order once it is settled, reopens it if a reversal unsettles it, and lets a clerk close by hand with a reason', async () => {
    const o = await order('30.00');
    await call(app, 'payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-11-03', amount: '10.00' });
    const shipped = await call(app, 'orders.ship', { id: o.id, shippedOn: '2026-11-04', tracking: 'RR123456789CH' });
    expect(shipped.order).toMatchObject({ status: 'shipped', paymentStatus: 'partially_paid' });
    expect(await refused('orders.update', { id: o.id })).toBeTruthy();
    const rest = await call(app, 'payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-11-10', amount: '20.00' });
    expect((await call(app, 'orders.get', { id: o.id })).order).toMatchObject({ status: 'closed', closedOn: '2026-11-10' });
    await call(app, 'payments.reverse', { paymentId: rest.payment.id, reason: 'Check returned unpaid' });
    expect((await call(app, 'orders.get', { id: o.id })).order).toMatchObject({ status: 'shipped', closedOn: null, paymentStatus: 'partially_paid' });
    const closed = await call(app, 'orders.close', { id: o.id, reason: 'Small balance not worth chasing' });
    expect(closed.order).toMatchObject({ status: 'closed', closeReason: 'Small balance not worth chasing', paymentStatus: 'partially_paid' });
    expect(await refused('orders.ship', { id: o.id, shippedOn: '2026-11-12' })).toMatchObject({ code: 'conflict' });
    expect(await refused('orders.cancel', { id: o.id, reason: 'x' })).toMatchObject({ code: 'conflict' });
  });
});
