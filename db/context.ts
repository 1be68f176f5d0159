import type { Db } from './connection';
import { fixedUser, type SessionUser } from './session-user';
import type { DocumentRenderer } from './documents/render-pool';
import { utcIsoDate } from '../shared/domain/dates';
import { inWriteTransaction } from './transactions';

declare const writeLock: unique symbol;

/**
 * What every service needs: the database, who is acting (for the audit log) and the clock.
 * A read handler gets this and nothing more: it cannot reach a write helper, which takes a
 * WriteContext (see db/transactions.ts for the three kinds of context).
 */
export interface ServiceContext {
  db: Db;
  /** The name audit records carry: read from `user` on every write, so a confirmed name takes effect at once. */
  readonly actor: string;
  /** Who is working in this process, and whether the app must still ask (see session-user.ts). */
  readonly user: SessionUser;
  now: () => Date;
  /** Makes invoice PDFs and the report's PDF and workbook (a worker pool in the app); null where none is ever made (the demo seed). */
  documents: DocumentRenderer | null;
}

/**
 * Inside one BEGIN IMMEDIATE transaction that holds the write lock: what a write handler gets
 * and what every "must run inside the caller's transaction" helper takes. Only
 * db/transactions.ts makes one.
 */
export interface WriteContext extends ServiceContext {
  readonly [writeLock]: true;
}

/**
 * A write with an await in it (render a PDF, read a file, copy in a worker): it reads and
 * awaits outside any transaction, and stores in `transact`, one BEGIN IMMEDIATE transaction
 * that must be synchronous. The process's own context (createContext) is one.
 */
export interface StagedWriteContext extends ServiceContext {
  transact<T>(work: (ctx: WriteContext) => T): T;
}

/** What a process holds: every kind of handler can be run with it (db/api/invoke.ts). */
export type AppContext = StagedWriteContext;

/** `user` as a plain name fixes it for the process (browser mode, tests, the seed); a SessionUser can be confirmed later. */
export function createContext(db: Db, user: string | SessionUser, now: () => Date = () => new Date(), documents: DocumentRenderer | null = null): AppContext {
  const session = typeof user === 'string' ? fixedUser(user) : user;
  const ctx: AppContext = {
    db,
    user: session,
    now,
    documents,
    get actor() {
      return session.name;
    },
    transact: (work) => inWriteTransaction(ctx, work),
  };
  return ctx;
}

/** The same write transaction, with audit records naming `actor` (a clerk saying who is working). */
export function actingAs(ctx: WriteContext, actor: string): WriteContext {
  return Object.create(ctx, { actor: { value: actor } }) as WriteContext;
}

export function timestamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

/** Today as YYYY-MM-DD by the service clock: the day dates typed by a clerk are checked against. */
export function today(ctx: ServiceContext): string {
  return unitDayOf(ctx, ctx.now());
}

/** The day a moment fell on by the same clock as today(), e.g. the day a stored timestamp (ISO text) was taken. */
export function unitDayOf(_ctx: ServiceContext, at: Date | string): string {
  return utcIsoDate(typeof at === 'string' ? new Date(at) : at);
}
