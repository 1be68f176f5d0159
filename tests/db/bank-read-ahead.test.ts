import { afterEach, describe, expect, it } from 'vitest';
import { decide, decideOptions, issuedInvoices } from '../../db/services/bank/match';
import { readAheadInvoices } from '../../db/services/bank/read-ahead';
import { readCamt } from '../../db/bank/camt-read';
import { prepareFile } from '../../db/services/bank/prepare';
import { getSettings } from '../../db/services/settings';
import { newLineRow, type NewLineRow } from '../../db/services/bank/store';
import { camtXml } from '../support/camt-files';
import { call, type TestApp } from '../support/test-db';
import { CHF_QR_IBAN, issueInvoice, openBankApp } from '../support/bank-fixtures';

let app: TestApp;
afterEach(() => app?.close());

/** A new CHF line paying `amount` with a QR reference, read from a camt.054 as the import reads it, before it decides. */
function lineWith(reference: string, amount: string): NewLineRow {
  const xml = camtXml({ kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount, qrr: reference }] }] });
  const read = readCamt(new TextEncoder().encode(xml));
  if (!read.ok) throw new Error(read.message);
  return newLineRow(app.ctx, 1, prepareFile(read.file, getSettings(app.ctx).settings.bankAccounts).lines[0]!);
}

describe('invoices read ahead of a bank import', () => {
  it('are the issued invoices the numbers name, unknown numbers left out, and no more once the import is over', async () => {
    app = await openBankApp();
    const first = await issueInvoice(app, '12.00');
    const second = await issueInvoice(app, '30.00', { currency: 'EUR', customer: { name: 'Université de Lyon', country: 'FR' } });
    const found = await readAheadInvoices(app.ctx, [first.invoiceNumber, 'INV-2026-09999', second.invoiceNumber], new AbortController().signal);
    expect(found).toEqual([
      { id: first.invoiceId, kind: 'invoice', number: first.invoiceNumber, order_id: first.orderId, order_number: first.orderNumber, total_minor: 1200 },
      { id: second.invoiceId, kind: 'invoice', number: second.invoiceNumber, order_id: second.orderId, order_number: second.orderNumber, total_minor: 3000 },
    ]);
    const over = new AbortController();
    over.abort();
    expect(await readAheadInvoices(app.ctx, [first.invoiceNumber], over.signal)).toEqual([]);
  });

  it('never decide whether an invoice is credited: a credit note issued after they were read still sends the payment to review', async () => {
    app = await openBankApp();
    const invoice = await issueInvoice(app, '45.00');
    const readAhead = issuedInvoices(app.ctx, [invoice.invoiceNumber]);
    await call(app, 'invoices.credit', { invoiceId: invoice.invoiceId, reason: 'Returned unopened', issuedOn: '2026-11-05' });

    const decision = decide(app.ctx, lineWith(invoice.reference!, '45.00'), decideOptions(app.ctx, '2026-11-20', readAhead));
    expect(decision).toMatchObject({ kind: 'review', code: 'credited' });
  });

  it('leave out an invoice issued after they were read, which the import still finds and pays', async () => {
    app = await openBankApp();
    const readAhead = issuedInvoices(app.ctx, ['INV-2026-00001']);
    expect(readAhead.size).toBe(0);
    const invoice = await issueInvoice(app, '18.50');
    expect(invoice.invoiceNumber).toBe('INV-2026-00001');

    const decision = decide(app.ctx, lineWith(invoice.reference!, '18.50'), decideOptions(app.ctx, '2026-11-20', readAhead));
    expect(decision).toMatchObject({ kind: 'record', invoiceNumber: invoice.invoiceNumber, outcome: 'paid', order: { id: invoice.orderId } });
  });
});
