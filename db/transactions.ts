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
 * A function that must run inside its caller's transaction (audit records, ledger and status
 * sync, numbering, search index) takes a WriteContext, so the compiler checks it. Transactions
 * never nest: a write helper never opens one of its own.
 */
import type { ServiceContext, WriteContext } from './context';

/** One BEGIN IMMEDIATE transaction around `work`: committed when it returns, rolled back when it throws. */
export function inWriteTransaction<T>(ctx: ServiceContext, work: (ctx: WriteContext) => T): T {
  if (ctx.db.inTransaction) {
    // Nested, it would be a savepoint of a transaction that may not hold the write lock: a design error, not a user's.
    throw new Error('Order Desk: a write transaction was opened inside another transaction.');
  }
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
