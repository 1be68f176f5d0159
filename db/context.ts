import type { Db } from './connection';

/** What every service needs: the database, who is acting (for the audit log) and the clock. */
export interface ServiceContext {
  db: Db;
  actor: string;
  now: () => Date;
}

export function createContext(db: Db, actor: string, now: () => Date = () => new Date()): ServiceContext {
  return { db, actor, now };
}

export function timestamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
