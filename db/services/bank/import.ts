/**
 * bank.import: a camt.053 or camt.054 file read in a worker (db/bank/), its account checked
 * against Settings, then its lines stored, matched and, where certain, recorded as payments.
 *
 * A staged write: the worker is awaited outside any transaction; the lines are then stored in
 * BEGIN IMMEDIATE transactions of about TRANSACTION_BUDGET_MS of work each (a day's file is one
 * or a few), yielding to the event loop between them, so a 10,000-line statement never holds
 * the main thread (the window, browser mode's API) for long. Each line is stored with the
 * payments made from it in one transaction; a line is never stored twice (its identity is
 * checked under the lock), so a file whose import stopped half-way is completed by importing it
 * again. A hostile or unreadable file is refused by the worker before any write.
 */
import { DomainError } from '../../../shared/api/errors';
import type { BankImportInput, BankImportResult } from '../../../shared/contract/bank';
import type { z } from 'zod';
import { today, type StagedWriteContext, type WriteContext } from '../../context';
import { readStatementInWorker, StatementUnreadable, type WorkerReply } from '../../bank/worker-client';
import { audit } from '../audit';
import { getSettings } from '../settings';
import { decide, decideOptions, type DecideOptions } from './match';
import { checkAccounts, prepareFile, type PreparedLine } from './prepare';
import { bankFeeReason, recordFromLine } from './record';
import { statementById } from './read';
import {
  addToStatementCounts,
  bankLineRow,
  completeBankReference,
  insertLine,
  insertStatement,
  knownLine,
  linesOfEntry,
  linkedMovements,
  markForReview,
  markSetAside,
  markSuperseded,
} from './store';

/** Work per transaction before the main thread is given back (the app's target for a stall is 50 ms). */
export const TRANSACTION_BUDGET_MS = 25;

interface Counts {
  newLines: number;
  knownLines: number;
  recorded: number;
  toReview: number;
}

async function readFile(contentBase64: string): Promise<WorkerReply & { result: { ok: true } }> {
  let reply: WorkerReply;
  try {
    reply = await readStatementInWorker(contentBase64);
  } catch (error) {
    if (error instanceof StatementUnreadable) throw new DomainError('invalid_input', error.message, 'contentBase64');
    throw error;
  }
  if (!reply.result.ok) throw new DomainError('invalid_input', reply.result.message, 'contentBase64');
  return reply as WorkerReply & { result: { ok: true } };
}

/** Runs `work` so that a refusal of the payments services undoes only what it wrote. */
function inSavepoint<T>(ctx: WriteContext, work: () => T): T {
  ctx.db.exec('SAVEPOINT bank_line');
  try {
    const result = work();
    ctx.db.exec('RELEASE bank_line');
    return result;
  } catch (error) {
    ctx.db.exec('ROLLBACK TO bank_line');
    ctx.db.exec('RELEASE bank_line');
    throw error;
  }
}

/** A batch booking that came without details, then its details: the details count, the batch line is set aside. */
function settleBatchBefore(ctx: WriteContext, line: PreparedLine, fileName: string): 'import' | 'set_aside' {
  const batchLines = linesOfEntry(ctx, line.account, line.tx.entryReference).filter((l) => l.undetailed_batch !== null);
  let handled = false;
  for (const batch of batchLines) {
    if (batch.superseded) continue;
    if (batch.status === 'to_review' && linkedMovements(ctx, batch.id).length === 0) {
      markSuperseded(ctx, batch.id, `Its ${batch.undetailed_batch} payments came one by one with ${fileName}.`);
      audit(ctx, 'bank_line', batch.id, 'set_aside', { status: 'to_review' }, { status: 'set_aside', reason: 'detailed by a later file', fileName });
    } else {
      handled = true;
    }
  }
  return handled ? 'set_aside' : 'import';
}

function importLine(ctx: WriteContext, statementId: number, fileName: string, line: PreparedLine, options: DecideOptions, counts: Counts): void {
  const known = knownLine(ctx, line);
  if (known !== null) {
    completeBankReference(ctx, known, line.bankReference);
    counts.knownLines++;
    return;
  }
  if (line.tx.undetailedBatch !== null) {
    // Its transactions came earlier, one by one (a camt.054 before the camt.053).
    if (linesOfEntry(ctx, line.account, line.tx.entryReference).some((l) => l.undetailed_batch === null)) {
      counts.knownLines++;
      return;
    }
  } else if (line.tx.entryReference !== '' && !line.tx.soleInEntry && settleBatchBefore(ctx, line, fileName) === 'set_aside') {
    const id = insertLine(ctx, statementId, line);
    markSetAside(ctx, id, 'Already handled as one batch line, before this file detailed it.');
    counts.newLines++;
    return;
  }
  const id = insertLine(ctx, statementId, line);
  counts.newLines++;
  const row = bankLineRow(ctx, id)!;
  const decision = decide(ctx, row, options);
  if (decision.kind === 'review') {
    markForReview(ctx, id, decision.code, decision.reason);
    audit(ctx, 'bank_line', id, 'to_review', null, { code: decision.code, reason: decision.reason });
    counts.toReview++;
    return;
  }
  const { target, invoiceNumber } = decision;
  try {
    inSavepoint(ctx, () =>
      recordFromLine(ctx, row, {
        allocations: [{ orderId: target.orderId, amountMinor: decision.paymentMinor }],
        writeOff: decision.writeOffMinor > 0 ? { orderId: target.orderId, amountMinor: decision.writeOffMinor, reason: bankFeeReason(row, invoiceNumber) } : undefined,
        receivedOn: row.booked_on,
        how: 'automatic',
        why: target.how,
        reference: invoiceNumber,
      }),
    );
    counts.recorded++;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const reason = `${target.how}, but it could not be recorded: ${error.message}`;
    markForReview(ctx, id, 'not_recorded', reason);
    audit(ctx, 'bank_line', id, 'to_review', null, { code: 'not_recorded', reason });
    counts.toReview++;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importStatement(ctx: StagedWriteContext, input: z.output<typeof BankImportInput>): Promise<BankImportResult> {
  const { result, sha256, bytes } = await readFile(input.contentBase64);
  const file = result.file;
  // Refused before anything is written when the account is not the unit's.
  const prepared = prepareFile(file, getSettings(ctx).settings.bankAccounts);
  const lineCount = prepared.lines.length;
  let statementId = 0;
  const totals: Counts = { newLines: 0, knownLines: 0, recorded: 0, toReview: 0 };
  let done = 0;
  do {
    if (done > 0) await yieldToEventLoop();
    try {
      const step = await ctx.transact((w) => {
        const deadline = performance.now() + TRANSACTION_BUDGET_MS;
        if (statementId === 0) {
          // Settings may have changed while the worker read: checked again under the lock.
          checkAccounts(file, getSettings(w).settings.bankAccounts);
          statementId = insertStatement(w, input.fileName, sha256, bytes, file, prepared);
        }
        const options = decideOptions(w, today(w));
        const counts: Counts = { newLines: 0, knownLines: 0, recorded: 0, toReview: 0 };
        let next = done;
        while (next < lineCount && (next === done || performance.now() < deadline)) importLine(w, statementId, input.fileName, prepared.lines[next++]!, options, counts);
        addToStatementCounts(w, statementId, counts);
        if (next >= lineCount) {
          audit(w, 'bank_statement', statementId, 'import', null, { fileName: input.fileName, sha256, kind: file.kind, version: file.version, lines: prepared.lines.length, ...sum(totals, counts) });
        }
        return { next, counts };
      });
      Object.assign(totals, sum(totals, step.counts));
      done = step.next;
    } catch (error) {
      // `done` counts the lines of the transactions committed before this one.
      if (done === 0) throw error;
      const why = error instanceof DomainError ? error.message : 'Order Desk failed while storing them';
      throw new DomainError('conflict', `The import stopped after ${done} of ${lineCount} lines (${why}). Import the same file again to bring in the rest: lines already brought in are recognised and not counted twice.`, 'contentBase64');
    }
  } while (done < lineCount);
  return { statement: statementById(ctx, statementId), ...totals };
}

function sum(a: Counts, b: Counts): Counts {
  return { newLines: a.newLines + b.newLines, knownLines: a.knownLines + b.knownLines, recorded: a.recorded + b.recorded, toReview: a.toReview + b.toReview };
}
