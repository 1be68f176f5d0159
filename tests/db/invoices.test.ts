/**
 * Invoices and credit notes through the API: numbering, storage, immutability and what the
 * order owes afterwards. PDFs come from a fake renderer here (bytes made from the document);
 * tests/db/invoices-pdf.test.ts reads real issued PDFs back.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS, type FakeRenderer } from '../support/fake-renderer';
import { constraintApiError, constraintCode } from '../../db/api/constraint-error';
import { HTTP_STATUS } from '../../shared/api/errors';
import { IMMUTABLE_MESSAGE } from '../../db/migrations/0006_invoices_and_credit_notes';
import { invoiceSpec, issueDocumentWithPdfLater } from '../../db/services/invoices/issue';

let app: TestApp;
let renderer: FakeRenderer;
let today: string;

beforeEach(async () => {
  today = '2026-11-20';
  renderer = fakeRenderer();
  app = openTestApp(undefined, () => new Date(`${today}T10:00:00Z`), { documents: () => renderer });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
});
afterEach(() => app?.close());

interface Line {
  title: string;
  quantity: number;
  unitPrice: string;
  discountPercent?: string;
  publicationId?: number;
}

async function order(lines: Line[] = [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '40.00' }], currency = 'CHF', receivedOn = '2026-11-02', customer = { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' }) {
  const { order } = await call(app, 'orders.create', { customer, currency, receivedVia: 'mail', receivedOn, lines, customerReference: 'PO 117' });
  return order as { id: number; number: string; total: string; customerId: number };
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

const issue = (input: Record<string, unknown>) => call(app, 'invoices.issue', input).then((r) => r.invoice);
const credit = (input: Record<string, unknown>) => call(app, 'invoices.credit', input);
const account = (orderId: number) => call(app, 'orders.get', { id: orderId });
const numbers = (kind: string) => (app.db.prepare('SELECT number FROM invoices WHERE kind = ? ORDER BY id').all(kind) as { number: string }[]).map((r) => r.number);

describe('issuing invoices', () => {
  it('numbers invoices INV-YYYY-NNNNN per calendar year of issue, starting again at 00001 in a new year', async () => {
    const a = await order();
    const b = await order();
    const first = await issue({ orderId: a.id, issuedOn: '2026-11-10' });
    const second = await issue({ orderId: b.id });
    expect([first.number, second.number]).toEqual(['INV-2026-00001', 'INV-2026-00002']);
    expect(second).toMatchObject({ issuedOn: '2026-11-20', dueOn: '2026-12-20', status: 'unpaid', total: '80.00', balance: '80.00', paid: '0.00', issuedBy: 'test-clerk' });

    today = '2027-01-04';
    const c = await order(undefined, 'EUR', '2027-01-03');
    const third = await issue({ orderId: c.id });
    expect(third.number).toBe('INV-2027-00001');
    const d = await order(undefined, 'USD', '2026-12-20');
    // Issued late, on a day of the year before: that year's series continues.
    expect((await issue({ orderId: d.id, issuedOn: '2026-12-31' })).number).toBe('INV-2026-00003');
  });

  it('puts issuer, customer snapshot, lines with ISBN, shipping, due date, what was paid and the bank details on the invoice', async () => {
    const { publications } = await call(app, 'catalogue.list', {});
    const ending = publications.find((p: { isbn: string }) => p.isbn === '9789290688051');
    const o = await order([
      { title: ending.title, publicationId: ending.id, quantity: 3, unitPrice: '19.99', discountPercent: '15' },
      { title: 'Free-text title', quantity: 1, unitPrice: '10.00' },
    ]);
    await call(app, 'payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-11-05', amount: '20.00', check: { number: '1', bank: 'UBS' } });
    await call(app, 'settings.set', { paymentTermsDays: 45 });
    const invoice = await issue({ orderId: o.id, shipping: '18.00' });
    const doc = invoice.document;
    expect(doc).toMatchObject({
      kind: 'invoice',
      number: 'INV-2026-00001',
      issuedOn: '2026-11-20',
      dueOn: '2027-01-04',
      orderNumber: o.number,
      customerReference: 'PO 117',
      language: 'fr',
      currency: 'CHF',
      customer: { name: 'Bibliothèque de Genève', addressLines: ['Promenade des Bastions 1'], postalCode: '1205', city: 'Genève', country: 'CH' },
      issuer: { name: 'Publications Unit, International Organization for Migration', address: { street: 'Route des Morillons', town: 'Geneva 19', country: 'CH' } },
      subtotal: '60.97',
      shipping: '18.00',
      total: '78.97',
      amountPaid: '20.00',
      balanceDue: '58.97',
      bankAccount: { currency: 'CHF', iban: 'CH4431999123000889012', bic: 'UBSWCHZH80A' },
      qrBill: { referenceType: 'QRR' },
    });
    expect(doc.lines).toEqual([
      expect.objectContaining({ position: 1, isbn: '9789290688051', quantity: 3, unitPrice: '19.99', discountPercent: '15', lineTotal: '50.97' }),
      expect.objectContaining({ position: 2, isbn: null, lineTotal: '10.00' }),
    ]);
    // Shipping is owed once invoiced: the order now owes the invoice's balance due, exactly.
    const record = await account(o.id);
    expect(record.order).toMatchObject({ status: 'invoiced', total: '60.97', balance: '58.97', paymentStatus: 'partially_paid' });
    expect(record.account).toMatchObject({ invoiced: '78.97', credited: '0.00', due: '78.97' });
    expect(record.invoices).toEqual([{ id: invoice.id, kind: 'invoice', number: 'INV-2026-00001', issuedOn: '2026-11-20', total: '78.97', status: 'partially_paid' }]);
    expect(record.allowed).toMatchObject({ edit: false, invoice: false });
    expect(record.history.at(-1)).toMatchObject({ action: 'invoice', actor: 'test-clerk', after: { status: 'invoiced', invoiceNumber: 'INV-2026-00001' } });
  });

  it('chooses the language from the customer country unless the clerk picks one', async () => {
    const spain = await order(undefined, 'EUR', '2026-11-02', { name: 'Biblioteca Nacional', country: 'ES', email: '', city: 'Madrid', postalCode: '28071', address: 'Paseo de Recoletos 20' });
    const japan = await order(undefined, 'USD', '2026-11-02', { name: '国立国会図書館', country: 'JP', email: '', city: 'Tokyo', postalCode: '100-8924', address: '1-10-1 Nagatacho' });
    const swiss = await order();
    expect((await issue({ orderId: spain.id })).language).toBe('es');
    expect((await issue({ orderId: japan.id })).language).toBe('en');
    expect((await issue({ orderId: swiss.id, language: 'en' })).language).toBe('en');
  });

  it('previews a DRAFT without a number and stores nothing; says what is missing before issuing', async () => {
    const o = await order(undefined, 'USD');
    await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS.filter((a) => a.currency !== 'USD') });
    const preview = await call(app, 'invoices.preview', { orderId: o.id, shipping: '5.00' });
    expect(preview).toMatchObject({ mimeType: 'application/pdf', document: { number: null, total: '85.00', bankAccount: null } });
    expect(preview.problems).toEqual([expect.stringContaining('no USD bank account in Settings')]);
    expect(crypto.createHash('sha256').update(Buffer.from(preview.contentBase64, 'base64')).digest('hex')).toBe(preview.sha256);
    expect(numbers('invoice')).toEqual([]);

    const error = await refused('invoices.issue', { orderId: o.id });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'bankAccounts', message: expect.stringContaining('Settings → Bank accounts') });
    expect((await account(o.id)).order.status).toBe('received');
    // Refused, then issued once the account is there: the refusal used no number.
    await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
    expect((await issue({ orderId: o.id })).number).toBe('INV-2026-00001');
  });

  it('leaves no gap when the PDF cannot be made', async () => {
    const a = await order();
    const b = await order();
    renderer.failNext();
    expect(await refused('invoices.issue', { orderId: a.id })).toMatchObject({ code: 'internal' });
    expect(numbers('invoice')).toEqual([]);
    expect((await account(a.id)).order.status).toBe('received');
    expect((await issue({ orderId: b.id })).number).toBe('INV-2026-00001');
    expect((await issue({ orderId: a.id })).number).toBe('INV-2026-00002');
  });

  it('refuses a second invoice for an invoiced order, a cancelled order, a future date and a date before the order', async () => {
    const o = await order();
    expect(await refused('invoices.issue', { orderId: o.id, issuedOn: '2026-11-21' })).toMatchObject({ field: 'issuedOn', message: 'Date of issue cannot be in the future.' });
    expect(await refused('invoices.issue', { orderId: o.id, issuedOn: '2026-11-01' })).toMatchObject({ field: 'issuedOn' });
    const invoice = await issue({ orderId: o.id });
    expect(await refused('invoices.issue', { orderId: o.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining(`already has invoice ${invoice.number}`) });
    expect(await refused('orders.update', { id: o.id, lines: [{ title: 'x', quantity: 1, unitPrice: '1.00' }] })).toMatchObject({ code: expect.any(String) });
    const cancelled = await order();
    await call(app, 'orders.cancel', { id: cancelled.id, reason: 'Customer withdrew' });
    expect(await refused('invoices.issue', { orderId: cancelled.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('cancelled') });
    expect(await refused('invoices.issue', { orderId: o.id, shipping: '-3' })).toMatchObject({ field: 'shipping' });
  });
});

describe('stored PDFs', () => {
  it('answers the stored bytes, whose SHA-256 is the one stored at issue, every time', async () => {
    const o = await order();
    const invoice = await issue({ orderId: o.id });
    const stored = app.db.prepare('SELECT pdf, pdf_sha256 FROM invoices WHERE id = ?').get(invoice.id) as { pdf: Buffer; pdf_sha256: string };
    expect(invoice.sha256).toBe(stored.pdf_sha256);
    for (let i = 0; i < 2; i++) {
      const file = await call(app, 'invoices.pdf', { id: invoice.id });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      expect(file).toMatchObject({ fileName: 'INV-2026-00001.pdf', mimeType: 'application/pdf', sha256: stored.pdf_sha256 });
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(stored.pdf_sha256);
      expect(bytes.equals(stored.pdf)).toBe(true);
    }
    // Rendered once, at issue; later reads never re-render.
    expect(renderer.rendered).toHaveLength(1);
  });

  it('makes the PDF of a document issued without one (demo data) once, on first request, then keeps it', async () => {
    const o = await order();
    const id = await app.ctx.transact((w) => issueDocumentWithPdfLater(w, invoiceSpec(w, { orderId: o.id })));
    const before = await call(app, 'invoices.get', { id });
    expect(before.invoice).toMatchObject({ number: 'INV-2026-00001', sha256: null });
    const first = await call(app, 'invoices.pdf', { id });
    const second = await call(app, 'invoices.pdf', { id });
    expect(second.contentBase64).toBe(first.contentBase64);
    expect((await call(app, 'invoices.get', { id })).invoice.sha256).toBe(first.sha256);
    expect(renderer.rendered).toEqual([before.invoice.document]);
  });
});

describe('immutability', () => {
  it('refuses UPDATE and DELETE on an issued invoice and credit note even in a direct SQL session', async () => {
    const o = await order();
    const invoice = await issue({ orderId: o.id });
    const { creditNote } = await credit({ invoiceId: invoice.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy damaged' });
    for (const id of [invoice.id, creditNote.id]) {
      for (const sql of [
        'UPDATE invoices SET total_minor = 1 WHERE id = ?',
        "UPDATE invoices SET snapshot = '{}' WHERE id = ?",
        "UPDATE invoices SET number = 'INV-2026-00099' WHERE id = ?",
        "UPDATE invoices SET pdf = x'00', pdf_sha256 = NULL WHERE id = ?",
        'DELETE FROM invoices WHERE id = ?',
      ]) {
        expect(() => app.db.prepare(sql).run(id), sql).toThrow(IMMUTABLE_MESSAGE);
      }
    }
    expect(() => app.db.exec('DELETE FROM invoices')).toThrow(IMMUTABLE_MESSAGE);
    // Should a service ever try, the API answers 409 with the same words, never a 500.
    let caught: unknown;
    try {
      app.db.prepare('DELETE FROM invoices WHERE id = ?').run(invoice.id);
    } catch (error) {
      caught = error;
    }
    expect(constraintApiError(constraintCode(caught)!, caught)).toEqual({ code: 'conflict', message: IMMUTABLE_MESSAGE });
    expect(HTTP_STATUS.conflict).toBe(409);
    const after = await call(app, 'invoices.get', { id: invoice.id });
    expect(after.invoice).toMatchObject({ total: '80.00', number: 'INV-2026-00001' });
  });

  it('has no API method that changes or deletes one', async () => {
    const { METHOD_NAMES } = await import('../../shared/contract');
    expect(METHOD_NAMES.filter((m) => m.startsWith('invoices.'))).toEqual(['invoices.preview', 'invoices.issue', 'invoices.get', 'invoices.list', 'invoices.pdf', 'invoices.credit', 'invoices.uninvoiced', 'invoices.zip']);
  });
});

describe('credit notes', () => {
  it('credits in part, then in full, then a corrected invoice: both series unbroken, the balance exact at every step', async () => {
    const o = await order([
      { title: 'World Migration Report 2024', quantity: 3, unitPrice: '19.99', discountPercent: '15' },
      { title: 'Migration and Health', quantity: 1, unitPrice: '25.00' },
    ]);
    expect(o.total).toBe('75.97');
    const invoice = await issue({ orderId: o.id, shipping: '12.00' });
    expect(invoice.total).toBe('87.97');
    await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-15', amount: '50.00' });
    expect((await account(o.id)).order).toMatchObject({ balance: '37.97', paymentStatus: 'partially_paid' });

    // One copy of line 1 came back damaged.
    const part = await credit({ invoiceId: invoice.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy damaged in transit' });
    expect(part.creditNote).toMatchObject({ kind: 'credit_note', number: 'CN-2026-00001', total: '16.99', status: 'credit_note', invoiceNumber: invoice.number, reason: 'One copy damaged in transit' });
    expect(part.creditNote.document).toMatchObject({ kind: 'credit_note', creditNote: { invoiceNumber: 'INV-2026-00001' }, shipping: null, dueOn: null });
    expect(part.invoice).toMatchObject({ credited: '16.99', status: 'partially_paid', balance: '20.98', paid: '50.00' });
    // What is left of line 1 is its total less the part credited, not 2 copies priced afresh.
    expect(part.invoice.creditable).toEqual({
      lines: [
        { position: 1, title: 'World Migration Report 2024', quantity: 2, amount: '33.98' },
        { position: 2, title: 'Migration and Health', quantity: 1, amount: '25.00' },
      ],
      shipping: '12.00',
      total: '70.98',
    });
    expect((await account(o.id)).order).toMatchObject({ status: 'invoiced', balance: '20.98' });

    // Too much, or twice the same line, is refused and uses no number.
    expect(await refused('invoices.credit', { invoiceId: invoice.id, lines: [{ position: 1, quantity: 3 }], reason: 'x' })).toMatchObject({ field: 'lines.0.quantity', message: expect.stringContaining('Only 2') });
    expect(await refused('invoices.credit', { invoiceId: invoice.id, lines: [], shipping: '12.01', reason: 'x' })).toMatchObject({ field: 'shipping' });
    expect(await refused('invoices.credit', { invoiceId: invoice.id, lines: [{ position: 9, quantity: 1 }], reason: 'x' })).toMatchObject({ field: 'lines.0.position' });
    expect(await refused('invoices.credit', { invoiceId: invoice.id, reason: '' })).toMatchObject({ field: 'reason' });

    // The rest, in full: the two parts of line 1 add up to the line exactly.
    const rest = await credit({ invoiceId: invoice.id, reason: 'Wrong quantities ordered; corrected invoice follows' });
    expect(rest.creditNote).toMatchObject({ number: 'CN-2026-00002', total: '70.98', shipping: '12.00' });
    expect(rest.creditNote.document.lines.map((l: { position: number; quantity: number; lineTotal: string }) => [l.position, l.quantity, l.lineTotal])).toEqual([[1, 2, '33.98'], [2, 1, '25.00']]);
    expect(rest.invoice).toMatchObject({ status: 'credited', credited: '87.97', balance: '0.00', creditable: { lines: [], shipping: '0.00', total: '0.00' } });
    expect(await refused('invoices.credit', { invoiceId: invoice.id, reason: 'again' })).toMatchObject({ message: expect.stringContaining('already credited in full') });
    // Credited in full: the order owes nothing more, holds the 50.00 paid, and can be corrected.
    let record = await account(o.id);
    expect(record.order).toMatchObject({ status: 'received', balance: '-50.00', paymentStatus: 'overpaid' });
    expect(record.allowed).toMatchObject({ edit: true, invoice: true });

    const corrected = await call(app, 'orders.update', {
      id: o.id,
      expectedUpdatedAt: record.order.updatedAt,
      customer: { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-11-02',
      lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '19.99', discountPercent: '15' }],
    });
    expect(corrected.order.total).toBe('33.98');
    const second = await issue({ orderId: o.id, shipping: '8.00' });
    expect(second).toMatchObject({ number: 'INV-2026-00002', total: '41.98', paid: '50.00', balance: '-8.02', status: 'overpaid' });
    expect(second.document).toMatchObject({ amountPaid: '50.00', balanceDue: '-8.02' });
    expect(numbers('invoice')).toEqual(['INV-2026-00001', 'INV-2026-00002']);
    expect(numbers('credit_note')).toEqual(['CN-2026-00001', 'CN-2026-00002']);

    // Balance = invoices − credit notes − payments, exactly; refund the overpayment and it is settled.
    record = await account(o.id);
    expect(record.account).toMatchObject({ invoiced: '129.95', credited: '87.97', due: '41.98', paid: '50.00', balance: '-8.02' });
    await call(app, 'payments.refund', { orderId: o.id, amount: '8.02', paidOn: '2026-11-20', method: 'bank_transfer', reason: 'Overpaid after correction' });
    expect((await account(o.id)).order).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
    const list = await call(app, 'invoices.list', { orderId: o.id });
    expect(list.rows.map((r: { number: string; status: string; balance: string }) => [r.number, r.status, r.balance])).toEqual([
      ['INV-2026-00002', 'paid', '0.00'],
      ['CN-2026-00002', 'credit_note', '0.00'],
      ['CN-2026-00001', 'credit_note', '0.00'],
      ['INV-2026-00001', 'credited', '0.00'],
    ]);
  });

  it('moves the payment status and the aging as of each credit note date', async () => {
    const o = await order([{ title: 'World Migration Report 2024', quantity: 4, unitPrice: '25.00' }], 'EUR', '2026-08-01');
    today = '2026-08-05';
    const invoice = await issue({ orderId: o.id });
    today = '2026-09-10';
    await call(app, 'payments.record', { orderId: o.id, method: 'credit_card', receivedOn: '2026-09-10', amount: '75.00', card: { brand: 'visa', last4: '4242' } });
    today = '2026-10-01';
    await credit({ invoiceId: invoice.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy not delivered' });
    expect((await account(o.id)).order).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
    const aging = async (asOf: string) => (await call(app, 'receivables.aging', { asOf, currency: 'EUR' })).totals;
    expect(await aging('2026-09-09')).toEqual([expect.objectContaining({ total: '100.00', buckets: expect.objectContaining({ '31-60': '100.00' }) })]);
    expect(await aging('2026-09-30')).toEqual([expect.objectContaining({ total: '25.00', buckets: expect.objectContaining({ '31-60': '25.00' }) })]);
    expect(await aging('2026-10-01')).toEqual([]);
  });

  it('counts invoiced shipping in the aging from the invoice date on', async () => {
    const o = await order(undefined, 'USD', '2026-11-02');
    await issue({ orderId: o.id, issuedOn: '2026-11-10', shipping: '15.50' });
    const total = async (asOf: string) => (await call(app, 'receivables.aging', { asOf, currency: 'USD' })).totals[0]?.total;
    expect(await total('2026-11-09')).toBe('80.00');
    expect(await total('2026-11-10')).toBe('95.50');
  });

  it('says the same amount owed on the order, the invoice list, the aging and the customer account', async () => {
    const o = await order([{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '40.00' }], 'EUR', '2026-11-02');
    const invoice = await issue({ orderId: o.id, issuedOn: '2026-11-10', shipping: '12.00' });
    await credit({ invoiceId: invoice.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy not delivered', issuedOn: '2026-11-12' });
    await call(app, 'payments.record', { orderId: o.id, method: 'bank_transfer', receivedOn: '2026-11-15', amount: '30.00' });
    // Owed: 80.00 + 12.00 shipping − 40.00 credited = 52.00; paid 30.00; balance 22.00.
    expect((await account(o.id)).account).toMatchObject({ due: '52.00', paid: '30.00', balance: '22.00' });
    expect((await call(app, 'invoices.get', { id: invoice.id })).invoice).toMatchObject({ credited: '40.00', paid: '30.00', balance: '22.00', status: 'partially_paid' });
    expect((await call(app, 'receivables.aging', { asOf: today, currency: 'EUR' })).totals).toEqual([expect.objectContaining({ total: '22.00' })]);
    const profile = await call(app, 'customers.profile', { id: o.customerId });
    expect(profile.balances).toEqual([{ currency: 'EUR', ordered: '52.00', fees: '0.00', paid: '30.00', balance: '22.00', orderCount: 1 }]);
  });
});

describe('invoices.list', () => {
  it('searches and filters by year, status, currency and kind, newest first, with the total count', async () => {
    const a = await order(undefined, 'CHF', '2026-11-02', { name: 'Zoë Ångström', country: 'SE', email: '', city: 'Uppsala', postalCode: '75105', address: 'Dag Hammarskjölds väg 1' });
    const b = await order(undefined, 'EUR');
    const c = await order(undefined, 'EUR');
    const ia = await issue({ orderId: a.id, issuedOn: '2026-11-03' });
    const ib = await issue({ orderId: b.id, issuedOn: '2026-11-04' });
    await issue({ orderId: c.id, issuedOn: '2026-11-05' });
    await call(app, 'payments.record', { orderId: b.id, method: 'check', receivedOn: '2026-11-06', amount: '80.00', check: { number: '7', bank: 'BCGE' } });
    await credit({ invoiceId: ia.id, reason: 'Duplicate order' });
    const list = async (input: Record<string, unknown>) => (await call(app, 'invoices.list', input)) as { rows: { number: string }[]; total: number };
    const all = await list({});
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.number)).toEqual(['CN-2026-00001', 'INV-2026-00003', 'INV-2026-00002', 'INV-2026-00001']);
    expect((await list({ status: 'paid' })).rows.map((r) => r.number)).toEqual([ib.number]);
    expect((await list({ status: 'credited' })).rows.map((r) => r.number)).toEqual([ia.number]);
    expect((await list({ status: 'unpaid', currency: 'EUR' })).rows.map((r) => r.number)).toEqual(['INV-2026-00003']);
    expect((await list({ kind: 'credit_note' })).rows).toEqual([expect.objectContaining({ number: 'CN-2026-00001', customerName: 'Zoë Ångström', invoiceNumber: 'INV-2026-00001', total: '80.00' })]);
    expect((await list({ query: 'ångström' })).total).toBe(2);
    expect((await list({ query: '00002' })).rows.map((r) => r.number)).toEqual(['INV-2026-00002']);
    expect((await list({ query: b.number })).rows.map((r) => r.number)).toEqual(['INV-2026-00002']);
    expect((await list({ year: 2025 })).total).toBe(0);
    const page = await list({ limit: 2, offset: 1 });
    expect([page.total, page.rows.map((r) => r.number)]).toEqual([4, ['INV-2026-00003', 'INV-2026-00002']]);
  });
});

describe('bank accounts and terms in settings', () => {
  it('refuses a wrong IBAN, a wrong BIC and a foreign IBAN for a QR-bill currency, naming the field', async () => {
    const set = (accounts: unknown) => refused('settings.set', { bankAccounts: accounts });
    const good = TEST_BANK_ACCOUNTS[0]!;
    expect(await set([{ ...good, iban: 'CH44 3199 9123 0008 8901 3' }])).toMatchObject({ field: 'bankAccounts.0.iban', message: expect.stringContaining('IBAN (CHF) is not valid') });
    expect(await set([{ ...good, bic: 'UBS' }])).toMatchObject({ field: 'bankAccounts.0.bic', message: expect.stringContaining('BIC (CHF) is not a valid BIC') });
    expect(await set([{ ...good, currency: 'EUR', iban: 'DE89 3704 0044 0532 0130 00' }])).toMatchObject({
      field: 'bankAccounts.0.iban',
      message: 'IBAN (EUR) must be a Swiss or Liechtenstein account (CH or LI) for the QR-bill on CHF and EUR invoices.',
    });
    expect(await set([good, { ...good }])).toMatchObject({ field: 'bankAccounts.1.currency', message: expect.stringContaining('already a bank account for CHF') });
    expect(await set([{ ...good, holder: '' }])).toMatchObject({ field: 'bankAccounts.0.holder' });
    // A German IBAN is fine for USD, which carries no QR-bill; IBANs are kept without spaces.
    const { settings } = await call(app, 'settings.set', { bankAccounts: [{ ...TEST_BANK_ACCOUNTS[2]!, iban: 'de89 3704 0044 0532 0130 00' }], paymentTermsDays: 60 });
    expect(settings.bankAccounts).toEqual([expect.objectContaining({ currency: 'USD', iban: 'DE89370400440532013000' })]);
    expect(settings.paymentTermsDays).toBe(60);
    expect(await refused('settings.set', { paymentTermsDays: 400 })).toMatchObject({ field: 'paymentTermsDays' });
    expect(await refused('settings.set', { issuer: { name: 'Unit', address: { street: '', postalCode: '1211', town: 'Genève', country: 'CH' } } })).toMatchObject({ field: 'issuer.address.street' });
  });
});
