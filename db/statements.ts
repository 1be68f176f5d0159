/**
 * Prepared statements cached per connection. Preparing compiles SQL each time; for the
 * statements run on every save and every list request that cost shows in the benchmark.
 */
import type Database from 'better-sqlite3';
import type { ServiceContext } from './context';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

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
