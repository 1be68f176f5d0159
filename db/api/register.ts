/**
 * Registering a contract method's service as a read, a write or a staged write: the kind decides
 * the transaction and the context the service gets. Why and how: db/transactions.ts.
 */
import type { AppContext, ServiceContext, StagedWriteContext, WriteContext } from '../context';
import { inWriteTransaction } from '../transactions';
import { afterLongWrites } from '../write-gate';

export type HandlerKind = 'read' | 'write' | 'stagedWrite';

export interface Registered<I, O> {
  readonly kind: HandlerKind;
  run(ctx: AppContext, input: I): O | Promise<O>;
}

/** A write cannot return a promise: its transaction would end at the await. Such a write is a stagedWrite. */
type Synchronous<O> = [O] extends [never] ? unknown : [O] extends [PromiseLike<unknown>] ? 'a write handler must be synchronous: register it with stagedWrite' : unknown;

/** Runs outside any transaction, with a context that cannot write. */
export function read<I, O>(fn: (ctx: ServiceContext, input: I) => O | Promise<O>): Registered<I, O> {
  return { kind: 'read', run: (ctx, input) => fn(ctx, input) };
}

/**
 * Runs in one BEGIN IMMEDIATE transaction: all of it is stored, or nothing. At once, or, while an
 * import of this process writes its rows, after it (db/write-gate.ts).
 */
export function write<I, O>(fn: ((ctx: WriteContext, input: I) => O) & Synchronous<O>): Registered<I, O> {
  return { kind: 'write', run: (ctx, input) => afterLongWrites(ctx, () => inWriteTransaction(ctx, (w) => fn(w, input))) };
}

/** Awaits outside any transaction and stores in `ctx.transact`, one BEGIN IMMEDIATE transaction. */
export function stagedWrite<I, O>(fn: (ctx: StagedWriteContext, input: I) => Promise<O>): Registered<I, O> {
  return { kind: 'stagedWrite', run: (ctx, input) => fn(ctx, input) };
}
