import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNativeBinding } from '../../db/backup/runtime';
import { openStatementInWorker } from '../../db/bank/worker-client';
import type { StageOrder } from '../../db/bank/worker-protocol';
import type { BankAccount } from '../../shared/documents/invoice-document';
import { call, type TestApp } from '../support/test-db';
import { camtBase64 } from '../support/camt-files';
import { CHF_QR_IBAN, issueInvoice, openBankApp } from '../support/bank-fixtures';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a backup restored while a bank statement is being imported', () => {
  it('stops the import at the next stage, saying so, instead of going on in the file the restored one replaced', async () => {
    app = await openBankApp();
    const invoices = [await issueInvoice(app, '40.00'), await issueInvoice(app, '50.00')];
    const contentBase64 = camtBase64({
      kind: '054',
      version: '08',
      iban: CHF_QR_IBAN,
      currency: 'CHF',
      entries: [{ bookedOn: '2026-11-10', txs: invoices.map((invoice, i) => ({ amount: invoice.total, qrr: invoice.reference!, bankReference: `RESTORED-${i}` })) }],
    });
    // The backup: this database as it is now, put in its place as a restore does (a rename).
    const backup = path.join(path.dirname(app.file), 'backup.db');
    app.db.exec(`VACUUM INTO '${backup.replaceAll("'", "''")}'`);
    const file = path.resolve(app.file);
    const { settings } = await call<{ settings: { bankAccounts: BankAccount[] } }>(app, 'settings.get', {});
    const statement = await openStatementInWorker(contentBase64, 'restored.xml', settings.bankAccounts, { file, nativeBinding: backupNativeBinding() });
    try {
      // One line per stage.
      const order: StageOrder = { file, nativeBinding: backupNativeBinding(), actor: 'test-clerk', at: '2026-11-20T10:00:00.000Z', budgetMs: 0 };
      expect(await statement.stage(order)).toMatchObject({ done: 1, lines: 2 });
      fs.renameSync(backup, file);
      await expect(statement.stage(order)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('restored from a backup') });
    } finally {
      statement.close();
    }
  });
});
