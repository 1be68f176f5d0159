import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp } from '../support/test-db';
import { camtBase64, type CamtSpec, type CamtTx } from '../support/camt-files';
import { CHF_QR_IBAN, issueInvoice, openBankApp, tableCounts, type IssuedInvoice } from '../support/bank-fixtures';

/**
 * Issue 16's acceptance: a day of 200 QR payments, one batch booking in a camt.054, is imported;
 * every payment with a reference is recorded without a click, bank fees written off, and a
 * second import of the same file records nothing.
 */
describe('a day of 200 QR payments', () => {
  let app: TestApp;
  const invoices: IssuedInvoice[] = [];
  let spec: CamtSpec;
  beforeAll(async () => {
    app = await openBankApp();
    for (let i = 0; i < 200; i++) invoices.push(await issueInvoice(app, `${20 + (i % 37)}.${String((i * 7) % 100).padStart(2, '0')}`, { customer: { name: `Library ${i}`, country: 'CH' } }));
    // Every fifth payer's bank took 1.50 of charges from the transfer; every seventh paid 2.00 short without saying why.
    const txs: CamtTx[] = invoices.map((inv, i) => {
      const cents = Math.round(Number(inv.total) * 100) - (i % 5 === 0 ? 150 : i % 7 === 0 ? 200 : 0);
      return { amount: (cents / 100).toFixed(2), qrr: inv.reference!, bankReference: `QR-20261118-${i}`, ...(i % 5 === 0 ? { charges: '1.50' } : {}), payer: { name: `LIBRARY ${i}`, country: 'CH' } };
    });
    spec = { kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-18', reference: 'QR-BATCH-20261118', txs }] };
  }, 300_000);
  afterAll(() => app?.close());

  it('records every one without a click, writes the fees off, and a second import records nothing', async () => {
    const first = await call(app, 'bank.import', { fileName: 'camt054-2026-11-18.xml', contentBase64: camtBase64(spec) });
    expect(first).toMatchObject({ newLines: 200, knownLines: 0, recorded: 200, toReview: 0 });
    const fees = invoices.filter((_, i) => i % 5 === 0 || i % 7 === 0).length;
    const paid = await call(app, 'orders.list', { paymentStatus: 'paid', limit: 500 });
    expect(paid.total).toBe(200);
    const writeOffs = app.db.prepare("SELECT count(*) AS n, sum(amount_minor) AS minor FROM payments WHERE kind = 'write_off'").get() as { n: number; minor: number };
    expect(writeOffs.n).toBe(fees);
    expect(writeOffs.minor).toBe(invoices.reduce((sum, _, i) => sum + (i % 5 === 0 ? 150 : i % 7 === 0 ? 200 : 0), 0));
    const counts = (await call(app, 'bank.lines', { statementId: first.statement.id, limit: 1 })).counts;
    expect(counts).toEqual({ lines: 200, toReview: 0, recorded: 200, recordedAutomatically: 200, setAside: 0 });

    const stored = tableCounts(app);
    const second = await call(app, 'bank.import', { fileName: 'camt054-2026-11-18.xml', contentBase64: camtBase64(spec) });
    expect(second).toMatchObject({ newLines: 0, knownLines: 200, recorded: 0, toReview: 0 });
    expect(tableCounts(app)).toMatchObject({ payments: stored.payments, bank_lines: 200, bank_files: 1, bank_statements: 2 });
    // Nothing is owed any more: aging lists no CHF outstanding.
    const aging = await call(app, 'receivables.aging', { asOf: '2026-11-20', currency: 'CHF' });
    expect(aging.totals).toEqual([]);
  }, 120_000);
});
