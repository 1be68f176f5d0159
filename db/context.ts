import type { Db } from './connection';
import { fixedUser, type SessionUser } from './session-user';
import type { DocumentRenderer } from './documents/render-pool';
import { businessDay } from '../shared/domain/calendar';
import { unitTimeZone } from './business-calendar';
import { inLockFirstTransaction, inWriteTransaction } from './transactions';
import { afterLongWrites, holdingWriteLock } from './write-gate';
import type { MailRuntime } from './mail/runtime';

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
  /** E-mail: the password store, the SMTP worker and the sender (db/mail/runtime.ts); absent where nothing is ever sent. */
  mail?: MailRuntime;
  /** Only on a context made by withStableReads. */
  readonly stableReads?: StableReads;
}

/** Settings and closed months as one transaction read them, each once (withStableReads). */
export interface StableReads {
  settings: Map<string, string>;
  closedMonths: Map<string, boolean>;
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
  /**
   * Runs `work` in one BEGIN IMMEDIATE transaction and resolves with what it returned. It runs
   * at once, unless an import of this process is writing its rows (db/write-gate.ts): then it
   * waits for that without blocking the thread. A refusal inside `work` rolls everything back.
   */
  transact<T>(work: (ctx: WriteContext) => T): Promise<T>;
  /**
   * For a staged write whose `transact` keeps finding that what it read changed meanwhile (another
   * desk took the next invoice number while this one rendered): takes the write lock first, then
   * awaits `prepare` (reads and renders) while holding it, then runs `work` in the same BEGIN
   * IMMEDIATE transaction, so nothing `prepare` read can change before `work` stores it. Other
   * writes wait meanwhile, so `prepare` must be short: past HOLD_LIMIT_MS it is abandoned, the lock
   * let go with nothing written, and this rejects with HeldTooLong (db/transactions.ts).
   */
  transactLockFirst<P, T>(prepare: (ctx: ServiceContext) => Promise<P>, work: (ctx: WriteContext, prepared: P) => T): Promise<T>;
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
    // Synchronous when nothing waits, so a nested transact still throws at once (db/transactions.ts).
    transact: (work) => Promise.resolve(afterLongWrites(ctx, () => inWriteTransaction(ctx, work))),
    // The transaction spans awaits on the shared connection: this process's writes queue behind it.
    transactLockFirst: (prepare, work) => holdingWriteLock(ctx, () => inLockFirstTransaction(ctx, prepare, work)),
  };
  return ctx;
}

/**
 * For one transaction that changes neither Settings nor a month's closing (a stage of a bank
 * import): what they say is read once, not again for each of the thousands of dates it checks.
 * Only inside that transaction, which holds the write lock: nothing else can change them meanwhile.
 */
export function withStableReads<C extends ServiceContext>(ctx: C): C {
  const stableReads: StableReads = { settings: new Map(), closedMonths: new Map() };
  return Object.create(ctx, { stableReads: { value: stableReads } }) as C;
}

/** The same write transaction, with audit records naming `actor` (a clerk saying who is working). */
export function actingAs(ctx: WriteContext, actor: string): WriteContext {
  return Object.create(ctx, { actor: { value: actor } }) as WriteContext;
}

// The last one written: a stage of a bank import stamps thousands of rows with one clock reading.
let lastTimestamp = { ms: Number.NaN, text: '' };

export function timestamp(ctx: ServiceContext): string {
  const ms = ctx.now().getTime();
  if (ms !== lastTimestamp.ms) lastTimestamp = { ms, text: new Date(ms).toISOString() };
  return lastTimestamp.text;
}

/**
 * Today as YYYY-MM-DD: the service clock's date in the unit's time zone, the same day the
 * screens fill in (shared/domain/calendar.ts). Dates typed by a clerk are checked against it, and
 * it decides which month is current for closing and reports.
 */
export function today(ctx: ServiceContext): string {
  return unitDayOf(ctx, ctx.now());
}

/** The unit's day a moment fell on, e.g. the day a stored timestamp (ISO text) was taken. */
export function unitDayOf(ctx: ServiceContext, at: Date | string): string {
  return businessDay(typeof at === 'string' ? new Date(at) : at, unitTimeZone(ctx));
}
