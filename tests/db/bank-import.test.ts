import { afterEach, describe, expect, it } from 'vitest';
import { call, type TestApp } from '../support/test-db';
import { camtBase64, type CamtSpec } from '../support/camt-files';
import { CHF_IBAN, CHF_QR_IBAN, EUR_IBAN, issueInvoice, openBankApp, orderOf, tableCounts } from '../support/bank-fixtures';

let app: TestApp;
afterEach(() => app?.close());

async function importFile(spec: CamtSpec, fileName = `camt${spec.kind}-${spec.version ?? '04'}.xml`) {
  return call(app, 'bank.import', { fileName, contentBase64: camtBase64(spec) });
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

async function lines(input: Record<string, unknown> = {}) {
  return call(app, 'bank.lines', { limit: 500, ...input });
}

/** "INV-2026-00007" → its year and sequence, to write it the ways payers do. */
function parts(invoiceNumber: string) {
  const [, year, sequence] = /^INV-(\d{4})-(\d{5})$/.exec(invoiceNumber)!;
  return { year: year!, sequence: sequence!, short: String(Number(sequence)) };
}

describe('bank statements: payments recorded by their reference', () => {
  for (const version of ['04', '08'] as const) {
    it(`camt.054 ${version}: a QR reference and an RF reference each pay their invoice exactly, dated on the booking day, linked both ways`, async () => {
      app = await openBankApp();
      const chf = await issueInvoice(app, '123.45');
      const eur = await issueInvoice(app, '80.00', { currency: 'EUR', customer: { name: 'Université de Lyon', country: 'FR' } });
      expect(chf.reference).toMatch(/^\d{27}$/);
      expect(eur.reference).toMatch(/^RF\d\dINV/);

      const chfFile = await importFile({ kind: '054', version, iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', reference: 'ENTRY-1', txs: [{ amount: '123.45', qrr: chf.reference!, bankReference: 'TX-CHF-1', payer: { name: 'Bibliotheque de Geneve', town: 'Genève', country: 'CH' }, uetr: '0f3a9c8e-1b2d-4e5f-8a7b-6c5d4e3f2a1b' }] }] });
      expect(chfFile).toMatchObject({ newLines: 1, knownLines: 0, recorded: 1, toReview: 0, statement: { kind: 'camt.054', version: `001.${version}`, accounts: [CHF_QR_IBAN], currencies: ['CHF'], from: '2026-11-10', to: '2026-11-10', lines: 1, importedBy: 'test-clerk' } });
      const eurFile = await importFile({ kind: '054', version, iban: EUR_IBAN, currency: 'EUR', entries: [{ bookedOn: '2026-11-11', txs: [{ amount: '80.00', scor: eur.reference!, bankReference: 'TX-EUR-1' }] }] });
      expect(eurFile).toMatchObject({ newLines: 1, recorded: 1, toReview: 0 });

      const chfOrder = await orderOf(app, chf.orderId);
      expect(chfOrder.order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
      expect(chfOrder.payments).toHaveLength(1);
      expect(chfOrder.payments[0]).toMatchObject({
        kind: 'payment',
        method: 'bank_transfer',
        on: '2026-11-10',
        amount: '123.45',
        reference: chf.reference,
        transfer: { bankReference: 'TX-CHF-1', feesDeducted: null },
        bankLine: { statementId: chfFile.statement.id, fileName: `camt054-${version}.xml`, bookedOn: '2026-11-10' },
        recordedBy: 'test-clerk',
      });
      expect(chfOrder.history.at(-1)).toMatchObject({ action: 'payment', actor: 'test-clerk' });
      expect((await orderOf(app, eur.orderId)).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });

      const recorded = await lines({ status: 'recorded' });
      expect(recorded.counts).toEqual({ lines: 2, toReview: 0, recorded: 2, recordedAutomatically: 2, setAside: 0 });
      const line = recorded.rows.find((l: { currency: string }) => l.currency === 'CHF');
      expect(line).toMatchObject({
        direction: 'credit',
        bookedOn: '2026-11-10',
        valueOn: '2026-11-10',
        amount: '123.45',
        referenceType: 'QRR',
        reference: chf.reference,
        bankReference: 'TX-CHF-1',
        uetr: version === '08' ? '0f3a9c8e-1b2d-4e5f-8a7b-6c5d4e3f2a1b' : '',
        counterparty: { name: 'Bibliotheque de Geneve', address: 'Genève, CH' },
        status: 'recorded',
        recordedHow: 'automatic',
        unallocated: '0.00',
        allocations: [{ orderId: chf.orderId, orderNumber: chf.orderNumber, invoiceNumber: chf.invoiceNumber, kind: 'payment', amount: '123.45', reversed: false }],
      });
      expect(chfOrder.payments[0].bankLine.lineId).toBe(line.id);
      const audit = app.db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'bank_line' AND entity_id = ?").all(line.id);
      expect(audit).toEqual([{ actor: 'test-clerk', action: 'record_automatically' }]);
    });
  }

  it('reads an invoice or order number in the free text as payers write it', async () => {
    app = await openBankApp();
    const invoices = [];
    for (let i = 0; i < 5; i++) invoices.push(await issueInvoice(app, `${40 + i}.00`));
    const [a, b, c, d, e] = invoices.map((inv) => ({ ...inv, ...parts(inv.invoiceNumber) }));
    const texts = [
      `Payment ${a!.invoiceNumber}`,
      `INV ${b!.year} ${b!.short} thank you`,
      `inv${c!.year}${c!.sequence}`,
      `Facture ${d!.year}-${d!.sequence}`,
      `order ${e!.orderNumber}`,
    ];
    const result = await importFile({
      kind: '054',
      iban: CHF_IBAN,
      currency: 'CHF',
      entries: invoices.map((inv, i) => ({ bookedOn: '2026-11-12', txs: [{ amount: inv.total, text: texts[i]!, bankReference: `FREE-${i}`, payer: { name: 'Biblioteca Nacional', country: 'ES' } }] })),
    });
    expect(result).toMatchObject({ newLines: 5, recorded: 5, toReview: 0 });
    for (const inv of invoices) expect((await orderOf(app, inv.orderId)).order.paymentStatus).toBe('paid');
    const notes = (await lines()).rows.map((l: { allocations: { orderNumber: string }[] }) => l.allocations[0]!.orderNumber).sort();
    expect(notes).toEqual(invoices.map((inv) => inv.orderNumber).sort());
  });

  it('a batch booking with charges: exact, short by the charges, short within the tolerance, short by more, over', async () => {
    app = await openBankApp();
    const exact = await issueInvoice(app, '100.00');
    const charged = await issueInvoice(app, '100.00');
    const tolerated = await issueInvoice(app, '100.00');
    const partial = await issueInvoice(app, '100.00');
    const over = await issueInvoice(app, '100.00');
    const result = await importFile({
      kind: '054',
      version: '08',
      iban: CHF_QR_IBAN,
      currency: 'CHF',
      entries: [
        {
          bookedOn: '2026-11-13',
          reference: 'BATCH-20261113',
          txs: [
            { amount: '100.00', qrr: exact.reference!, bankReference: 'B-1' },
            { amount: '92.50', qrr: charged.reference!, charges: '7.50', bankReference: 'B-2' },
            { amount: '97.00', qrr: tolerated.reference!, bankReference: 'B-3' },
            { amount: '60.00', qrr: partial.reference!, bankReference: 'B-4' },
            { amount: '105.00', qrr: over.reference!, bankReference: 'B-5' },
          ],
        },
      ],
    });
    expect(result).toMatchObject({ newLines: 5, knownLines: 0, recorded: 5, toReview: 0 });

    expect((await orderOf(app, exact.orderId)).account).toMatchObject({ paid: '100.00', writtenOff: '0.00', balance: '0.00' });
    const withCharges = await orderOf(app, charged.orderId);
    expect(withCharges.account).toMatchObject({ paid: '92.50', writtenOff: '7.50', balance: '0.00' });
    expect(withCharges.order.paymentStatus).toBe('paid');
    expect(withCharges.payments.map((p: { kind: string; amount: string }) => [p.kind, p.amount])).toEqual([['payment', '92.50'], ['write_off', '7.50']]);
    expect(withCharges.payments[0].transfer.feesDeducted).toBe('7.50');
    expect(withCharges.payments[1].reason).toMatch(/^Bank fees deducted from transfer \S+ \(CHF 7\.50\)$/);
    expect(withCharges.payments[1].bankLine).not.toBeNull();
    expect((await orderOf(app, tolerated.orderId)).account).toMatchObject({ paid: '97.00', writtenOff: '3.00', balance: '0.00' });
    const part = await orderOf(app, partial.orderId);
    expect(part.order).toMatchObject({ paymentStatus: 'partially_paid', balance: '40.00' });
    expect(part.account.writtenOff).toBe('0.00');
    expect((await orderOf(app, over.orderId)).order).toMatchObject({ paymentStatus: 'overpaid', balance: '-5.00' });
    // The overpayment shows among refunds due, as any overpayment does.
    const summary = await call(app, 'dashboard.summary', {});
    expect(JSON.stringify(summary)).toContain(over.orderNumber);
  });

  it('a tolerance set in Settings decides what is written off as fees', async () => {
    app = await openBankApp();
    await call(app, 'settings.set', { bankFeeTolerance: { CHF: '2.00', EUR: '5.00', USD: '5.00' } });
    const inv = await issueInvoice(app, '100.00');
    await importFile({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-13', txs: [{ amount: '97.00', qrr: inv.reference!, bankReference: 'T-1' }] }] });
    expect((await orderOf(app, inv.orderId)).order).toMatchObject({ paymentStatus: 'partially_paid', balance: '3.00' });
    const settings = await call(app, 'settings.get', {});
    expect(settings.settings.bankFeeTolerance).toEqual({ CHF: '2.00', EUR: '5.00', USD: '5.00' });
    expect((await refused('settings.set', { bankFeeTolerance: { CHF: '2.001', EUR: '5', USD: '5' } })).field).toBe('bankFeeTolerance.CHF');
  });
});

describe('bank statements: lines that need a person', () => {
  it('already paid, another currency, no reference, several candidates, a refund paid out, a closed month: each to review with its reason and suggestions', async () => {
    app = await openBankApp();
    const october = await issueInvoice(app, '55.00', { receivedOn: '2026-10-05', issuedOn: '2026-10-06' });
    await call(app, 'reports.closeMonth', { month: '2026-10' });
    const paid = await issueInvoice(app, '30.00');
    await call(app, 'payments.record', { orderId: paid.orderId, method: 'check', receivedOn: '2026-11-05', amount: '30.00' });
    const euro = await issueInvoice(app, '70.00', { currency: 'EUR', customer: { name: 'Université de Lyon', country: 'FR' } });
    const unknown = await issueInvoice(app, '64.20', { customer: { name: 'Zoë Ångström-Müller', country: 'SE' } });
    const first = await issueInvoice(app, '10.00');
    const second = await issueInvoice(app, '20.00');
    const overpaid = await issueInvoice(app, '40.00', { customer: { name: 'Libreria Ulrico Hoepli', country: 'IT' } });
    await call(app, 'payments.record', { orderId: overpaid.orderId, method: 'bank_transfer', receivedOn: '2026-11-06', amount: '55.00', confirmed: true });
    const before = { paid: await orderOf(app, paid.orderId), euro: await orderOf(app, euro.orderId) };

    const result = await importFile({
      kind: '053',
      version: '08',
      iban: CHF_IBAN,
      currency: 'CHF',
      entries: [
        { bookedOn: '2026-10-30', txs: [{ amount: '55.00', qrr: october.reference!, bankReference: 'R-1' }] },
        { bookedOn: '2026-11-14', txs: [{ amount: '30.00', qrr: paid.reference!, bankReference: 'R-2' }] },
        { bookedOn: '2026-11-14', txs: [{ amount: '70.00', scor: euro.reference!, bankReference: 'R-3' }] },
        { bookedOn: '2026-11-14', txs: [{ amount: '64.20', text: 'Merci beaucoup', payer: { name: 'ZOE ANGSTROM-MULLER', country: 'SE' }, bankReference: 'R-4' }] },
        { bookedOn: '2026-11-14', txs: [{ amount: '30.00', text: `${first.invoiceNumber} and ${second.invoiceNumber}`, bankReference: 'R-5' }] },
        { bookedOn: '2026-11-15', txs: [{ amount: '15.00', direction: 'debit', text: 'Refund', payer: { name: 'Libreria Ulrico Hoepli', country: 'IT' }, bankReference: 'R-6' }] },
        { bookedOn: '2026-11-15', txs: [{ amount: '12.00', text: 'INV-2026-09999', bankReference: 'R-7' }] },
      ],
    });
    expect(result).toMatchObject({ newLines: 7, knownLines: 0, recorded: 0, toReview: 7 });
    const review = (await lines({ status: 'to_review' })).rows;
    const byRef = (ref: string) => review.find((l: { bankReference: string }) => l.bankReference === ref);
    expect(byRef('R-1')).toMatchObject({ reviewCode: 'closed_month', reviewReason: expect.stringContaining('October 2026, which is closed') });
    expect(byRef('R-1').suggestions[0]).toMatchObject({ orderId: october.orderId, why: expect.stringContaining(`of ${october.invoiceNumber}`) });
    expect(byRef('R-2')).toMatchObject({ reviewCode: 'already_paid', reviewReason: expect.stringContaining(`${paid.invoiceNumber} is already paid`) });
    expect(byRef('R-3')).toMatchObject({ reviewCode: 'other_currency', reviewReason: expect.stringContaining('is in EUR and the payment in CHF') });
    expect(byRef('R-4')).toMatchObject({ reviewCode: 'no_reference', counterparty: { name: 'ZOE ANGSTROM-MULLER' } });
    expect(byRef('R-4').suggestions[0]).toMatchObject({ orderId: unknown.orderId, invoiceNumber: unknown.invoiceNumber, balance: '64.20', why: 'same amount, name resembles' });
    expect(byRef('R-5')).toMatchObject({ reviewCode: 'several_candidates' });
    expect(byRef('R-5').suggestions.map((s: { orderId: number }) => s.orderId).sort()).toEqual([first.orderId, second.orderId].sort());
    expect(byRef('R-6')).toMatchObject({ direction: 'debit', reviewCode: 'debit' });
    expect(byRef('R-6').suggestions[0]).toMatchObject({ orderId: overpaid.orderId, balance: '-15.00', why: 'refund due of the same amount, name resembles' });
    expect(byRef('R-7')).toMatchObject({ reviewCode: 'unknown_reference', reviewReason: expect.stringContaining('no invoice or order of Order Desk has it') });

    // Nothing was recorded on any order.
    expect(await orderOf(app, paid.orderId)).toMatchObject({ payments: before.paid.payments, balance: before.paid.balance });
    expect(await orderOf(app, euro.orderId)).toMatchObject({ payments: before.euro.payments });

    // The clerk decides: the unknown payer's line to its suggestion, the transfer split across two invoices,
    // the refund paid out, the closed month's money in November, interest set aside.
    const assigned = await call(app, 'bank.assign', { lineId: byRef('R-4').id, allocations: [{ orderId: unknown.orderId, amount: '64.20' }] });
    expect(assigned.line).toMatchObject({ status: 'recorded', recordedHow: 'clerk', unallocated: '0.00', suggestions: [] });
    expect((await orderOf(app, unknown.orderId)).order.paymentStatus).toBe('paid');
    await call(app, 'bank.assign', { lineId: byRef('R-5').id, allocations: [{ orderId: first.orderId, amount: '10.00' }, { orderId: second.orderId, amount: '20.00' }] });
    expect((await orderOf(app, first.orderId)).order.paymentStatus).toBe('paid');
    expect((await orderOf(app, second.orderId)).order.paymentStatus).toBe('paid');
    const refund = await call(app, 'bank.assign', { lineId: byRef('R-6').id, allocations: [{ orderId: overpaid.orderId, amount: '15.00' }] });
    expect(refund.movements[0].payment).toMatchObject({ kind: 'refund', amount: '15.00', on: '2026-11-15' });
    expect((await orderOf(app, overpaid.orderId)).order).toMatchObject({ balance: '0.00' });
    const closedRefusal = await refused('bank.assign', { lineId: byRef('R-1').id, allocations: [{ orderId: october.orderId, amount: '55.00' }] });
    expect(closedRefusal).toMatchObject({ code: 'conflict', field: 'receivedOn', message: expect.stringContaining('October 2026, which is closed') });
    await call(app, 'bank.assign', { lineId: byRef('R-1').id, allocations: [{ orderId: october.orderId, amount: '55.00' }], receivedOn: '2026-11-02' });
    expect((await orderOf(app, october.orderId)).payments[0]).toMatchObject({ on: '2026-11-02', amount: '55.00' });
    const aside = await call(app, 'bank.setAside', { lineId: byRef('R-7').id, reason: 'Grant from the canton, not an order' });
    expect(aside.line).toMatchObject({ status: 'set_aside', setAsideReason: 'Grant from the canton, not an order' });

    const after = await lines();
    expect(after.counts).toEqual({ lines: 7, toReview: 2, recorded: 4, recordedAutomatically: 0, setAside: 1 });
  });

  it('assign refuses amounts that do not add up, another currency, and a line already recorded; each naming the field', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '50.00');
    const eur = await issueInvoice(app, '50.00', { currency: 'EUR' });
    await importFile({ kind: '054', iban: CHF_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-14', txs: [{ amount: '50.00', text: 'no ref', bankReference: 'A-1' }] }] });
    const [line] = (await lines()).rows;
    expect(await refused('bank.assign', { lineId: line.id, allocations: [{ orderId: inv.orderId, amount: '40.00' }] })).toMatchObject({ field: 'allocations', message: expect.stringContaining('add up to CHF') });
    expect(await refused('bank.assign', { lineId: line.id, allocations: [{ orderId: eur.orderId, amount: '50.00' }] })).toMatchObject({ field: 'allocations.0.orderId' });
    expect(await refused('bank.assign', { lineId: line.id, allocations: [] })).toMatchObject({ field: 'allocations' });
    expect(await refused('bank.assign', { lineId: line.id, allocations: [{ orderId: inv.orderId, amount: '45.00' }, { orderId: inv.orderId, amount: '5.00' }] })).toMatchObject({ field: 'allocations.1.orderId' });
    await call(app, 'bank.assign', { lineId: line.id, allocations: [{ orderId: inv.orderId, amount: '50.00' }] });
    expect(await refused('bank.assign', { lineId: line.id, allocations: [{ orderId: inv.orderId, amount: '50.00' }] })).toMatchObject({ code: 'conflict', field: 'lineId' });
    expect(await refused('bank.setAside', { lineId: line.id, reason: 'x' })).toMatchObject({ code: 'conflict', field: 'lineId' });
    expect(await refused('bank.lines', { status: 'done' })).toMatchObject({ field: 'status' });
  });

  it('a short transfer assigned by hand with a bank-fee write-off settles the invoice', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '120.00', { currency: 'EUR', customer: { name: 'Universität Wien', country: 'AT' } });
    await importFile({ kind: '054', iban: EUR_IBAN, currency: 'EUR', entries: [{ bookedOn: '2026-11-16', txs: [{ amount: '108.00', text: 'Wien', payer: { name: 'Universitat Wien' }, bankReference: 'W-1' }] }] });
    const [line] = (await lines({ status: 'to_review' })).rows;
    expect(line.suggestions[0]).toMatchObject({ orderId: inv.orderId, why: 'open balance, name resembles' });
    await call(app, 'bank.assign', { lineId: line.id, allocations: [{ orderId: inv.orderId, amount: '108.00' }], writeOff: { orderId: inv.orderId, amount: '12.00' } });
    expect((await orderOf(app, inv.orderId)).account).toMatchObject({ paid: '108.00', writtenOff: '12.00', balance: '0.00' });
  });
});

describe('bank statements: nothing counted twice', () => {
  it('the same file twice adds no line and records nothing; both imports are kept with the file once', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '75.00');
    const spec: CamtSpec = { kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '75.00', qrr: inv.reference!, bankReference: 'D-1' }, { amount: '9.00', text: 'unknown', bankReference: 'D-2' }] }] };
    const first = await importFile(spec, 'notification.xml');
    expect(first).toMatchObject({ newLines: 2, knownLines: 0, recorded: 1, toReview: 1 });
    const payments = tableCounts(app).payments;
    const second = await importFile(spec, 'notification (1).xml');
    expect(second).toMatchObject({ newLines: 0, knownLines: 2, recorded: 0, toReview: 0, statement: { lines: 2, newLines: 0, knownLines: 2 } });
    expect(second.statement.sha256).toBe(first.statement.sha256);
    expect(tableCounts(app)).toMatchObject({ bank_files: 1, bank_statements: 2, bank_lines: 2, payments });
    expect((await orderOf(app, inv.orderId)).account).toMatchObject({ paid: '75.00', balance: '0.00' });
    const { statements } = await call(app, 'bank.statements', {});
    expect(statements.map((s: { fileName: string; newLines: number }) => [s.fileName, s.newLines])).toEqual([['notification (1).xml', 0], ['notification.xml', 2]]);
    const stored = app.db.prepare('SELECT bytes FROM bank_files').get() as { bytes: Buffer };
    expect(stored.bytes.toString('base64')).toBe(camtBase64(spec));
  });

  for (const version of ['04', '08'] as const) {
    it(`camt.054 then the camt.053 of the same days (${version}): the statement brings only what the notifications did not`, async () => {
      app = await openBankApp();
      const a = await issueInvoice(app, '40.00');
      const b = await issueInvoice(app, '50.00');
      const c = await issueInvoice(app, '60.00');
      const qrBatch = { bookedOn: '2026-11-10', reference: 'E-QR-1110', txs: [{ amount: '40.00', qrr: a.reference!, bankReference: 'Q-1' }, { amount: '48.50', qrr: b.reference!, charges: '1.50', bankReference: 'Q-2' }] };
      // Without the bank's transaction references the bookings are recognised by what was booked.
      const lone = { bookedOn: '2026-11-11', reference: 'E-1111', txs: [{ amount: '60.00', text: `Rechnung ${c.invoiceNumber}`, payer: { name: 'Stadtbibliothek Bern' } }] };
      const notification = await importFile({ kind: '054', version, iban: CHF_QR_IBAN, currency: 'CHF', entries: [qrBatch] });
      expect(notification).toMatchObject({ newLines: 2, recorded: 2 });
      const lone054 = await importFile({ kind: '054', version, iban: CHF_QR_IBAN, currency: 'CHF', entries: [lone] });
      expect(lone054).toMatchObject({ newLines: 1, recorded: 1 });
      const payments = tableCounts(app).payments;

      const statement = await importFile({
        kind: '053',
        version,
        iban: CHF_QR_IBAN,
        currency: 'CHF',
        entries: [qrBatch, { ...lone, txs: lone.txs.map((t) => ({ ...t })) }, { bookedOn: '2026-11-12', txs: [{ amount: '3.00', text: 'Interest', bankReference: 'INT-1' }] }],
      });
      expect(statement).toMatchObject({ newLines: 1, knownLines: 3, recorded: 0, toReview: 1 });
      expect(tableCounts(app).payments).toBe(payments);
      for (const inv of [a, b, c]) expect((await orderOf(app, inv.orderId)).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
      expect((await orderOf(app, b.orderId)).account).toMatchObject({ paid: '48.50', writtenOff: '1.50' });
    });
  }

  it('a camt.053 whose batch is not detailed: known when the camt.054 came first; set aside when its camt.054 comes after', async () => {
    app = await openBankApp();
    const a = await issueInvoice(app, '40.00');
    const b = await issueInvoice(app, '50.00');
    const batch = { bookedOn: '2026-11-10', reference: 'E-BATCH-1', txs: [{ amount: '40.00', qrr: a.reference!, bankReference: 'Q-1' }, { amount: '50.00', qrr: b.reference!, bankReference: 'Q-2' }] };
    await importFile({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [batch] });
    const summary = await importFile({ kind: '053', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ ...batch, withoutDetails: true }] });
    expect(summary).toMatchObject({ newLines: 0, knownLines: 1, recorded: 0, toReview: 0 });

    const c = await issueInvoice(app, '30.00');
    const d = await issueInvoice(app, '20.00');
    const later = { bookedOn: '2026-11-17', reference: 'E-BATCH-2', txs: [{ amount: '30.00', qrr: c.reference!, bankReference: 'Q-3' }, { amount: '20.00', qrr: d.reference!, bankReference: 'Q-4' }] };
    const first = await importFile({ kind: '053', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ ...later, withoutDetails: true }] });
    expect(first).toMatchObject({ newLines: 1, toReview: 1, recorded: 0 });
    const [batchLine] = (await lines({ status: 'to_review' })).rows;
    expect(batchLine).toMatchObject({ undetailedBatch: 2, amount: '50.00', reviewCode: 'undetailed_batch', suggestions: [] });
    const details = await importFile({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [later] });
    expect(details).toMatchObject({ newLines: 2, recorded: 2 });
    expect((await call(app, 'bank.lines', { status: 'to_review' })).total).toBe(0);
    const aside = (await lines({ status: 'set_aside' })).rows;
    expect(aside.map((l: { id: number; setAsideReason: string }) => [l.id, l.setAsideReason])).toEqual([[batchLine.id, expect.stringContaining('came one by one')]]);
  });

  it('reversing a payment made from a line returns the line to review, with its fee write-off reversed too', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '100.00');
    await importFile({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '98.00', qrr: inv.reference!, bankReference: 'V-1' }] }] });
    const order = await orderOf(app, inv.orderId);
    expect(order.order.paymentStatus).toBe('paid');
    const payment = order.payments.find((p: { kind: string }) => p.kind === 'payment');
    await call(app, 'payments.reverse', { paymentId: payment.id, reason: 'Recorded on the wrong order' });
    const back = await orderOf(app, inv.orderId);
    expect(back.order).toMatchObject({ paymentStatus: 'unpaid', balance: '100.00' });
    const [line] = (await lines({ status: 'to_review' })).rows;
    expect(line).toMatchObject({ reviewCode: 'payment_reversed', reviewReason: expect.stringContaining('Recorded on the wrong order'), unallocated: '98.00' });
    expect(line.allocations.map((a: { kind: string; reversed: boolean }) => [a.kind, a.reversed])).toEqual([['payment', true], ['write_off', true]]);
    await call(app, 'bank.assign', { lineId: line.id, allocations: [{ orderId: inv.orderId, amount: '98.00' }], writeOff: { orderId: inv.orderId, amount: '2.00' } });
    expect((await orderOf(app, inv.orderId)).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
  });
});

describe('bank statements: the file must be one of the unit’s accounts', () => {
  it('refuses an account not in Settings, naming the IBAN found, and one in another currency; nothing is written', async () => {
    app = await openBankApp();
    const before = tableCounts(app);
    const foreign = await refused('bank.import', { fileName: 'other.xml', contentBase64: camtBase64({ kind: '053', iban: 'DE89370400440532013000', currency: 'EUR', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '10.00' }] }] }) });
    expect(foreign).toMatchObject({ code: 'invalid_input', field: 'contentBase64', message: expect.stringContaining('for account DE89 3704 0044 0532 0130 00, which is not one of the unit') });
    const wrongCurrency = await refused('bank.import', { fileName: 'eur.xml', contentBase64: camtBase64({ kind: '053', iban: CHF_IBAN, currency: 'EUR', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '10.00' }] }] }) });
    expect(wrongCurrency.message).toContain('is in EUR, but Settings has it as the CHF account');
    expect(tableCounts(app)).toEqual(before);
  });

  it('a payment the payments service refuses to record by itself (far above what is owed) goes to review with the reason, and nothing of it is recorded', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '50.00');
    const paidBefore = tableCounts(app);
    const result = await importFile({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '9000.00', qrr: inv.reference!, bankReference: 'TX-FAR-ABOVE' }] }] });
    expect(result).toMatchObject({ newLines: 1, recorded: 0, toReview: 1 });
    const [line] = (await lines({ status: 'to_review' })).rows;
    expect(line).toMatchObject({ amount: '9000.00', status: 'to_review', reviewCode: 'not_recorded', reviewReason: expect.stringContaining('could not be recorded'), allocations: [] });
    const order = await orderOf(app, inv.orderId);
    expect(order.order).toMatchObject({ balance: '50.00' });
    expect(order.payments).toEqual([]);
    expect(tableCounts(app)).toMatchObject({ payments: paidBefore.payments });
    const audit = app.db.prepare("SELECT action FROM audit_log WHERE entity = 'bank_line' AND entity_id = ?").all(line.id);
    expect(audit).toEqual([{ action: 'to_review' }]);
  });

  it('Settings takes a QR-IBAN beside the IBAN; the QR-bill carries the QR-IBAN, How to pay the IBAN', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '10.00');
    const { invoice } = await call(app, 'invoices.get', { id: inv.invoiceId });
    expect(invoice.document.bankAccount).toMatchObject({ iban: CHF_IBAN, qrIban: CHF_QR_IBAN });
    expect(invoice.document.qrBill).toMatchObject({ account: CHF_QR_IBAN, referenceType: 'QRR' });
    const swapped = await refused('settings.set', { bankAccounts: [{ currency: 'CHF', holder: 'IOM', iban: CHF_QR_IBAN, qrIban: CHF_QR_IBAN, bic: 'UBSWCHZH80A', bankName: '' }] });
    expect(swapped).toMatchObject({ field: 'bankAccounts.0.iban', message: expect.stringContaining('is a QR-IBAN') });
    const notQr = await refused('settings.set', { bankAccounts: [{ currency: 'CHF', holder: 'IOM', iban: CHF_IBAN, qrIban: EUR_IBAN, bic: 'UBSWCHZH80A', bankName: '' }] });
    expect(notQr).toMatchObject({ field: 'bankAccounts.0.qrIban', message: expect.stringContaining('is not a QR-IBAN') });
  });
});

describe('bank statements: other files are refused, saying what they are', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['camt.052', '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt/></Document>', /camt\.052 file \(an intraday account report/],
    ['pain.001', '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>', /pain\.001 file \(payment orders/],
    ['camt.053 of a version not read', '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.13"><BkToCstmrStmt/></Document>', /camt\.053 file is version 001\.13/],
    ['MT940', ':20:STARTUMS\r\n:25:CH9300762011623852957\r\n:28C:1\r\n:60F:C261110CHF1000,00\r\n:61:2611101110C40,00NTRFNONREF\r\n', /MT940 statement/],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), /PDF document/],
    ['other XML', '<?xml version="1.0"?><invoice><total>10</total></invoice>', /XML of another kind \(its root element is <invoice>/],
  ];
  for (const [what, content, message] of cases) {
    it(`refuses ${what}`, async () => {
      app = await openBankApp();
      const before = tableCounts(app);
      const error = await refused('bank.import', { fileName: 'file', contentBase64: Buffer.from(content).toString('base64') });
      expect(error).toMatchObject({ code: 'invalid_input', field: 'contentBase64', message: expect.stringMatching(message) });
      expect(error.message).toContain('Order Desk reads camt.053 account statements and camt.054');
      expect(tableCounts(app)).toEqual(before);
    });
  }

  it('reads version 001.02 too', async () => {
    app = await openBankApp();
    const inv = await issueInvoice(app, '25.00');
    const result = await importFile({ kind: '053', version: '02', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '23.00', qrr: inv.reference!, charges: '2.00', bankReference: 'OLD-1', payer: { name: 'Old Bank Customer' } }] }] });
    expect(result).toMatchObject({ newLines: 1, recorded: 1, statement: { version: '001.02' } });
    expect((await orderOf(app, inv.orderId)).account).toMatchObject({ paid: '23.00', writtenOff: '2.00', balance: '0.00' });
  });
});
