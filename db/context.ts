import type { Db } from './connection';
import { fixedUser, type SessionUser } from './session-user';
import type { DocumentRenderer } from './documents/render-pool';
import { businessDay } from '../shared/domain/calendar';
import { unitTimeZone } from './business-calendar';

/** What every service needs: the database, who is acting (for the audit log) and the clock. */
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

/** `user` as a plain name fixes it for the process (browser mode, tests, the seed); a SessionUser can be confirmed later. */
export function createContext(db: Db, user: string | SessionUser, now: () => Date = () => new Date(), documents: DocumentRenderer | null = null): ServiceContext {
  const session = typeof user === 'string' ? fixedUser(user) : user;
  return {
    db,
    user: session,
    now,
    documents,
    get actor() {
      return session.name;
    },
  };
}

export function timestamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
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
