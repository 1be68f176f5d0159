/**
 * Prepared statements cached per connection. Preparing compiles SQL each time; for the
 * statements run on every save and every list request that cost shows in the benchmark.
 *
 * A statement prepared for a read context has no `run`: only a write, inside its transaction
 * (db/transactions.ts), changes the database.
 */
import type Database from 'better-sqlite3';
import type { ServiceContext, WriteContext } from './context';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement that only reads. */
export type ReadStatement = Omit<Database.Statement, 'run' | 'pluck' | 'raw' | 'expand' | 'bind' | 'safeIntegers'> & {
  pluck(toggleState?: boolean): ReadStatement;
  raw(toggleState?: boolean): ReadStatement;
  expand(toggleState?: boolean): ReadStatement;
};

export function statement(ctx: WriteContext, sql: string): Database.Statement;
export function statement(ctx: ServiceContext, sql: string): ReadStatement;
export function statement(ctx: ServiceContext, sql: string): Database.Statement {
  let statements = cache.get(ctx.db);
  if (!statements) {
    statements = new Map();
    cache.set(ctx.db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = ctx.db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

/**
 * For the connection's own temporary tables (temp.*): they are not in the database file and
 * take no lock, so a read may fill them (the country ranking the order list sorts by).
 */
export function scratchStatement(ctx: ServiceContext, sql: string): Database.Statement {
  if (!/\btemp\./i.test(sql)) throw new Error('Order Desk: scratchStatement is only for temp.* tables.');
  return statement(ctx as WriteContext, sql);
}
