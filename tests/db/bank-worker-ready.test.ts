import { afterEach, describe, expect, it } from 'vitest';
import { keepBankWorkerReady, waitingBankWorker } from '../../db/bank/waiting-workers';
import { call, type TestApp } from '../support/test-db';
import { camtBase64 } from '../support/camt-files';
import { CHF_QR_IBAN, issueInvoice, openBankApp, orderOf } from '../support/bank-fixtures';

let app: TestApp;
afterEach(() => app?.close());

async function payByQrReference(reference: string, amount: string, bankReference: string) {
  const contentBase64 = camtBase64({ kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount, qrr: reference, bankReference }] }] });
  return call(app, 'bank.import', { fileName: `${bankReference}.xml`, contentBase64 });
}

describe('the bank statement worker started before the file comes', () => {
  it('reads the next file, and the import leaves another one started for the file after', async () => {
    app = await openBankApp();
    const invoice = await issueInvoice(app, '40.00');
    keepBankWorkerReady();
    const started = await waitingBankWorker();
    expect(started).not.toBeNull();

    expect(await payByQrReference(invoice.reference!, '40.00', 'READY-1')).toMatchObject({ newLines: 1, recorded: 1 });
    const next = await waitingBankWorker();
    expect(next).not.toBeNull();
    expect(next!.threadId).not.toBe(started!.threadId);
    expect((await orderOf(app, invoice.orderId)).order).toMatchObject({ paymentStatus: 'paid' });
  });

  it('is not handed a file once it has stopped: the import starts a worker of its own', async () => {
    app = await openBankApp();
    const invoice = await issueInvoice(app, '25.50');
    keepBankWorkerReady();
    const started = await waitingBankWorker();
    await started!.terminate();
    expect(await waitingBankWorker()).toBeNull();

    expect(await payByQrReference(invoice.reference!, '25.50', 'READY-2')).toMatchObject({ newLines: 1, recorded: 1 });
    expect((await orderOf(app, invoice.orderId)).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
  });
});
