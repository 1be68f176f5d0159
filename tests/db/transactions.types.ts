/**
 * Compiled by `tsc -p .` (never run): what each kind of handler's context may reach. Every
 * `@ts-expect-error` below must stay an error, or tsc fails because the directive is unused.
 */
import { read, stagedWrite, write } from '../../db/api/register';
import type { ServiceContext, StagedWriteContext } from '../../db/context';
import { audit } from '../../db/services/audit';
import { createOrder } from '../../db/services/orders/write';
import { syncOrderMoney } from '../../db/services/payments/sync';
import { statement } from '../../db/statements';

export const readCannotWrite = read((ctx, input: { id: number }) => {
  // @ts-expect-error a read's context cannot reach a write helper
  audit(ctx, 'order', input.id, 'update', null, null);
  // @ts-expect-error nor a helper that must run in the caller's transaction
  syncOrderMoney(ctx, input.id);
  // @ts-expect-error nor a write service
  createOrder(ctx, {} as Parameters<typeof createOrder>[1]);
  // @ts-expect-error its statements only read
  statement(ctx, 'DELETE FROM orders WHERE id = ?').run(input.id);
  // @ts-expect-error nor can it open a write transaction
  ctx.transact(() => undefined);
  return statement(ctx, 'SELECT count(*) AS n FROM orders').get();
});

export const writeReachesWriteHelpers = write((ctx, input: { id: number }) => {
  audit(ctx, 'order', input.id, 'update', null, null);
  statement(ctx, 'DELETE FROM orders WHERE id = ?').run(input.id);
  return syncOrderMoney(ctx, input.id);
});

// @ts-expect-error a write is synchronous: one with an await is a stagedWrite
export const asyncWrite = write(async (ctx, input: { id: number }) => syncOrderMoney(ctx, input.id));

export const stagedWritesInTransact = stagedWrite(async (ctx: StagedWriteContext, input: { id: number }) => {
  await Promise.resolve();
  // @ts-expect-error outside transact a staged write only reads
  audit(ctx, 'order', input.id, 'update', null, null);
  return ctx.transact((w) => syncOrderMoney(w, input.id));
});

export function plainContextCannotWrite(ctx: ServiceContext): void {
  // @ts-expect-error the context read helpers take is not a write context
  audit(ctx, 'order', 1, 'update', null, null);
}
