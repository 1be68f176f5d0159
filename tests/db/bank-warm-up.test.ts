import { afterEach, describe, expect, it } from 'vitest';
import { warmUpImport } from '../../db/bank/warm-up';
import { warmUpReading } from '../../db/bank/warm-up-reading';
import { bankWorkerWarmedUp, keepBankWorkerReady, waitingBankWorker, warmUpWaitingBankWorkers } from '../../db/bank/waiting-workers';
import { call, type TestApp } from '../support/test-db';
import { camtBase64 } from '../support/camt-files';
import { CHF_QR_IBAN, issueInvoice, openBankApp, orderOf } from '../support/bank-fixtures';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  // Back to the default of tests: workers that wait without warming up.
  warmUpWaitingBankWorkers(false);
});

/** A worker that starts warming up now, as the app's at its start (none left from a test before). */
async function freshWarmingWorker() {
  await (await waitingBankWorker())?.terminate();
  warmUpWaitingBankWorkers(true);
  keepBankWorkerReady();
  const worker = await waitingBankWorker();
  expect(worker).not.toBeNull();
  return worker!;
}

function orderCount(): number {
  return (app!.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
}

async function payByQrReference(reference: string, amount: string, bankReference: string) {
  const contentBase64 = camtBase64({ kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount, qrr: reference, bankReference }] }] });
  return call(app!, 'bank.import', { fileName: `${bankReference}.xml`, contentBase64 });
}

describe('the bank worker warming up while it waits for a file', () => {
  it('records every payment of its own statement, in books of its own', async () => {
    // Were it to send its payments to review, it would not warm up the code that records them.
    expect(await warmUpImport(() => false)).toEqual({ lines: 300, recorded: 300 });
  });

  it('stops at the first slice after it is told to', async () => {
    let asked = 0;
    expect(await warmUpImport(() => ++asked > 3)).toBeNull();
    expect(asked).toBe(4);
  });

  it('reading: reads its own statements to the end, each payment a line, and stops at the first slice after it is told to', async () => {
    // Were its statement refused, it would warm up the refusal, not the reader.
    expect(await warmUpReading(() => false)).toBe(5000);
    let asked = 0;
    expect(await warmUpReading(() => ++asked > 3)).toBeNull();
    expect(asked).toBe(4);
  });

  it('reports once warmed up, and the import after it writes only the clerk’s statement', async () => {
    app = await openBankApp();
    const invoice = await issueInvoice(app, '40.00');
    const orders = orderCount();
    await freshWarmingWorker();
    expect(await bankWorkerWarmedUp()).toEqual({ kind: 'warmed', recorded: 300 });

    expect(await payByQrReference(invoice.reference!, '40.00', 'WARM-1')).toMatchObject({ newLines: 1, recorded: 1, toReview: 0 });
    expect((await orderOf(app, invoice.orderId)).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
    expect(orderCount()).toBe(orders);
    // The next worker warms up too: the app asked once, at its start.
    expect(await bankWorkerWarmedUp()).toEqual({ kind: 'warmed', recorded: 300 });
  });

  it('gives way to a file that comes while it warms up', async () => {
    app = await openBankApp();
    const invoice = await issueInvoice(app, '25.50');
    const orders = orderCount();
    const warming = await freshWarmingWorker();

    // Handed the file at once: its warm-up has barely begun, and stops.
    expect(await payByQrReference(invoice.reference!, '25.50', 'WARM-2')).toMatchObject({ newLines: 1, recorded: 1 });
    expect((await orderOf(app, invoice.orderId)).order).toMatchObject({ paymentStatus: 'paid', balance: '0.00' });
    expect(orderCount()).toBe(orders);
    expect((await waitingBankWorker())!.threadId).not.toBe(warming.threadId);
  });
});
