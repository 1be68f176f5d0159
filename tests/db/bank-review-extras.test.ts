/**
 * What the Bank screen and Home read besides the lines themselves: a suggestion proposes the
 * bank-fee write-off the import would have made, one line can be asked for by its id (a
 * payment's link to its line), and the dashboard says when the last statement came and how
 * many lines wait.
 */
import { afterEach, expect, it } from 'vitest';
import { call, type TestApp } from '../support/test-db';
import { camtBase64, type CamtSpec } from '../support/camt-files';
import { CHF_IBAN, issueInvoice, openBankApp } from '../support/bank-fixtures';

let app: TestApp;
afterEach(() => app?.close());

/** Imports a CHF camt.054 of `entries`; answers the import and a finder of its lines to review by bank reference. */
async function importForReview(fileName: string, entries: CamtSpec['entries']) {
  const result = await call(app, 'bank.import', { fileName, contentBase64: camtBase64({ kind: '054', iban: CHF_IBAN, currency: 'CHF', entries }) });
  const { rows } = await call(app, 'bank.lines', { status: 'to_review' });
  return { result, byRef: (ref: string) => rows.find((l: { bankReference: string }) => l.bankReference === ref) };
}

it('a suggestion short by no more than the charges or the tolerance proposes that write-off; short by more, or over, proposes none', async () => {
  app = await openBankApp();
  const short = await issueInvoice(app, '101.50', { customer: { name: 'Zentralbibliothek Zürich', country: 'CH' } });
  const far = await issueInvoice(app, '180.00', { customer: { name: 'Bibliothèque nationale', country: 'FR' } });
  const home = await call(app, 'dashboard.summary', {});
  expect(home.bank).toEqual({ lastImport: null, toReview: 0 });

  const { result, byRef } = await importForReview('camt054-review.xml', [
    // No reference: both wait for a person; the first is 1.50 short of its invoice, within the 5.00 tolerance.
    { bookedOn: '2026-11-12', txs: [{ amount: '100.00', text: 'Merci', payer: { name: 'ZENTRALBIBLIOTHEK ZURICH', country: 'CH' }, bankReference: 'X-1' }] },
    { bookedOn: '2026-11-12', txs: [{ amount: '150.00', text: 'Paiement', payer: { name: 'Bibliotheque nationale', country: 'FR' }, bankReference: 'X-2' }] },
  ]);
  expect(result).toMatchObject({ newLines: 2, toReview: 2 });
  const first = byRef('X-1');
  const second = byRef('X-2');
  expect(first.suggestions[0]).toMatchObject({ orderId: short.orderId, balance: '101.50', writeOff: '1.50' });
  expect(second.suggestions[0]).toMatchObject({ orderId: far.orderId, balance: '180.00', writeOff: null });

  // One line by its id, as the payments panel links to it.
  const one = await call(app, 'bank.lines', { lineId: second.id });
  expect(one.rows.map((l: { id: number }) => l.id)).toEqual([second.id]);
  expect(one.total).toBe(1);

  // Taking the suggestion with its proposed write-off pays the invoice in full.
  await call(app, 'bank.assign', { lineId: first.id, allocations: [{ orderId: short.orderId, amount: '100.00' }], writeOff: { orderId: short.orderId, amount: first.suggestions[0].writeOff } });
  expect((await call(app, 'orders.get', { id: short.orderId })).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });

  const after = await call(app, 'dashboard.summary', {});
  expect(after.bank).toEqual({ lastImport: { statementId: result.statement.id, fileName: 'camt054-review.xml', importedAt: result.statement.importedAt }, toReview: 1 });
});

it('a line assigned to an order it overpays by far asks first, naming the row, and goes through once the clerk confirms', async () => {
  app = await openBankApp();
  const small = await issueInvoice(app, '37.12', { customer: { name: 'Librairie du Rhône', country: 'CH' } });
  const { byRef } = await importForReview('camt054-typo.xml', [
    { bookedOn: '2026-11-12', txs: [{ amount: '3712.00', text: 'Commande', payer: { name: 'Librairie du Rhone', country: 'CH' }, bankReference: 'T-1' }] },
  ]);
  const line = byRef('T-1');
  const input = { lineId: line.id, allocations: [{ orderId: small.orderId, amount: '3712.00' }] };

  const asked = await app.invoke('bank.assign', input);
  expect(asked).toMatchObject({ ok: false, error: { code: 'needs_confirmation', field: 'allocations.0.amount' } });
  expect((await call(app, 'orders.get', { id: small.orderId })).order.balance).toBe('37.12');

  const confirmed = await call(app, 'bank.assign', { ...input, confirmed: true });
  expect(confirmed.line.status).toBe('recorded');
  expect((await call(app, 'orders.get', { id: small.orderId })).order.paymentStatus).toBe('overpaid');
});

it('a payer writing the umlauts out ("Bibliotheque Zuerich", "MUELLER SOEHNE") gets the customer written with them as name resembles, ranked first', async () => {
  app = await openBankApp();
  // Same amount, and "Bibliotheque" alone half resembles it: without the umlaut folding it would tie with Zürich and, issued first, rank first.
  const lausanne = await issueInvoice(app, '84.30', { customer: { name: 'Bibliothèque Lausanne', country: 'CH' } });
  const zurich = await issueInvoice(app, '84.30', { customer: { name: 'Bibliothèque Zürich', country: 'CH' } });
  const mueller = await issueInvoice(app, '42.00', { customer: { name: 'Müller Söhne', country: 'DE' } });
  const { byRef } = await importForReview('camt054-umlaut.xml', [
    { bookedOn: '2026-11-12', txs: [{ amount: '84.30', text: 'Zahlung', payer: { name: 'Bibliotheque Zuerich', country: 'CH' }, bankReference: 'U-1' }] },
    { bookedOn: '2026-11-12', txs: [{ amount: '42.00', text: 'Zahlung', payer: { name: 'MUELLER SOEHNE', country: 'DE' }, bankReference: 'U-2' }] },
  ]);
  expect(byRef('U-1').suggestions.map((s: { orderId: number; why: string }) => [s.orderId, s.why])).toEqual([
    [zurich.orderId, 'same amount, name resembles'],
    [lausanne.orderId, 'same amount, name resembles'],
  ]);
  expect(byRef('U-1').suggestions[0]).toMatchObject({ invoiceNumber: zurich.invoiceNumber, balance: '84.30' });
  expect(byRef('U-2').suggestions[0]).toMatchObject({ orderId: mueller.orderId, balance: '42.00', why: 'same amount, name resembles' });
});

it('a payer writing the umlauts out finds the customer written with them even when the amount differs: open balance, name resembles', async () => {
  app = await openBankApp();
  const zurich = await issueInvoice(app, '120.00', { customer: { name: 'Buchhandlung Zürich', country: 'CH' } });
  const { byRef } = await importForReview('camt054-umlaut-partial.xml', [
    { bookedOn: '2026-11-12', txs: [{ amount: '50.00', text: 'Anzahlung', payer: { name: 'BUCHHANDLUNG ZUERICH', country: 'CH' }, bankReference: 'U-3' }] },
  ]);
  const line = byRef('U-3');
  expect(line.suggestions.map((s: { orderId: number; why: string; balance: string }) => [s.orderId, s.why, s.balance])).toEqual([[zurich.orderId, 'open balance, name resembles', '120.00']]);
});

it('a transfer split over two invoices with the bank fees written off on the second names that invoice in the write-off', async () => {
  app = await openBankApp();
  const customer = { name: 'Zentralbibliothek Zürich', country: 'CH' };
  const first = await issueInvoice(app, '150.00', { customer });
  const second = await issueInvoice(app, '102.00', { customer });
  const { byRef } = await importForReview('camt054-split.xml', [{ bookedOn: '2026-11-12', txs: [{ amount: '250.00', text: 'Two invoices', payer: { name: 'Zentralbibliothek Zuerich', country: 'CH' }, bankReference: 'SPLIT-1' }] }]);
  const line = byRef('SPLIT-1');

  await call(app, 'bank.assign', { lineId: line.id, allocations: [{ orderId: first.orderId, amount: '150.00' }, { orderId: second.orderId, amount: '100.00' }], writeOff: { orderId: second.orderId, amount: '2.00' } });
  const paid = await call(app, 'orders.get', { id: second.orderId });
  expect(paid.order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
  const writeOff = paid.payments.find((p: { kind: string }) => p.kind === 'write_off');
  expect(writeOff).toMatchObject({ amount: '2.00', reason: `Bank fees deducted from the transfer paying ${second.invoiceNumber} (bank line ${line.id}, booked 2026-11-12)` });
});
