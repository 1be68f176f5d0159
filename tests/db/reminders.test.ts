/**
 * Payment reminders through the API, on a pinned clock: overdue invoices with partial payments,
 * credit notes and credit held on another order; exactly the right invoices at the right level on
 * several dates; never a paid, credited or covered invoice; never a level twice; none skipped after
 * a pause; the open amount after every movement; all or none per call. PDFs come from the fake
 * renderer here (tests/db/reminders-pdf.test.ts reads real ones and their QR-bills).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS, type FakeRenderer } from '../support/fake-renderer';
import { REMINDER_IMMUTABLE_MESSAGE } from '../../db/migrations/0012_reminders';
import { camtBase64 } from '../support/camt-files';
import { withQueueOnlyMail } from '../support/mail';
import { goodsStandings } from '../../db/services/reminders/due';

let app: TestApp;
let renderer: FakeRenderer;
let today: string;

const GENEVE = { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' };
const MADRID = { name: 'Biblioteca Nacional', country: 'ES', email: '', city: 'Madrid', postalCode: '28071', address: 'Paseo de Recoletos 20' };
const LYON = { name: 'Bibliothèque municipale de Lyon', country: 'FR', email: 'compta@bm-lyon.fr', city: 'Lyon', postalCode: '69003', address: '30 boulevard Vivier-Merle' };

beforeEach(async () => {
  today = '2026-01-05';
  renderer = fakeRenderer();
  app = openTestApp(undefined, () => new Date(`${today}T10:00:00Z`), { documents: () => renderer });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  // E-mailed reminders are queued in the outbox and stay queued here (tests/db/reminders-mail.test.ts sends them).
  await withQueueOnlyMail(app);
});
afterEach(() => app?.close());

async function invoiced(customer: typeof GENEVE, currency: string, unitPrice: string, quantity = 1) {
  const { order } = await call(app, 'orders.create', { customer, currency, receivedVia: 'mail', receivedOn: '2026-01-02', lines: [{ title: 'World Migration Report 2024', quantity, unitPrice }] });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id });
  return { orderId: order.id as number, invoiceId: invoice.id as number, number: invoice.number as string };
}

const pay = (orderId: number, receivedOn: string, amount: string, confirmed?: boolean) =>
  call(app, 'payments.record', { orderId, method: 'bank_transfer', receivedOn, amount, ...(confirmed ? { confirmed } : {}) });

async function due(asOf?: string) {
  const answer = await call(app, 'reminders.due', asOf ? { asOf } : {});
  return answer.reminders.map((r: { number: string; level: number; openAmount: string; currency: string }) => `${r.number} L${r.level} ${r.currency} ${r.openAmount}`);
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

interface Book {
  inv1: Awaited<ReturnType<typeof invoiced>>;
  inv2: Awaited<ReturnType<typeof invoiced>>;
  inv3: Awaited<ReturnType<typeof invoiced>>;
  inv4: Awaited<ReturnType<typeof invoiced>>;
  inv5: Awaited<ReturnType<typeof invoiced>>;
  inv6: Awaited<ReturnType<typeof invoiced>>;
  inv7: Awaited<ReturnType<typeof invoiced>>;
  inv8: Awaited<ReturnType<typeof invoiced>>;
}

/**
 * Eight invoices of 5 January 2026 (due 4 February, 30 days), one of 20 January:
 *   1 Geneva CHF 80 unpaid · 2 Geneva CHF 100, 30 paid · 3 Madrid EUR 60, half credited (no e-mail)
 *   4 Geneva CHF 50 paid in full · 5 Madrid CHF 40 credited in full
 *   6 Lyon CHF 45 and 7 Lyon CHF 200, Lyon holding 50 overpaid on another order: 6 is covered, 7 is not
 *   8 Geneva USD 25 of 20 January (due 19 February)
 */
async function books(): Promise<Book> {
  const inv1 = await invoiced(GENEVE, 'CHF', '80.00');
  const inv2 = await invoiced(GENEVE, 'CHF', '100.00');
  const inv3 = await invoiced(MADRID, 'EUR', '30.00', 2);
  const inv4 = await invoiced(GENEVE, 'CHF', '50.00');
  const inv5 = await invoiced(MADRID, 'CHF', '40.00');
  const inv6 = await invoiced(LYON, 'CHF', '45.00');
  const inv7 = await invoiced(LYON, 'CHF', '200.00');
  const { order: overpaid } = await call(app, 'orders.create', { customer: LYON, currency: 'CHF', receivedVia: 'mail', receivedOn: '2026-01-02', lines: [{ title: 'Migration Law', quantity: 1, unitPrice: '20.00' }] });
  await pay(overpaid.id, '2026-01-05', '70.00', true);
  today = '2026-01-20';
  await pay(inv2.orderId, '2026-01-20', '30.00');
  await call(app, 'invoices.credit', { invoiceId: inv3.invoiceId, lines: [{ position: 1, quantity: 1 }], reason: 'One copy arrived damaged' });
  await pay(inv4.orderId, '2026-01-20', '50.00');
  await call(app, 'invoices.credit', { invoiceId: inv5.invoiceId, reason: 'Ordered twice' });
  const inv8 = await invoiced(GENEVE, 'USD', '25.00');
  return { inv1, inv2, inv3, inv4, inv5, inv6, inv7, inv8 };
}

describe('which invoices are due for which level', () => {
  it('lists exactly the overdue invoices with something open, at the right level, on several dates, and none paid, credited or covered', async () => {
    const b = await books();
    today = '2026-06-30';
    // The due date itself has not passed; nine days after it the first level is not yet due.
    expect(await due('2026-02-04')).toEqual([]);
    expect(await due('2026-02-13')).toEqual([]);
    // Ten days after the due date: level 1 for what is still open, after payments and credit notes.
    expect(await due('2026-02-14')).toEqual([`${b.inv1.number} L1 CHF 80.00`, `${b.inv2.number} L1 CHF 70.00`, `${b.inv3.number} L1 EUR 30.00`, `${b.inv7.number} L1 CHF 200.00`]);
    // The USD invoice of 20 January joins ten days after its own due date (19 February).
    expect(await due('2026-02-28')).not.toContain(`${b.inv8.number} L1 USD 25.00`);
    expect(await due('2026-03-01')).toContain(`${b.inv8.number} L1 USD 25.00`);
  });

  it('answers the row a clerk needs: customer, e-mail, days overdue, last reminder, fee and total', async () => {
    const b = await books();
    await call(app, 'settings.set', { reminders: { levels: [{ name: 'Friendly reminder', days: 10, fees: { CHF: '5' } }, { name: 'Final notice', days: 20, fees: { CHF: '20.00', EUR: '15.50' } }] } });
    today = '2026-02-14';
    const answer = await call(app, 'reminders.due', {});
    expect(answer).toMatchObject({ asOf: '2026-02-14', lastBankImport: null });
    expect(answer.reminders[0]).toEqual({
      invoiceId: b.inv1.invoiceId,
      number: b.inv1.number,
      orderId: b.inv1.orderId,
      orderNumber: expect.any(String),
      level: 1,
      levelName: 'Friendly reminder',
      openAmount: '80.00',
      currency: 'CHF',
      feesOpen: '0.00',
      fee: '5.00',
      // The fee is booked on the order with the reminder, so its slip asks for both.
      total: '85.00',
      dueOn: '2026-02-04',
      daysOverdue: 10,
      customerId: expect.any(Number),
      customerName: 'Bibliothèque de Genève',
      email: 'achats@bge.ch',
      language: 'fr',
      lastReminder: null,
    });
    const madrid = answer.reminders.find((r: { number: string }) => r.number === b.inv3.number);
    expect(madrid).toMatchObject({ email: '', language: 'es', feesOpen: '0.00', fee: '0.00', total: '30.00' });
  });

  it('sends each level once, the next only after its days, for what is open then, and none skipped after a pause', async () => {
    const b = await books();
    await call(app, 'settings.set', { reminders: { levels: [{ name: 'Reminder', days: 10 }, { name: 'Second reminder', days: 20, fees: { CHF: '10.00' } }, { name: 'Final notice', days: 20, fees: { CHF: '25.00' } }] } });
    today = '2026-02-14';
    const first = await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId, b.inv2.invoiceId, b.inv7.invoiceId], delivery: 'email' });
    expect(first.reminders.map((r: { invoiceNumber: string; level: number; total: string; deliveryStatus: string }) => [r.invoiceNumber, r.level, r.total, r.deliveryStatus])).toEqual([
      [b.inv1.number, 1, '80.00', 'email_pending'],
      [b.inv2.number, 1, '70.00', 'email_pending'],
      [b.inv7.number, 1, '200.00', 'email_pending'],
    ]);
    await call(app, 'reminders.issue', { invoiceIds: [b.inv3.invoiceId], delivery: 'print' });
    // Once sent, level 1 is not due again; level 2 comes 20 days after it.
    expect(await due()).toEqual([]);
    today = '2026-03-05';
    expect(await due()).toEqual([`${b.inv8.number} L1 USD 25.00`]);
    // A payment of what was still open on invoice 2, and part of invoice 1.
    await pay(b.inv2.orderId, '2026-03-05', '70.00');
    await pay(b.inv1.orderId, '2026-03-05', '20.00');
    today = '2026-03-06';
    expect(await due()).toEqual([`${b.inv1.number} L2 CHF 60.00`, `${b.inv3.number} L2 EUR 30.00`, `${b.inv7.number} L2 CHF 200.00`, `${b.inv8.number} L1 USD 25.00`]);
    // A pause of six weeks: still level 2 next (never straight to the final notice), with its own fee.
    today = '2026-04-20';
    const late = await call(app, 'reminders.due', {});
    expect(late.reminders.map((r: { number: string; level: number; fee: string; total: string }) => [r.number, r.level, r.fee, r.total])).toEqual([
      [b.inv1.number, 2, '10.00', '70.00'],
      [b.inv3.number, 2, '0.00', '30.00'],
      [b.inv7.number, 2, '10.00', '210.00'],
      [b.inv8.number, 1, '0.00', '25.00'],
    ]);
    const second = await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'email' });
    expect(second.reminders[0]).toMatchObject({ level: 2, levelName: 'Second reminder', openAmount: '60.00', fee: '10.00', total: '70.00' });
    // Its fee is booked on the order: what the order owes, and what the next level asks for again as still open.
    expect((await call(app, 'orders.get', { id: b.inv1.orderId })).balance).toBe('70.00');
    // The final notice comes 20 days after level 2, and after it nothing more.
    today = '2026-05-09';
    expect(await due()).not.toContain(expect.stringMatching(new RegExp(`^${b.inv1.number} `)));
    today = '2026-05-10';
    expect((await due()).filter((r: string) => r.startsWith(b.inv1.number))).toEqual([`${b.inv1.number} L3 CHF 70.00`]);
    await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'print' });
    today = '2026-12-31';
    expect((await due()).filter((r: string) => r.startsWith(b.inv1.number))).toEqual([]);
    // The documents say what was open each time: 80, then 60 after the partial payment, then 70 with level 2's fee; the last is the final notice.
    const history = await call(app, 'reminders.list', { invoiceId: b.inv1.invoiceId });
    expect(history.reminders.map((r: { level: number; issuedOn: string; openAmount: string; delivery: string }) => [r.level, r.issuedOn, r.openAmount, r.delivery])).toEqual([
      [3, '2026-05-10', '70.00', 'print'],
      [2, '2026-04-20', '60.00', 'email'],
      [1, '2026-02-14', '80.00', 'email'],
    ]);
    const documents = (app.db.prepare('SELECT snapshot FROM reminders WHERE invoice_id = ? ORDER BY level').all(b.inv1.invoiceId) as { snapshot: string }[]).map((r) => JSON.parse(r.snapshot));
    expect(documents.map((d) => [d.level, d.final, d.openAmount, d.feesOpen, d.fee, d.total, d.earlier.length])).toEqual([
      [1, false, '80.00', null, null, '80.00', 0],
      [2, false, '60.00', null, '10.00', '70.00', 1],
      [3, true, '70.00', '10.00', '25.00', '95.00', 2],
    ]);
    expect((await call(app, 'orders.get', { id: b.inv1.orderId })).balance).toBe('95.00');
  });

  it('stops reminding once a credit note or a payment settles the invoice, and reminds a covered one once its cover is refunded', async () => {
    const b = await books();
    today = '2026-02-14';
    // Lyon's 50 of credit covers invoice 6 (45) and leaves 5: invoice 7 is reminded in full.
    expect(await due()).toContain(`${b.inv7.number} L1 CHF 200.00`);
    expect((await due()).some((r: string) => r.startsWith(b.inv6.number))).toBe(false);
    // A refund of Lyon's credit takes the cover away: invoice 6 is due after all.
    const { rows } = await call(app, 'orders.list', { query: 'Migration Law' });
    const overpaidOrder = rows.find((r: { customerName: string }) => r.customerName === LYON.name);
    await call(app, 'payments.refund', { orderId: overpaidOrder.id, method: 'bank_transfer', paidOn: '2026-02-14', amount: '50.00', reason: 'Paid twice' });
    expect(await due()).toContain(`${b.inv6.number} L1 CHF 45.00`);
    // Invoice 7 credited in full and invoice 1 paid: neither is due any more.
    await call(app, 'invoices.credit', { invoiceId: b.inv7.invoiceId, reason: 'Returned' });
    await pay(b.inv1.orderId, '2026-02-14', '80.00');
    const now = await due();
    expect(now.some((r: string) => r.startsWith(b.inv7.number) || r.startsWith(b.inv1.number))).toBe(false);
  });

  it('says, by the same rule, why an invoice is no longer owed: what keeps a reminder’s mail from being sent again', async () => {
    const b = await books();
    today = '2026-02-14';
    const invoices = [b.inv1, b.inv2, b.inv3, b.inv4, b.inv5, b.inv6, b.inv7, b.inv8];
    const standings = goodsStandings(app.ctx, invoices.map((i) => i.invoiceId), today);
    expect(invoices.map((i) => standings.get(i.invoiceId))).toEqual(['owed', 'owed', 'owed', 'paid', 'credited', 'covered', 'owed', 'owed']);
    // One customer's invoice alone is worked out on that customer's orders: the same answers.
    expect(goodsStandings(app.ctx, [b.inv6.invoiceId], today).get(b.inv6.invoiceId)).toBe('covered');
    expect(goodsStandings(app.ctx, [b.inv7.invoiceId], today).get(b.inv7.invoiceId)).toBe('owed');
    expect(goodsStandings(app.ctx, [b.inv4.invoiceId], today).get(b.inv4.invoiceId)).toBe('paid');
    // Before invoice 4 was paid (20 January), it was owed.
    expect(goodsStandings(app.ctx, [b.inv4.invoiceId], '2026-01-19').get(b.inv4.invoiceId)).toBe('owed');
  });
});

describe('the last bank-statement import', () => {
  it('is said as the unit’s day of the latest import, and a payment it brings stops the reminder', async () => {
    const b = await books();
    today = '2026-02-16';
    expect((await call(app, 'reminders.due', {})).lastBankImport).toBeNull();
    expect(await due()).toContain(`${b.inv1.number} L1 CHF 80.00`);
    const { invoice } = await call(app, 'invoices.get', { id: b.inv1.invoiceId });
    const file = camtBase64({
      kind: '054',
      version: '08',
      iban: 'CH4431999123000889012',
      currency: 'CHF',
      entries: [{ bookedOn: '2026-02-16', reference: 'QR-20260216', txs: [{ amount: '80.00', qrr: invoice.document.qrBill.reference, bankReference: 'QR-20260216-1', payer: { name: 'BIBLIOTHEQUE DE GENEVE', country: 'CH' } }] }],
    });
    // 23:30 in UTC is already the 17th in Geneva: the day said is the unit's.
    app.ctx.now = () => new Date('2026-02-16T23:30:00Z');
    expect(await call(app, 'bank.import', { fileName: 'camt054-2026-02-16.xml', contentBase64: file })).toMatchObject({ recorded: 1 });
    const answer = await call(app, 'reminders.due', {});
    expect(answer).toMatchObject({ asOf: '2026-02-17', lastBankImport: '2026-02-17' });
    expect(answer.reminders.some((r: { number: string }) => r.number === b.inv1.number)).toBe(false);
  });
});

describe('issuing', () => {
  it('refuses, naming them, invoices not due for a reminder, and stores nothing of the call', async () => {
    const b = await books();
    today = '2026-02-14';
    const error = await refused('reminders.issue', { invoiceIds: [b.inv1.invoiceId, b.inv4.invoiceId, b.inv5.invoiceId], delivery: 'print' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'invoiceIds' });
    expect(error.message).toContain(`${b.inv4.number} and ${b.inv5.number} are not due for a reminder today`);
    expect(error.message).not.toContain(b.inv1.number);
    expect(app.db.prepare('SELECT count(*) AS n FROM reminders').get()).toEqual({ n: 0 });
    // The same level twice: the second call finds nothing due.
    await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'print' });
    expect(await refused('reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'print' })).toMatchObject({ field: 'invoiceIds', message: expect.stringContaining(`${b.inv1.number} is not due`) });
    expect(await refused('reminders.issue', { invoiceIds: [999_999], delivery: 'print' })).toMatchObject({ code: 'not_found', field: 'invoiceIds' });
  });

  it('e-mails only where there is an address: a customer without one is refused for e-mail, naming the invoice', async () => {
    const b = await books();
    today = '2026-02-14';
    expect(await refused('reminders.issue', { invoiceIds: [b.inv1.invoiceId, b.inv3.invoiceId], delivery: 'email' })).toMatchObject({
      field: 'delivery',
      message: `${b.inv3.number} has no e-mail address on the order or the customer: send it as a letter to print. Nothing was sent.`,
    });
    const letters = await call(app, 'reminders.issue', { invoiceIds: [b.inv3.invoiceId], delivery: 'print' });
    expect(letters.reminders[0]).toMatchObject({ delivery: 'print', deliveryStatus: 'to_print', email: '', language: 'es', fileName: `${b.inv3.number} reminder 1.pdf` });
  });

  it('stores the PDF with its hash, answers the same bytes every time, keeps the reminder immutable, and records it in the order history and the customer account', async () => {
    const b = await books();
    today = '2026-02-14';
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [b.inv2.invoiceId], delivery: 'email' });
    const reminder = reminders[0];
    const first = await call(app, 'reminders.pdf', { id: reminder.id });
    const again = await call(app, 'reminders.pdf', { id: reminder.id });
    expect(again.contentBase64).toBe(first.contentBase64);
    expect(first.sha256).toBe(reminder.sha256);
    expect(first.fileName).toBe(`${b.inv2.number} reminder 1.pdf`);
    expect(() => app.db.prepare('UPDATE reminders SET open_minor = 1 WHERE id = ?').run(reminder.id)).toThrow(REMINDER_IMMUTABLE_MESSAGE);
    expect(() => app.db.prepare('DELETE FROM reminders WHERE id = ?').run(reminder.id)).toThrow(REMINDER_IMMUTABLE_MESSAGE);
    // Damaged bytes are never answered.
    app.db.exec('DROP TRIGGER reminders_never_changed');
    app.db.prepare("UPDATE reminders SET pdf = CAST('%PDF-1.4 changed' AS BLOB) WHERE id = ?").run(reminder.id);
    expect(await refused('reminders.pdf', { id: reminder.id })).toMatchObject({ code: 'database_damaged' });

    const order = await call(app, 'orders.get', { id: b.inv2.orderId });
    expect(order.history.at(-1)).toMatchObject({
      action: 'reminder',
      actor: 'test-clerk',
      after: { reminder: { level: 1, invoiceNumber: b.inv2.number, openAmount: '70.00', fee: '0.00', currency: 'CHF', delivery: 'email', email: 'achats@bge.ch' } },
    });
    const profile = await call(app, 'customers.profile', { id: reminder.customerId });
    expect(profile.reminders.map((r: { id: number }) => r.id)).toEqual([reminder.id]);
    expect((await call(app, 'reminders.list', { customerId: reminder.customerId })).reminders).toHaveLength(1);
  });

  it('issues once for an idempotency key repeated after a lost answer', async () => {
    const b = await books();
    today = '2026-02-14';
    const key = '6f1c2d3e-5a4b-4c6d-8e7f-9a0b1c2d3e4f';
    const once = await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'print', idempotencyKey: key });
    const twice = await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'print', idempotencyKey: key });
    expect(twice).toEqual(once);
    expect(app.db.prepare('SELECT count(*) AS n FROM reminders').get()).toEqual({ n: 1 });
  });

  it('starts over when a payment lands between rendering and storing, and reminds for what is open then', async () => {
    const b = await books();
    today = '2026-02-14';
    const render = renderer.renderReminder.bind(renderer);
    let paid = false;
    renderer.renderReminder = async (document) => {
      if (!paid) {
        paid = true;
        await pay(b.inv1.orderId, '2026-02-14', '30.00');
      }
      return render(document);
    };
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [b.inv1.invoiceId], delivery: 'print' });
    expect(reminders[0]).toMatchObject({ openAmount: '50.00', total: '50.00' });
  });
});

describe('validation', () => {
  it('names the field of every bad input', async () => {
    expect(await refused('reminders.due', { asOf: '2026-02-30' })).toMatchObject({ code: 'invalid_input', field: 'asOf', message: 'As of is not a real calendar date.' });
    expect(await refused('reminders.issue', { invoiceIds: [], delivery: 'print' })).toMatchObject({ field: 'invoiceIds', message: 'Choose at least one invoice to remind.' });
    expect(await refused('reminders.issue', { invoiceIds: [1, 1], delivery: 'print' })).toMatchObject({ field: 'invoiceIds', message: 'An invoice is listed twice.' });
    expect(await refused('reminders.issue', { invoiceIds: [1], delivery: 'fax' })).toMatchObject({ field: 'delivery', message: 'Delivery must be one of: email, print.' });
    expect(await refused('reminders.issue', { invoiceIds: ['x'], delivery: 'print' })).toMatchObject({ field: 'invoiceIds.0', message: 'Invoice must be a number.' });
    expect(await refused('reminders.pdf', { id: 12345 })).toMatchObject({ code: 'not_found', field: 'id' });
    expect(await refused('reminders.list', { customerId: -1 })).toMatchObject({ field: 'customerId' });
    expect(await refused('reminders.zip', { ids: [] })).toMatchObject({ field: 'ids' });
  });

  it('checks reminder levels in Settings, naming the level and field, and keeps the defaults until set', async () => {
    const { settings } = await call(app, 'settings.get', {});
    expect(settings.reminders).toEqual({
      levels: [
        { name: 'Reminder', days: 10, fees: {} },
        { name: 'Second reminder', days: 20, fees: {} },
        { name: 'Final notice', days: 20, fees: {} },
      ],
    });
    const level = { name: 'Reminder', days: 10 };
    const set = (levels: unknown) => refused('settings.set', { reminders: { levels } });
    expect(await set([])).toMatchObject({ field: 'reminders.levels', message: 'Keep at least one reminder level.' });
    expect(await set([level, level, level, level, level, level])).toMatchObject({ field: 'reminders.levels', message: 'At most 5 reminder levels.' });
    expect(await set([{ ...level, days: 0 }])).toMatchObject({ field: 'reminders.levels.0.days', message: 'Days must be at least 1.' });
    expect(await set([level, { ...level, name: ' ' }])).toMatchObject({ field: 'reminders.levels.1.name', message: 'Level name is required.' });
    expect(await set([{ ...level, fees: { CHF: '10.005' } }])).toMatchObject({ field: 'reminders.levels.0.fees.CHF', message: 'Fee in CHF can have at most 2 decimals.' });
    expect(await set([{ ...level, fees: { EUR: '-5' } }])).toMatchObject({ field: 'reminders.levels.0.fees.EUR', message: 'Fee in EUR must be an amount such as 10 or 10.50 (or empty for none).' });
    expect(await set([{ ...level, fees: { USD: '5000' } }])).toMatchObject({ field: 'reminders.levels.0.fees.USD', message: 'Fee in USD cannot be more than 1000.' });
    expect(await set([{ ...level, fees: { GBP: '5' } }])).toMatchObject({ field: 'reminders.levels.0.fees', message: 'Fees can only be set in CHF, EUR, USD.' });
    // An empty or zero fee is no fee, stored one way.
    const saved = await call(app, 'settings.set', { reminders: { levels: [{ ...level, fees: { CHF: '', EUR: '0.00', USD: '2.5' } }] } });
    expect(saved.settings.reminders.levels).toEqual([{ name: 'Reminder', days: 10, fees: { USD: '2.5' } }]);
  });
});
