/**
 * Reminder fees booked on the order (issue 17, migration 14), through the API on a pinned clock in
 * the unit's zone (Europe/Zurich): a level-2 reminder with a CHF 10.00 fee on an invoice with
 * CHF 50.00 open makes the order owe CHF 60.00 everywhere a balance is said (the order, the invoice
 * list, aging, the customer account, the next reminder), its QR-bill asks for 60.00 under the
 * invoice's own reference, and paying that (by hand or by bank import) leaves it paid, not
 * overpaid. A waived fee is no longer owed; a reminder without a fee books nothing; an invoice
 * whose goods are paid or credited is reminded no more, its fee staying open on the account.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { camtBase64 } from '../support/camt-files';
import { qrBillPayload } from '../../shared/documents/qr-bill';
import type { ReminderDocument } from '../../shared/documents/reminder-document';
import { REMINDER_FEE_IMMUTABLE_MESSAGE } from '../../db/migrations/0014_reminder_fees';

let app: TestApp;
let today: string;

const GENEVE = { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' };

beforeEach(async () => {
  today = '2026-01-05';
  const renderer = fakeRenderer();
  // 10:00 UTC is 11:00 in Geneva: the unit's day is the date said.
  app = openTestApp(undefined, () => new Date(`${today}T10:00:00Z`), { documents: () => renderer });
  await call(app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    timeZone: 'Europe/Zurich',
    reminders: { levels: [{ name: 'Reminder', days: 10 }, { name: 'Second reminder', days: 20, fees: { CHF: '10.00' } }, { name: 'Final notice', days: 20, fees: { CHF: '25.00' } }] },
  });
});
afterEach(() => app?.close());

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

/** An invoice of CHF 80.00 of 5 January 2026 (due 4 February), 30.00 paid on 20 January: 50.00 open. */
async function halfPaidInvoice() {
  const { order } = await call(app, 'orders.create', { customer: GENEVE, currency: 'CHF', receivedVia: 'mail', receivedOn: '2026-01-02', lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '80.00' }] });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id });
  today = '2026-01-20';
  await call(app, 'payments.record', { orderId: order.id, method: 'bank_transfer', receivedOn: '2026-01-20', amount: '30.00' });
  return { orderId: order.id as number, invoiceId: invoice.id as number, number: invoice.number as string, reference: invoice.document.qrBill.reference as string };
}

/** Level 1 (no fee) on 14 February, level 2 (CHF 10.00) on 6 March. */
async function remindedTwice() {
  const inv = await halfPaidInvoice();
  today = '2026-02-14';
  await call(app, 'reminders.issue', { invoiceIds: [inv.invoiceId], delivery: 'print' });
  today = '2026-03-06';
  const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [inv.invoiceId], delivery: 'print' });
  return { ...inv, reminder: reminders[0] };
}

const feeRows = () => app.db.prepare('SELECT level, amount_minor, charged_on, waived_on FROM reminder_fees ORDER BY id').all();

describe('a reminder with a fee', () => {
  it('books nothing for a level without a fee', async () => {
    const inv = await halfPaidInvoice();
    today = '2026-02-14';
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [inv.invoiceId], delivery: 'print' });
    expect(reminders[0]).toMatchObject({ level: 1, openAmount: '50.00', fee: '0.00', total: '50.00' });
    expect(feeRows()).toEqual([]);
    const record = await call(app, 'orders.get', { id: inv.orderId });
    expect(record).toMatchObject({ balance: '50.00', reminderFees: [], account: { fees: '0.00', due: '80.00' } });
  });

  it('makes the order owe open amount + fee everywhere: the order, the invoice list, aging, the customer account and the next reminder', async () => {
    const inv = await remindedTwice();
    expect(inv.reminder).toMatchObject({ level: 2, openAmount: '50.00', fee: '10.00', total: '60.00' });
    expect(feeRows()).toEqual([{ level: 2, amount_minor: 1000, charged_on: '2026-03-06', waived_on: null }]);

    const record = await call(app, 'orders.get', { id: inv.orderId });
    expect(record.balance).toBe('60.00');
    expect(record.order).toMatchObject({ balance: '60.00', paymentStatus: 'partially_paid' });
    // A fee is no sale: in what is due, never in what was invoiced.
    expect(record.account).toMatchObject({ invoiced: '80.00', fees: '10.00', due: '90.00', paid: '30.00', balance: '60.00' });
    expect(record.reminderFees).toEqual([
      expect.objectContaining({ level: 2, levelName: 'Second reminder', invoiceNumber: inv.number, amount: '10.00', currency: 'CHF', chargedOn: '2026-03-06', recordedBy: 'test-clerk', waived: null }),
    ]);
    expect(record.history.at(-1)).toMatchObject({ action: 'reminder', after: { reminder: { level: 2, openAmount: '50.00', fee: '10.00', total: '60.00', feeBooked: { amount: '10.00' } } } });

    const { rows } = await call(app, 'invoices.list', { query: inv.number });
    expect(rows[0]).toMatchObject({ total: '80.00', paid: '30.00', balance: '60.00', status: 'partially_paid' });

    // Aging counts the fee from the reminder's day: not the day before.
    const aging = async (asOf: string) => (await call(app, 'receivables.aging', { asOf })).totals.find((t: { currency: string }) => t.currency === 'CHF')?.total;
    expect(await aging('2026-03-05')).toBe('50.00');
    expect(await aging('2026-03-06')).toBe('60.00');

    const profile = await call(app, 'customers.profile', { id: inv.reminder.customerId });
    expect(profile.balances).toEqual([{ currency: 'CHF', ordered: '80.00', fees: '10.00', paid: '30.00', balance: '60.00', orderCount: 1 }]);

    // The final notice asks again for the fee still open, with its own.
    today = '2026-03-26';
    const due = (await call(app, 'reminders.due', {})).reminders;
    expect(due).toEqual([expect.objectContaining({ number: inv.number, level: 3, openAmount: '60.00', feesOpen: '10.00', fee: '25.00', total: '85.00' })]);
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [inv.invoiceId], delivery: 'print' });
    const snapshot = JSON.parse((app.db.prepare('SELECT snapshot FROM reminders WHERE id = ?').get(reminders[0].id) as { snapshot: string }).snapshot) as ReminderDocument;
    expect(snapshot).toMatchObject({ openAmount: '60.00', feesOpen: '10.00', fee: '25.00', total: '85.00', invoices: [{ total: '80.00', settled: '30.00', open: '50.00' }] });
    expect((await call(app, 'orders.get', { id: inv.orderId })).balance).toBe('85.00');
  });

  it('asks on its QR-bill for open amount + fee under the invoice’s own reference', async () => {
    const inv = await remindedTwice();
    const snapshot = JSON.parse((app.db.prepare('SELECT snapshot FROM reminders WHERE id = ?').get(inv.reminder.id) as { snapshot: string }).snapshot) as ReminderDocument;
    // What the PDF's payment part is made of (db/documents/reminder-pdf.tsx); tests/db/reminders-pdf.test.ts decodes a real one.
    const payload = qrBillPayload({ ...snapshot, balanceDue: snapshot.total });
    expect(payload).toMatchObject({ amount: 60, currency: 'CHF', reference: inv.reference });
  });

  it('is settled exactly by a bank transfer of what the QR-bill asks for, matched by the invoice’s reference', async () => {
    const inv = await remindedTwice();
    const file = camtBase64({
      kind: '054',
      version: '08',
      iban: 'CH4431999123000889012',
      currency: 'CHF',
      entries: [{ bookedOn: '2026-03-06', reference: 'QR-20260306', txs: [{ amount: '60.00', qrr: inv.reference, bankReference: 'QR-20260306-1', payer: { name: 'BIBLIOTHEQUE DE GENEVE', country: 'CH' } }] }],
    });
    expect(await call(app, 'bank.import', { fileName: 'camt054-2026-03-06.xml', contentBase64: file })).toMatchObject({ recorded: 1, toReview: 0 });
    const record = await call(app, 'orders.get', { id: inv.orderId });
    expect({ balance: record.balance, paymentStatus: record.order.paymentStatus }).toEqual({ balance: '0.00', paymentStatus: 'paid' });
    expect(record.payments.at(-1)).toMatchObject({ kind: 'payment', amount: '60.00', bankLine: expect.any(Object) });
    // Paid in full: no further reminder, and nothing left in aging.
    today = '2026-06-30';
    expect((await call(app, 'reminders.due', {})).reminders).toEqual([]);
  });

  it('is settled by a payment recorded by hand of open amount + fee, with nothing overpaid', async () => {
    const inv = await remindedTwice();
    const paid = await call(app, 'payments.record', { orderId: inv.orderId, method: 'bank_transfer', receivedOn: '2026-03-06', amount: '60.00' });
    expect(paid).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
  });
});

describe('waiving a fee', () => {
  it('takes it out of the balance from today, with a reason in the order history, once', async () => {
    const inv = await remindedTwice();
    const [fee] = (await call(app, 'orders.get', { id: inv.orderId })).reminderFees;
    expect(await refused('payments.waiveReminderFee', { feeId: fee.id, reason: '  ' })).toMatchObject({ code: 'invalid_input', field: 'reason' });
    expect(await refused('payments.waiveReminderFee', { feeId: 99_999, reason: 'Goodwill' })).toMatchObject({ code: 'not_found', field: 'feeId' });

    today = '2026-03-10';
    const waived = await call(app, 'payments.waiveReminderFee', { feeId: fee.id, reason: 'Long-standing customer' });
    expect(waived).toMatchObject({ balance: '50.00', paymentStatus: 'partially_paid', fee: { id: fee.id, waived: { on: '2026-03-10', reason: 'Long-standing customer', by: 'test-clerk' } } });
    const record = await call(app, 'orders.get', { id: inv.orderId });
    expect(record).toMatchObject({ balance: '50.00', account: { fees: '0.00', balance: '50.00' } });
    expect(record.history.at(-1)).toMatchObject({
      action: 'waive_reminder_fee',
      before: { balance: '60.00' },
      after: { balance: '50.00', fee: { level: 2, invoiceNumber: inv.number, amount: '10.00', reason: 'Long-standing customer', waivedOn: '2026-03-10' } },
    });
    // A past day's aging still counts it; from the waiver on it does not.
    const aging = async (asOf: string) => (await call(app, 'receivables.aging', { asOf })).totals[0]?.total;
    expect(await aging('2026-03-09')).toBe('60.00');
    expect(await aging('2026-03-10')).toBe('50.00');
    expect(await refused('payments.waiveReminderFee', { feeId: fee.id, reason: 'Again' })).toMatchObject({ code: 'conflict', field: 'feeId', message: expect.stringContaining('already waived on 2026-03-10') });
    // Never changed nor deleted behind the service's back.
    expect(() => app.db.prepare('UPDATE reminder_fees SET amount_minor = 1 WHERE id = ?').run(fee.id)).toThrow(REMINDER_FEE_IMMUTABLE_MESSAGE);
    expect(() => app.db.prepare("UPDATE reminder_fees SET waived_reason = 'other' WHERE id = ?").run(fee.id)).toThrow(REMINDER_FEE_IMMUTABLE_MESSAGE);
    expect(() => app.db.prepare('DELETE FROM reminder_fees WHERE id = ?').run(fee.id)).toThrow(REMINDER_FEE_IMMUTABLE_MESSAGE);
  });
});

describe('fees and the goods', () => {
  it('reminds no more once the goods are paid, and keeps the fee open on the account until paid or waived', async () => {
    const inv = await remindedTwice();
    // The customer pays the invoice's 50.00 but not the fee.
    await call(app, 'payments.record', { orderId: inv.orderId, method: 'bank_transfer', receivedOn: '2026-03-06', amount: '50.00' });
    expect((await call(app, 'orders.get', { id: inv.orderId })).balance).toBe('10.00');
    today = '2026-06-30';
    expect((await call(app, 'reminders.due', {})).reminders).toEqual([]);
    expect((await call(app, 'receivables.aging', { asOf: today })).totals[0]).toMatchObject({ currency: 'CHF', total: '10.00' });
  });

  it('is not cancelled by a full credit note; the order cannot be cancelled before its fee is waived', async () => {
    const inv = await remindedTwice();
    await call(app, 'invoices.credit', { invoiceId: inv.invoiceId, reason: 'Returned unopened' });
    const record = await call(app, 'orders.get', { id: inv.orderId });
    // 80 invoiced, 80 credited, 30 paid, 10 fee: 20 back to the customer less the fee still owed.
    expect(record).toMatchObject({ balance: '-20.00', account: { credited: '80.00', fees: '10.00' } });
    today = '2026-06-30';
    expect((await call(app, 'reminders.due', {})).reminders).toEqual([]);
    expect(await refused('orders.cancel', { id: inv.orderId, reason: 'Not wanted' })).toMatchObject({
      code: 'conflict',
      field: 'id',
      message: expect.stringContaining(`Reminder fee, level 2 (${inv.number})`),
    });
    await call(app, 'payments.waiveReminderFee', { feeId: record.reminderFees[0].id, reason: 'Invoice credited in full' });
    expect(await call(app, 'orders.cancel', { id: inv.orderId, reason: 'Not wanted' })).toMatchObject({ order: { status: 'cancelled', balance: '-30.00' } });
  });

  it('is charged once per level: a level already reminded is refused, and its fee stays single', async () => {
    const inv = await remindedTwice();
    expect(await refused('reminders.issue', { invoiceIds: [inv.invoiceId], delivery: 'print' })).toMatchObject({ field: 'invoiceIds' });
    expect(feeRows()).toHaveLength(1);
  });

  it('stays out of what the monthly report counts as ordered and invoiced, and in what is outstanding', async () => {
    const inv = await remindedTwice();
    today = '2026-04-02';
    const report = await call(app, 'reports.monthly', { from: '2026-01-01', to: '2026-03-31' });
    expect(report.amounts).toEqual([expect.objectContaining({ currency: 'CHF', ordered: '80.00', invoiced: '80.00', credited: '0.00' })]);
    expect(report.outstanding.rows).toEqual([expect.objectContaining({ currency: 'CHF', total: '60.00' })]);
    expect((await call(app, 'orders.get', { id: inv.orderId })).balance).toBe('60.00');
  });
});
