/**
 * bank.import: a camt.053 or camt.054 file read in a worker (db/bank/), its account checked
 * against Settings, then its lines stored, matched and, where certain, recorded as payments.
 *
 * All of it runs in the bank worker, on a connection of its own, in stages of up to
 * STAGE_BUDGET_MS of work, each one transaction (import-stage.ts). While a stage holds the write
 * lock the app's own writes wait for it without blocking (db/write-gate.ts), and between two
 * stages they go in: a 10,000-line statement neither freezes the window nor keeps a clerk's save
 * waiting more than a moment. A hostile or unreadable file is refused by the worker before any write.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { BankImportInput, BankImportResult, BankStatement } from '../../../shared/contract/bank';
import { backupNativeBinding } from '../../backup/runtime';
import { openStatementInWorker, StatementUnreadable } from '../../bank/worker-client';
import type { StagedWriteContext } from '../../context';
import { DomainError } from '../../../shared/api/errors';
import { holdingWriteLock } from '../../write-gate';
import { getSettings } from '../settings';
import { NO_COUNTS, stoppedAfter, type ImportCounts } from './import-stage';
import type { IssuedInvoice } from './match';
import { readAheadInvoices } from './read-ahead';
import { statementById } from './read';

/**
 * Work per stage. Between stages the app's queued writes run; within one, a clerk's save waits
 * (without freezing anything), and another Order Desk process's write waits in its busy timeout.
 */
export const STAGE_BUDGET_MS = 200;

export async function importStatement(ctx: StagedWriteContext, input: z.output<typeof BankImportInput>): Promise<BankImportResult> {
  if (ctx.db.memory) throw new Error('Order Desk: a bank statement is imported by a worker on its own connection, so it needs a database file.');
  const database = { file: path.resolve(ctx.db.name), nativeBinding: backupNativeBinding() };
  let statement;
  try {
    statement = await openStatementInWorker(input.contentBase64, input.fileName, getSettings(ctx).settings.bankAccounts, database);
  } catch (error) {
    if (error instanceof StatementUnreadable) throw new DomainError('invalid_input', error.message, 'contentBase64');
    throw error;
  }
  const importOver = new AbortController();
  try {
    let statementId = 0;
    let done = 0;
    let totals: ImportCounts = { ...NO_COUNTS };
    let imported: BankStatement | null = null;
    // Read meanwhile on this thread, handed over with the first stage after (read-ahead.ts); the import never waits for it.
    let readAhead: IssuedInvoice[] | null = null;
    void readAheadInvoices(ctx, statement.invoiceNumbers, importOver.signal).then(
      (found) => void (readAhead = found),
      // Only a shortcut: without it the worker reads each invoice itself.
      () => undefined,
    );
    do {
      const knownInvoices = readAhead;
      readAhead = null;
      try {
        const step = await holdingWriteLock(ctx, () =>
          statement.stage({
            ...database,
            actor: ctx.actor,
            at: ctx.now().toISOString(),
            budgetMs: STAGE_BUDGET_MS,
            ...(knownInvoices ? { knownInvoices } : {}),
          }),
        );
        ({ statementId, done, counts: totals, statement: imported } = step);
      } catch (error) {
        // `done` counts the lines of the stages committed before this one.
        if (done === 0) throw error;
        throw stoppedAfter(done, statement.lines, error);
      }
    } while (done < statement.lines || statementId === 0);
    // The worker reads it after its last stage, on the connection that wrote it; read here only if it could not.
    return { statement: imported ?? statementById(ctx, statementId), ...totals };
  } finally {
    importOver.abort();
    statement.close();
  }
}
