/** A customer's orders and what they owe, per currency. */
import type { z } from 'zod';
import type { CustomerBalance, CustomerOrdersInput, CustomerProfile } from '../../shared/contract/customers';
import type { OrderSummary } from '../../shared/contract/types';
import type { CurrencyCode } from '../../shared/money/currencies';
import { fromMinorUnits } from '../../shared/money/money';
import { statement } from '../statements';
import type { ServiceContext } from '../context';
import { auditHistory } from './audit';
import { duplicatesOf } from './customer-duplicates';
import { getCustomerRow, toCustomer } from './customers';
import { toOrderSummary, type OrderRow } from './orders/rows';
import { feesOwedMinor, goodsOwedMinor } from './receivables/owed-sql';
import { listReminders } from './reminders/read';

interface BalanceRow {
  currency: CurrencyCode;
  ordered: number;
  fees: number;
  paid: number;
  balance: number;
  orders: number;
}

/**
 * Per currency: ordered = what the orders owe before any money moved (owed-sql.ts: nothing for a
 * cancelled order, an invoiced order's invoices less credit notes); fees = reminder fees booked
 * and not waived (no sale, so not in ordered, but owed); paid = money received less
 * money paid back (refunds, credit moved between orders cancels out); balance = the sum of
 * each order's balance as the one balance function wrote it (a cancelled order that kept
 * money counts as owed back). Summed in SQL over integer minor units.
 */
export function customerBalances(ctx: ServiceContext, customerId: number): CustomerBalance[] {
  const rows = statement(ctx, `
    SELECT o.currency,
           sum(${goodsOwedMinor('o')}) AS ordered,
           sum(${feesOwedMinor('o')}) AS fees,
           coalesce(sum(m.money), 0) AS paid,
           sum(o.balance_minor) AS balance,
           sum(CASE WHEN o.status <> 'cancelled' THEN 1 ELSE 0 END) AS orders
    FROM orders o
    LEFT JOIN (SELECT order_id, sum(settles_minor) AS money FROM payments WHERE kind IN ('payment', 'refund') GROUP BY order_id) m ON m.order_id = o.id
    WHERE o.customer_id = ?
    GROUP BY o.currency ORDER BY o.currency`).all(customerId) as BalanceRow[];
  return rows.map((r) => ({
    currency: r.currency,
    ordered: fromMinorUnits(r.ordered, r.currency),
    fees: fromMinorUnits(r.fees, r.currency),
    paid: fromMinorUnits(r.paid, r.currency),
    balance: fromMinorUnits(r.balance, r.currency),
    orderCount: r.orders,
  }));
}

export function customerProfile(ctx: ServiceContext, id: number): CustomerProfile {
  const row = getCustomerRow(ctx, id);
  const target = row.merged_into === null ? null : getCustomerRow(ctx, row.merged_into);
  const { n } = statement(ctx, 'SELECT count(*) AS n FROM orders WHERE customer_id = ?').get(id) as { n: number };
  return {
    customer: toCustomer(row),
    mergedInto: target ? { id: target.id, name: target.name } : null,
    balances: customerBalances(ctx, id),
    orderCount: n,
    possibleDuplicates: row.merged_into === null ? duplicatesOf(ctx, row) : [],
    history: auditHistory(ctx, 'customer', id),
    reminders: listReminders(ctx, { customerId: id, limit: 1000 }).reminders,
  };
}

export function customerOrders(ctx: ServiceContext, input: z.output<typeof CustomerOrdersInput>): { rows: OrderSummary[]; total: number } {
  getCustomerRow(ctx, input.id);
  const rows = statement(ctx, 'SELECT * FROM orders WHERE customer_id = ? ORDER BY received_on DESC, id DESC LIMIT ? OFFSET ?').all(input.id, input.limit, input.offset) as OrderRow[];
  const { n } = statement(ctx, 'SELECT count(*) AS n FROM orders WHERE customer_id = ?').get(input.id) as { n: number };
  return { rows: rows.map(toOrderSummary), total: n };
}
