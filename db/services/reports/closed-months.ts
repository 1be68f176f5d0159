/**
 * Nothing can be dated in a closed month. Every write that dates an order, a money movement
 * or a document checks its date with checkDate (../date-check.ts), which calls assertOpenDate,
 * inside its own transaction, so a month closed by another process a moment earlier is seen
 * (the closing takes the write lock to store itself).
 */
import { DomainError } from '../../../shared/api/errors';
import { unitDayOf, type ServiceContext } from '../../context';
import { statement } from '../../statements';
import { monthOf } from '../../../shared/domain/calendar';
import { monthLabel } from './period';

export interface OpenClosing {
  id: number;
  version: number;
  closed_at: string;
  closed_by: string;
}

/** The closing that holds the month closed, if any (one at most: see migration 0007). */
export function currentClosing(ctx: ServiceContext, month: string): OpenClosing | null {
  return (statement(ctx, 'SELECT id, version, closed_at, closed_by FROM month_closings WHERE month = ? AND reopened_at IS NULL').get(month) as OpenClosing | undefined) ?? null;
}

export function isMonthClosed(ctx: ServiceContext, month: string): boolean {
  const memo = ctx.stableReads?.closedMonths;
  let closed = memo?.get(month);
  if (closed === undefined) {
    closed = currentClosing(ctx, month) !== null;
    memo?.set(month, closed);
  }
  return closed;
}

/**
 * Refuses a date in a closed month, naming the field and the month: "Date received is in
 * November 2026, which is closed. …". `label` is the field as the clerk sees it.
 */
export function assertOpenDate(ctx: ServiceContext, date: string, field: string, label: string): void {
  const month = monthOf(date);
  if (!isMonthClosed(ctx, month)) return;
  throw new DomainError(
    'conflict',
    `${label} is in ${monthLabel(month)}, which is closed. Date it in an open month (a late correction goes into the open month), or reopen ${monthLabel(month)} first.`,
    field,
  );
}

/** For changes to the month itself (its rates): refused once it is closed. */
export function assertMonthOpen(ctx: ServiceContext, month: string, field: string, what: string): void {
  const closing = currentClosing(ctx, month);
  if (closing) {
    throw new DomainError('conflict', `${what} of ${monthLabel(month)} cannot change: the month was closed on ${unitDayOf(ctx, closing.closed_at)} by ${closing.closed_by}. Reopen it first.`, field);
  }
}

/** The audit log's entity id of a month: 2026-11 → 202611. */
export function monthEntityId(month: string): number {
  return Number(month.replace('-', ''));
}
