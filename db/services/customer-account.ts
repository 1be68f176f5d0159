/** A customer's orders and what they owe, per currency. */
import type { z } from 'zod';
import type { CustomerBalance, CustomerOrdersInput, CustomerProfile } from '../../shared/contract/customers';
import type { OrderSummary } from '../../shared/contract/types';
import type { CurrencyCode } from '../../shared/money/currencies';
import { fromMinorUnits, subtractAmounts, sumAmounts } from '../../shared/money/money';
import type { ServiceContext } from '../context';
import { auditHistory } from './audit';
import { duplicatesOf } from './customer-duplicates';
import { getCustomerRow, toCustomer } from './customers';
import { toOrderSummary, type OrderRow } from './orders/rows';

interface AmountRow {
  currency: CurrencyCode;
  minor: number;
}

/**
 * Ordered = every order that is not cancelled; paid = every payment received on any of
 * the customer's orders (refunds are negative payments). Each amount is read as integer
 * minor units and added with the money module, so the result is exact.
 */
export function customerBalances(ctx: ServiceContext, customerId: number): CustomerBalance[] {
  const orders = ctx.db
    .prepare("SELECT currency, total_minor AS minor FROM orders WHERE customer_id = ? AND status <> 'cancelled'")
    .all(customerId) as AmountRow[];
  const payments = ctx.db
    .prepare('SELECT p.currency, p.amount_minor AS minor FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_id = ?')
    .all(customerId) as AmountRow[];

  const currencies = [...new Set([...orders, ...payments].map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const ordered = sumMinor(orders.filter((r) => r.currency === currency), currency);
    const paid = sumMinor(payments.filter((r) => r.currency === currency), currency);
    return {
      currency,
      ordered,
      paid,
      balance: subtractAmounts(ordered, paid, currency),
      orderCount: orders.filter((r) => r.currency === currency).length,
    };
  });
}

/** Sum of signed minor-unit amounts; the money module only adds non-negative strings, so refunds are subtracted. */
function sumMinor(rows: AmountRow[], currency: CurrencyCode): string {
  const received = sumAmounts(rows.filter((r) => r.minor > 0).map((r) => fromMinorUnits(r.minor, currency)), currency);
  const refunded = sumAmounts(rows.filter((r) => r.minor < 0).map((r) => fromMinorUnits(-r.minor, currency)), currency);
  return subtractAmounts(received, refunded, currency);
}

export function customerProfile(ctx: ServiceContext, id: number): CustomerProfile {
  const row = getCustomerRow(ctx, id);
  const target = row.merged_into === null ? null : getCustomerRow(ctx, row.merged_into);
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM orders WHERE customer_id = ?').get(id) as { n: number };
  return {
    customer: toCustomer(row),
    mergedInto: target ? { id: target.id, name: target.name } : null,
    balances: customerBalances(ctx, id),
    orderCount: n,
    possibleDuplicates: row.merged_into === null ? duplicatesOf(ctx, row) : [],
    history: auditHistory(ctx, 'customer', id),
  };
}

export function customerOrders(ctx: ServiceContext, input: z.output<typeof CustomerOrdersInput>): { rows: OrderSummary[]; total: number } {
  getCustomerRow(ctx, input.id);
  const rows = ctx.db
    .prepare('SELECT * FROM orders WHERE customer_id = ? ORDER BY received_on DESC, id DESC LIMIT ? OFFSET ?')
    .all(input.id, input.limit, input.offset) as OrderRow[];
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM orders WHERE customer_id = ?').get(input.id) as { n: number };
  return { rows: rows.map(toOrderSummary), total: n };
}
