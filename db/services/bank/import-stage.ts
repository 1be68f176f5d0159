/**
 * One stage of a bank statement's import, in one BEGIN IMMEDIATE transaction on the bank
 * worker's own connection (db/bank/bank-worker.ts): the first stage stores the file and the
 * statement, each stage then stores, matches and where certain records the next lines until its
 * time budget is spent. Each line is stored with the payments made from it; a line is never
 * stored twice (its identity is checked under the lock), so a file whose import stopped half-way
 * is completed by importing it again.
 */
import { DomainError } from '../../../shared/api/errors';
import { today, type ServiceContext, type WriteContext } from '../../context';
import type { CamtFile } from '../../bank/camt-model';
import { statement } from '../../statements';
import { inWriteTransaction } from '../../transactions';
import { audit } from '../audit';
import { getSettings } from '../settings';
import { decide, decideOptions, type DecideOptions, type IssuedInvoice } from './match';
import { checkAccounts, type PreparedFile, type PreparedLine } from './prepare';
import { bankFeeReason, feesWrittenOffWithTransfer, recordFromLine, type RecordRequest } from './record';
import {
  addToStatementCounts,
  completeBankReference,
  insertLine,
  insertStatement,
  knownLine,
  linesOfEntry,
  linkedMovements,
  markForReview,
  markSetAside,
  markSuperseded,
  newLineRow,
} from './store';

export interface ImportCounts {
  newLines: number;
  knownLines: number;
  recorded: number;
  toReview: number;
}

export const NO_COUNTS: ImportCounts = { newLines: 0, knownLines: 0, recorded: 0, toReview: 0 };

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return { newLines: a.newLines + b.newLines, knownLines: a.knownLines + b.knownLines, recorded: a.recorded + b.recorded, toReview: a.toReview + b.toReview };
}

/** The file being imported, as read and prepared in the worker, and what its stages have done so far. */
export interface ImportRun {
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  file: CamtFile;
  prepared: PreparedFile;
  statementId: number;
  /** Lines done by the stages committed so far. */
  done: number;
  totals: ImportCounts;
  /** Batch entries already looked at in this run (settleBatchBefore): the answer stays the same for the entry's other lines. */
  entriesSettled: Map<string, 'import' | 'set_aside'>;
  /** Invoices the lines' references name, read ahead by the app while the first stages ran (empty until then). */
  knownInvoices: Map<string, IssuedInvoice>;
}

type Counts = ImportCounts;

/** A file read and prepared, before its first stage. */
export function newImportRun(read: Pick<ImportRun, 'fileName' | 'sha256' | 'bytes' | 'file' | 'prepared'>): ImportRun {
  return { ...read, statementId: 0, done: 0, totals: { ...NO_COUNTS }, entriesSettled: new Map(), knownInvoices: new Map() };
}

/** The next stage, in a transaction of its own; `run` is brought up to date once it committed. */
export function runStage(ctx: ServiceContext, run: ImportRun, budgetMs: number): void {
  const step = inWriteTransaction(ctx, (w) => importStage(w, run, budgetMs));
  run.statementId = step.statementId;
  run.done = step.next;
  run.totals = addCounts(run.totals, step.counts);
}

/**
 * Runs `work`, which a refusal of the payments service may stop. recordPaymentEntry refuses before
 * it writes (its checks come first), so nothing of the payment is then written and the line can go
 * to review, without a savepoint: one copied every page a payment touches, some 25 µs a payment.
 * A refusal that came after a write would be no refusal to send to review: it stops the stage,
 * whose transaction rolls back everything in it, and the import says so.
 */
export function refusedBeforeWriting<T>(ctx: WriteContext, work: () => T): T {
  const changes = statement(ctx, 'SELECT total_changes()').pluck();
  const before = changes.get() as number;
  try {
    return work();
  } catch (error) {
    if (error instanceof DomainError && changes.get() !== before) {
      throw new Error(`Order Desk: a payment was refused after it was partly written (${error.message}); nothing of this stage was kept.`, { cause: error });
    }
    throw error;
  }
}

/** Runs `work` so that a refusal of the payments services undoes only what it wrote. */
function inSavepoint<T>(ctx: WriteContext, work: () => T): T {
  // Prepared once, not parsed again for each of thousands of lines (exec would).
  statement(ctx, 'SAVEPOINT bank_line').run();
  try {
    const result = work();
    statement(ctx, 'RELEASE bank_line').run();
    return result;
  } catch (error) {
    statement(ctx, 'ROLLBACK TO bank_line').run();
    statement(ctx, 'RELEASE bank_line').run();
    throw error;
  }
}

/**
 * settleBatchBefore once per entry of this file: its first line finds what the entry's earlier
 * lines are; the lines stored since are the entry's own details, which change nothing of it.
 */
function settledEntry(ctx: WriteContext, run: ImportRun, line: PreparedLine): 'import' | 'set_aside' {
  const key = `${line.account} ${line.tx.entryReference}`;
  let answer = run.entriesSettled.get(key);
  if (answer === undefined) run.entriesSettled.set(key, (answer = settleBatchBefore(ctx, line, run.fileName)));
  return answer;
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

function importLine(ctx: WriteContext, run: ImportRun, line: PreparedLine, options: DecideOptions, counts: Counts): void {
  const { statementId } = run;
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
  } else if (line.tx.entryReference !== '' && !line.tx.soleInEntry && settledEntry(ctx, run, line) === 'set_aside') {
    const { id } = insertLine(ctx, newLineRow(ctx, statementId, line));
    markSetAside(ctx, id, 'Already handled as one batch line, before this file detailed it.');
    counts.newLines++;
    return;
  }
  const fresh = newLineRow(ctx, statementId, line);
  counts.newLines++;
  const decision = decide(ctx, fresh, options);
  if (decision.kind === 'review') {
    // Stored with its reason at once: most lines of a statement that go to review do so here.
    const { id } = insertLine(ctx, { ...fresh, review_code: decision.code, review_reason: decision.reason.slice(0, 500) });
    audit(ctx, 'bank_line', id, 'to_review', null, { code: decision.code, reason: decision.reason });
    counts.toReview++;
    return;
  }
  // Stored as recorded, as the payment below makes it; if the payments service refuses, it goes to review instead.
  const row = insertLine(ctx, { ...fresh, status: 'recorded', recorded_how: 'automatic', resolved_by: ctx.actor, resolved_at: fresh.created_at });
  const { id } = row;
  const { target, invoiceNumber } = decision;
  const request: RecordRequest = {
    allocations: [{ orderId: target.orderId, amountMinor: decision.paymentMinor }],
    writeOff: decision.writeOffMinor > 0 ? { orderId: target.orderId, amountMinor: decision.writeOffMinor, reason: bankFeeReason(row, invoiceNumber) } : undefined,
    receivedOn: row.booked_on,
    how: 'automatic',
    why: target.how,
    reference: invoiceNumber,
    fileName: run.fileName,
    order: decision.order,
  };
  // A plain write-off (not the fees of the transfer) is a movement of its own, checked after the payment is written.
  const plainWriteOff = request.writeOff !== undefined && feesWrittenOffWithTransfer(row, request) === null;
  try {
    (plainWriteOff ? inSavepoint : refusedBeforeWriting)(ctx, () => recordFromLine(ctx, row, request));
    counts.recorded++;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const reason = `${target.how}, but it could not be recorded: ${error.message}`;
    markForReview(ctx, id, 'not_recorded', reason);
    audit(ctx, 'bank_line', id, 'to_review', null, { code: 'not_recorded', reason });
    counts.toReview++;
  }
}

/**
 * One stage: the lines from `run.done` on, until `budgetMs` of work is spent (at least one line).
 * Answers where the next stage starts and what this one did; `run` is brought up to date only
 * by the caller once the transaction committed.
 */
export function importStage(ctx: WriteContext, run: ImportRun, budgetMs: number): { statementId: number; next: number; counts: Counts } {
  const deadline = performance.now() + budgetMs;
  let statementId = run.statementId;
  if (statementId === 0) {
    // Settings may have changed while the file was read: checked again under the lock.
    checkAccounts(run.file, getSettings(ctx).settings.bankAccounts);
    statementId = insertStatement(ctx, run.fileName, run.sha256, run.bytes, run.file, run.prepared);
  }
  const lines = run.prepared.lines;
  const options = decideOptions(ctx, today(ctx), run.knownInvoices);
  const counts: Counts = { ...NO_COUNTS };
  const current = { ...run, statementId };
  let next = run.done;
  while (next < lines.length && (next === run.done || performance.now() < deadline)) importLine(ctx, current, lines[next++]!, options, counts);
  addToStatementCounts(ctx, statementId, counts);
  return { statementId, next, counts };
}

/** The import's audit record, once every line is in: its own last transaction (see bank-worker.ts). */
export function finishImport(ctx: WriteContext, run: ImportRun): void {
  const { file } = run;
  audit(ctx, 'bank_statement', run.statementId, 'import', null, { fileName: run.fileName, sha256: run.sha256, kind: file.kind, version: file.version, lines: run.prepared.lines.length, ...run.totals });
}

/** The refusal of a stage after others committed: what is in, and how to bring in the rest. */
export function stoppedAfter(done: number, lineCount: number, error: unknown): DomainError {
  const why = error instanceof DomainError ? error.message : 'Order Desk failed while storing them';
  return new DomainError('conflict', `The import stopped after ${done} of ${lineCount} lines (${why}). Import the same file again to bring in the rest: lines already brought in are recognised and not counted twice.`, 'contentBase64');
}
