/**
 * Where this process's writes wait their turn while a long write of the same process holds the
 * database's write lock on another connection (an import's rows, written by the import worker),
 * or holds it on this connection across awaits (an invoice rendered under the lock, issue.ts).
 *
 * SQLite lets one connection write at a time. A write that finds the lock taken waits for it in
 * better-sqlite3's busy timeout, which blocks the thread it runs on: on the main thread that
 * would stop every request, reads too, for as long as the long write takes. So while one holds
 * the lock, the main thread's writes are queued here and run, in the order they came, once it
 * is done; reads go on meanwhile (WAL). A write that comes while nothing is queued runs at once,
 * synchronously, exactly as before. Writers in other processes still wait in the busy timeout
 * (db/connection.ts): that blocks them, not this process.
 *
 * Kept per context, like the one backup at a time (db/backup/busy.ts): a restore swaps ctx.db.
 */
import type { ServiceContext } from './context';

interface Gate {
  /** Writes waiting or running behind a long write, the long write included. */
  queued: number;
  /** Settles when the last of them is done. */
  tail: Promise<unknown>;
  /** True while a long write holds the lock. */
  holding: boolean;
}

const gates = new WeakMap<ServiceContext, Gate>();

function gateOf(ctx: ServiceContext): Gate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = { queued: 0, tail: Promise.resolve(), holding: false };
    gates.set(ctx, gate);
  }
  return gate;
}

function enqueue<T>(gate: Gate, work: () => T | Promise<T>): Promise<T> {
  gate.queued++;
  const result = gate.tail.then(work);
  const done = () => void gate.queued--;
  gate.tail = result.then(done, done);
  return result;
}

/**
 * Runs a write of the main thread's connection: at once when no long write holds the lock or
 * waits for it, otherwise after it (and after the writes queued before this one).
 */
export function afterLongWrites<T>(ctx: ServiceContext, write: () => T): T | Promise<T> {
  const gate = gates.get(ctx);
  if (!gate || gate.queued === 0) return write();
  return enqueue(gate, write);
}

/**
 * Runs `write`, which takes the write lock on a connection of its own (in a worker), or on the
 * main thread's connection and keeps it across awaits (ctx.transactLockFirst), once the writes
 * queued before it are done; the main thread's writes that come meanwhile wait for it to settle
 * instead of blocking in the busy timeout, or opening a transaction inside its own.
 */
export function holdingWriteLock<T>(ctx: ServiceContext, write: () => Promise<T>): Promise<T> {
  const gate = gateOf(ctx);
  return enqueue(gate, async () => {
    gate.holding = true;
    try {
      return await write();
    } finally {
      gate.holding = false;
    }
  });
}

/** True while a long write holds the write lock (what the app's writes are waiting for). */
export function longWriteUnderway(ctx: ServiceContext): boolean {
  return gates.get(ctx)?.holding ?? false;
}
