/**
 * Registering a contract method's service as a read, a write or a staged write: the kind decides
 * the transaction and the context the service gets. Why and how: db/transactions.ts.
 */
import type { AppContext, ServiceContext, StagedWriteContext, WriteContext } from '../context';
import { inWriteTransaction } from '../transactions';
import { afterLongWrites } from '../write-gate';
import { AnsweredMeanwhile, keepAnswer, keptAnswer, keyedRequest, type KeyedInput } from './idempotency';

export type HandlerKind = 'read' | 'write' | 'stagedWrite';

export interface Registered<I, O> {
  readonly kind: HandlerKind;
  /** `method`: the contract method it was called as (idempotent writes keep their answers under it). */
  run(ctx: AppContext, input: I, method?: string): O | Promise<O>;
}

/** A write cannot return a promise: its transaction would end at the await. Such a write is a stagedWrite. */
type Synchronous<O> = [O] extends [never] ? unknown : [O] extends [PromiseLike<unknown>] ? 'a write handler must be synchronous: register it with stagedWrite' : unknown;

/**
 * `idempotent`: the method takes an `idempotencyKey`, and a call repeating a key answers what the
 * first call answered instead of writing again (db/api/idempotency.ts). Only for inputs with the key.
 */
export type WriteOptions<I> = I extends KeyedInput ? { idempotent?: boolean } : { idempotent?: false };

/** Runs outside any transaction, with a context that cannot write. */
export function read<I, O>(fn: (ctx: ServiceContext, input: I) => O | Promise<O>): Registered<I, O> {
  return { kind: 'read', run: (ctx, input) => fn(ctx, input) };
}

/**
 * Runs in one BEGIN IMMEDIATE transaction: all of it is stored, or nothing. At once, or, while an
 * import of this process writes its rows, after it (db/write-gate.ts).
 */
export function write<I, O>(fn: ((ctx: WriteContext, input: I) => O) & Synchronous<O>, options?: WriteOptions<I>): Registered<I, O> {
  if (!options?.idempotent) return { kind: 'write', run: (ctx, input) => afterLongWrites(ctx, () => inWriteTransaction(ctx, (w) => fn(w, input))) };
  return {
    kind: 'write',
    run: (ctx, input, method = 'unknown') => {
      const request = keyedRequest(method, input);
      return afterLongWrites(ctx, () =>
        inWriteTransaction(ctx, (w) => {
          if (!request) return fn(w, input);
          // Under the write lock: a second call with the key waits for the first and then finds its answer.
          const kept = keptAnswer(w, request);
          if (kept) return kept.value as O;
          const value = fn(w, input);
          keepAnswer(w, request, value);
          return value;
        }),
      );
    },
  };
}

/**
 * Awaits outside any transaction and stores in `ctx.transact`, one BEGIN IMMEDIATE transaction.
 *
 * An idempotent staged write makes its answer inside the transaction that stores it and returns
 * it from `transact`; a `transact` that stores nothing (its check failed and it will start over)
 * returns null. The answer is kept with the key in that same transaction (or `transactLockFirst`'s).
 */
export function stagedWrite<I, O>(fn: (ctx: StagedWriteContext, input: I) => Promise<O>, options?: WriteOptions<I>): Registered<I, O> {
  if (!options?.idempotent) return { kind: 'stagedWrite', run: (ctx, input) => fn(ctx, input) };
  return {
    kind: 'stagedWrite',
    run: async (ctx, input, method = 'unknown') => {
      const request = keyedRequest(method, input);
      if (!request) return fn(ctx, input);
      // Answered before: no PDF is rendered, nothing is read again.
      const before = keptAnswer(ctx, request);
      if (before) return before.value as O;
      let kept: { value: unknown } | null = null;
      const keeping = <T>(w: WriteContext, work: () => T): T => {
        const meanwhile = keptAnswer(w, request);
        if (meanwhile) throw new AnsweredMeanwhile(meanwhile.value);
        const value = work();
        if (value !== null && value !== undefined && kept === null) {
          keepAnswer(w, request, value);
          kept = { value };
        }
        return value;
      };
      const guarded: StagedWriteContext = Object.create(ctx, {
        transact: {
          value: <T>(work: (w: WriteContext) => T): Promise<T> => ctx.transact((w) => keeping(w, () => work(w))),
        },
        transactLockFirst: {
          value: <P, T>(prepare: (r: ServiceContext) => Promise<P>, work: (w: WriteContext, prepared: P) => T): Promise<T> =>
            ctx.transactLockFirst(prepare, (w, prepared) => keeping(w, () => work(w, prepared))),
        },
      }) as StagedWriteContext;
      try {
        const value = await fn(guarded, input);
        if (kept === null || (kept as { value: unknown }).value !== value) {
          throw new Error(`Order Desk: the idempotent ${method} must answer what its storing transaction returned.`);
        }
        return value;
      } catch (error) {
        if (error instanceof AnsweredMeanwhile) return error.value as O;
        throw error;
      }
    },
  };
}
