/**
 * How Order Desk reads and writes the database: the one place that decides it.
 *
 * Every contract method is registered in db/api/handlers.ts (and the maps spread into it) as
 * one of three kinds (db/api/register.ts):
 *
 * - `read(fn)`: runs outside any transaction and gets a ServiceContext, which cannot reach a
 *   write helper (those take a WriteContext) and whose `statement()`s have no `run`. A read
 *   that needs every query to see the same rows wraps them in `consistentRead`.
 * - `write(fn)`: synchronous; runs in one BEGIN IMMEDIATE transaction and gets a WriteContext.
 *   The write lock is taken first, so reading "the last number" and inserting the next one
 *   cannot interleave with another process; one waiting for the lock waits up to the busy
 *   timeout (db/connection.ts) instead of failing. Anything thrown rolls everything back.
 * - `stagedWrite(fn)`: a write that must await something (invoices.issue renders its PDF in a
 *   worker, reports.closeMonth renders its files, transfer.commit reads the file, backups.restore
 *   checks the backup in a worker). A better-sqlite3 transaction cannot span an await, so it gets
 *   a StagedWriteContext: it reads and awaits outside any transaction, then calls
 *   `await ctx.transact(fn)` for the synchronous part, which is one BEGIN IMMEDIATE transaction
 *   with a WriteContext. What it read before the await may be stale by then, so `fn` checks again
 *   under the lock (the invoice number is still next, the document unchanged) and starts over
 *   or refuses otherwise.
 *
 * One write is not on the main thread's connection: an import's rows, written by the import
 * worker on its own (db/transfer/write-import.ts). While it holds the write lock, the main
 * thread's writes and transacts wait for it in db/write-gate.ts without blocking the thread
 * (a write that finds the lock taken would otherwise block in the busy timeout); when nothing
 * waits, they run at once, synchronously.
 *
 * A staged write that keeps losing its optimistic race (invoices.issue, when another desk takes
 * the next number each time while this one renders) calls `ctx.transactLockFirst(prepare, work)`
 * instead: the write lock is taken first, without blocking the thread while another process holds
 * it, and kept while `prepare` reads and awaits, so what it read cannot change before `work` stores
 * it. Meanwhile this process's other writes wait in db/write-gate.ts as behind an import, and other
 * processes' writes in their busy timeout, which is why the hold has a time limit (HOLD_LIMIT_MS).
 *
 * A function that must run inside its caller's transaction (audit records, ledger and status
 * sync, numbering, search index) takes a WriteContext, so the compiler checks it. Transactions
 * never nest: a write helper never opens one of its own.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './connection';
import type { ServiceContext, WriteContext } from './context';

function refuseNested(db: Db): void {
  if (db.inTransaction) {
    // Nested, it would be a savepoint of a transaction that may not hold the write lock: a design error, not a user's.
    throw new Error('Order Desk: a write transaction was opened inside another transaction.');
  }
}

/** One BEGIN IMMEDIATE transaction around `work`: committed when it returns, rolled back when it throws. */
export function inWriteTransaction<T>(ctx: ServiceContext, work: (ctx: WriteContext) => T): T {
  refuseNested(ctx.db);
  // better-sqlite3 refuses a function that returns a promise (and rolls back), so an await cannot slip in.
  return ctx.db.transaction(() => work(ctx as WriteContext)).immediate();
}

/**
 * Runs several reads as one deferred (read-only) transaction, so they all see the same
 * snapshot even while another process writes (a report's sections must add up).
 */
export function consistentRead<T>(ctx: ServiceContext, read: () => T): T {
  if (ctx.db.inTransaction) return read();
  return ctx.db.transaction(read).deferred();
}

/**
 * How long a lock-first transaction may hold the write lock while it prepares: well inside the
 * busy timeout another desk's write waits for it (15 s, db/connection.ts), so that write is only
 * delayed, never refused because of this one.
 */
export const HOLD_LIMIT_MS = 5_000;

/** A lock-first transaction's `prepare` took longer than HOLD_LIMIT_MS: the lock was let go and nothing was written. */
export class HeldTooLong extends Error {
  constructor() {
    super(`Order Desk: preparing a write took longer than ${HOLD_LIMIT_MS} ms while holding the write lock.`);
  }
}

/** The write lock was not free within the busy timeout (db/connection.ts); the transaction never began. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** BEGIN IMMEDIATE if the write lock is free right now; SQLite's SQLITE_BUSY, with no transaction begun, if another connection holds it. */
function beginImmediateIfFree(db: Db, patience: number): Error | null {
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    return null;
  } catch (error) {
    if (!isBusy(error)) throw error;
    return error as Error;
  } finally {
    db.pragma(`busy_timeout = ${patience}`);
  }
}

/**
 * Takes the write lock as BEGIN IMMEDIATE with the busy timeout would, but waits between tries
 * with the event loop free, so this process keeps answering (reads, its window) while another
 * process holds the lock. Gives up after the same busy timeout, with the same SQLITE_BUSY.
 */
async function beginImmediateWithoutBlocking(db: Db): Promise<void> {
  const patience = db.pragma('busy_timeout', { simple: true }) as number;
  const giveUpAt = performance.now() + patience;
  for (let pause = 1; ; pause = Math.min(pause * 2, 16)) {
    const busy = beginImmediateIfFree(db, patience);
    if (!busy) return;
    if (performance.now() + pause > giveUpAt) throw busy;
    await sleep(pause);
  }
}

function withinHoldLimit<P>(pending: Promise<P>): Promise<P> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HeldTooLong()), HOLD_LIMIT_MS)));
  // What it answers after the limit is of no use any more; a late failure must not go unhandled.
  pending.catch(() => undefined);
  return Promise.race([pending, limit]).finally(() => clearTimeout(timer));
}

/**
 * One BEGIN IMMEDIATE transaction that takes the write lock first, keeps it while `prepare`
 * reads and awaits (at most HOLD_LIMIT_MS, or it throws HeldTooLong), then runs `work` in it
 * with what `prepare` answered. Only through `ctx.transactLockFirst` (db/context.ts), which
 * makes this process's other writes wait meanwhile: they share this connection.
 */
export async function inLockFirstTransaction<P, T>(ctx: ServiceContext, prepare: (ctx: ServiceContext) => Promise<P>, work: (ctx: WriteContext, prepared: P) => T): Promise<T> {
  const db = ctx.db;
  refuseNested(db);
  await beginImmediateWithoutBlocking(db);
  try {
    const prepared = await withinHoldLimit(prepare(ctx));
    // SQLite ends a transaction itself on some errors (a full disk): then `work` must not run outside one.
    if (!db.inTransaction) throw new Error('Order Desk: the write transaction ended while the write was being prepared.');
    // A savepoint: a refusal in `work` undoes what `work` wrote, and only that.
    const answer = db.transaction(() => work(ctx as WriteContext, prepared))();
    db.exec('COMMIT');
    return answer;
  } finally {
    // Reads of this process ran in the transaction meanwhile (the connection is shared), and may
    // have filled a TEMP table they rely on: what they did is kept, so the end is a COMMIT.
    if (db.inTransaction) endKeepingReads(db);
  }
}

function endKeepingReads(db: Db): void {
  try {
    db.exec('COMMIT');
  } catch {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}
