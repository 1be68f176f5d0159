/**
 * When something can be dated: the one check every order, money movement, lifecycle step,
 * document, price and month's rates call for the date a clerk gives (or today, when none is
 * given). Not before the unit's first day of business (a mistyped year), not on a day that has
 * not come yet (the unit's day: see today()), not before the order it belongs to was received
 * nor before what it follows, and not in a closed month. Runs inside the caller's transaction,
 * so a month closed a moment earlier by another process is seen.
 */
import { DomainError } from '../../shared/api/errors';
import type { Order } from '../../shared/contract/types';
import { firstBusinessDay } from '../business-calendar';
import { today, type ServiceContext } from '../context';
import { assertOpenDate } from './reports/closed-months';

export interface DateRule {
  /** The input field the date came in, named in the refusal. */
  field: string;
  /** The field as the clerk sees it: "Date received". */
  label: string;
  /** The order the date belongs to: nothing happens to an order before it was received. */
  order?: Pick<Order, 'number' | 'receivedOn'>;
  /** What it follows and cannot precede, e.g. a credit note and the invoice it credits. */
  after?: { date: string; what: string };
  /** A price can be scheduled, and a month's rates entered, ahead of time. */
  futureAllowed?: boolean;
  /** Shipping is in no report, so a parcel that left in a closed month can still be recorded. */
  closedMonthAllowed?: boolean;
}

/** Answers `date` when it may be used, or refuses naming the field. */
export function checkDate(ctx: ServiceContext, date: string, rule: DateRule): string {
  const { field, label, order, after } = rule;
  const first = firstBusinessDay(ctx);
  if (date < first) throw new DomainError('invalid_input', `${label} cannot be before the unit's first day of business (${first}, in Settings).`, field);
  if (!rule.futureAllowed && date > today(ctx)) throw new DomainError('invalid_input', `${label} cannot be in the future.`, field);
  if (order && date < order.receivedOn) throw new DomainError('invalid_input', `${label} cannot be before order ${order.number} was received (${order.receivedOn}).`, field);
  if (after && date < after.date) throw new DomainError('invalid_input', `${label} cannot be before ${after.what} (${after.date}).`, field);
  if (!rule.closedMonthAllowed) assertOpenDate(ctx, date, field, label);
  return date;
}
