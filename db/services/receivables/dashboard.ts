/** The home screen: what is owed today per currency, by age, who waits longest, what is due back. */
import type { Dashboard, WaitingOrder } from '../../../shared/contract/receivables';
import { today, type ServiceContext } from '../../context';
import { statement } from '../../statements';
import { toOrderSummary, type OrderRow } from '../orders/rows';
import { receivablesAging } from './aging';
import { firstInvoicedOn } from './owed-sql';
import { bankSummary } from '../bank/read';

export function dashboardSummary(ctx: ServiceContext, input: { limit: number }): Dashboard {
  const asOf = today(ctx);
  const waiting = statement(ctx, `
    SELECT o.*, CAST(julianday(@asOf) - julianday(coalesce(${firstInvoicedOn('o')}, o.received_on)) AS INTEGER) AS days_waiting
    FROM orders o
    WHERE o.balance_minor > 0 AND o.status <> 'cancelled'
    ORDER BY days_waiting DESC, o.id
    LIMIT @limit`).all({ asOf, limit: input.limit }) as (OrderRow & { days_waiting: number })[];
  const refundsDue = statement(ctx, `
    SELECT * FROM orders WHERE balance_minor < 0 AND payment_status IN ('refund_due', 'overpaid')
    ORDER BY balance_minor, id LIMIT @limit`).all({ limit: input.limit }) as OrderRow[];
  return {
    asOf,
    aging: receivablesAging(ctx, { asOf, customerLimit: 5 }),
    waiting: waiting.map((r): WaitingOrder => ({ ...toOrderSummary(r), daysWaiting: r.days_waiting })),
    refundsDue: refundsDue.map(toOrderSummary),
    bank: bankSummary(ctx),
  };
}
