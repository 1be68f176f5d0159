import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../db/seed/demo-data';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { openBankApp } from '../support/bank-fixtures';

let app: TestApp;
afterEach(() => app?.close());

describe('the demo database’s sample bank statement', () => {
  it('is a camt.054 for open invoices: importing it records the referenced payments, leaves the unexplained one for review, and a second import records nothing', async () => {
    app = openTestApp(undefined, () => new Date('2026-11-30T09:00:00Z'));
    generateDemoData(app.db, { orders: 600, seed: 3 });
    const sample = await call(app, 'bank.sampleFile', {});
    expect(sample).toMatchObject({ fileName: 'camt054-sample-2026-11-30.xml', payments: expect.any(Number) });
    expect(Buffer.from(sample.contentBase64, 'base64').toString('utf8')).toContain('urn:iso:std:iso:20022:tech:xsd:camt.054.001.08');
    const owingBefore = (await call(app, 'orders.list', { paymentStatus: 'paid', limit: 1 })).total;

    const result = await call(app, 'bank.import', { fileName: sample.fileName, contentBase64: sample.contentBase64 });
    expect(result.newLines).toBe(sample.payments);
    expect(result.recorded).toBe(sample.payments - 1);
    expect(result.toReview).toBe(1);
    const [review] = (await call(app, 'bank.lines', { status: 'to_review' })).rows;
    expect(review).toMatchObject({ amount: '50.00', counterparty: { name: 'A Friend of the Library' }, reviewCode: 'no_reference' });
    expect((await call(app, 'orders.list', { paymentStatus: 'paid', limit: 1 })).total).toBe(owingBefore + sample.payments - 1);

    const again = await call(app, 'bank.import', { fileName: sample.fileName, contentBase64: sample.contentBase64 });
    expect(again).toMatchObject({ newLines: 0, knownLines: sample.payments, recorded: 0 });
  }, 120_000);

  it('is refused outside a demo database: in real books it would record payments nobody made', async () => {
    app = await openBankApp();
    const result = await app.invoke('bank.sampleFile', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('only for demo databases') } });
  });
});
