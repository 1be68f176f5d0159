/**
 * invoices.uninvoiced: the orders a batch for a month would invoice — received in that month and
 * still `received` (so neither invoiced nor cancelled; an order whose invoice was credited in full
 * is back to `received` and is invoiced again) — with their totals per currency and what in
 * Settings would make some of them fail, so the clerk sees both before starting.
 */
import type { UninvoicedMonth, UninvoicedOrder } from '../../../shared/contract/invoice-batch';
import { monthBounds } from '../../../shared/domain/calendar';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits, sumMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { issuerProblems } from './compose';

interface Row {
  id: number;
  number: string;
  received_on: string;
  customer_name: string;
  currency: CurrencyCode;
  total_minor: number;
}

export function uninvoicedOrders(ctx: ServiceContext, input: { month: string }): UninvoicedMonth {
  const [from, to] = monthBounds(input.month);
  // orders_status_sort (status, received_on) answers this from the index.
  const rows = statement(
    ctx,
    `SELECT id, number, received_on, customer_name, currency, total_minor FROM orders
     WHERE status = 'received' AND received_on >= ? AND received_on < ?
     ORDER BY received_on, id`,
  ).all(from, to) as Row[];
  const orders: UninvoicedOrder[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    receivedOn: r.received_on,
    customerName: r.customer_name,
    currency: r.currency,
    total: fromMinorUnits(r.total_minor, r.currency),
  }));
  const currencies = CURRENCY_CODES.filter((c) => rows.some((r) => r.currency === c));
  const totals = currencies.map((currency) => {
    const minor = rows.filter((r) => r.currency === currency).map((r) => r.total_minor);
    return { currency, orders: minor.length, total: sumMinorUnits(minor, currency) };
  });
  const problems = [...new Set(currencies.flatMap((currency) => issuerProblems(ctx, currency)))];
  return { month: input.month, orders, totals, problems };
}
