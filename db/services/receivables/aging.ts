/**
 * What was outstanding on a given day, per currency, by age. Movements, credit notes and
 * cancellations after that day are ignored, so the answer for a past day stays what it was.
 * Sums are taken in SQL over integer minor units and turned into decimal strings by the
 * money module; currencies are never added together.
 */
import type { z } from 'zod';
import { AGING_BUCKETS, type Aging, type AgingInput, type AgingRow, type CustomerAgingRow } from '../../../shared/contract/receivables';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { feesOwedMinor, firstInvoicedOn, goodsOwedMinor } from './owed-sql';

/**
 * One row per order that owed something at the end of @asOf, with its age in days from the
 * first invoice issued by then (or from the day the order was received, without one). What is
 * owed is the one rule of owed-sql.ts, counting documents issued and reminder fees booked and not
 * waived by then (`fees_minor`, within `minor`: a fee is owed, and aged with its order). `minor` is negative
 * for an order holding the customer's money (overpaid, or cancelled with money kept). Binds
 * @asOf, @currency and @customerId (null for all); payment reminders read it too (db/services/reminders/due.ts).
 */
export const OUTSTANDING = `
  WITH settled AS (
    SELECT order_id, sum(settles_minor) AS minor FROM payments WHERE on_date <= @asOf GROUP BY order_id
  ), owing AS (
    SELECT o.id, o.currency, o.customer_id, o.customer_name, o.received_on,
           ${goodsOwedMinor('o', { asOf: true })} AS goods_minor,
           ${feesOwedMinor('o', { asOf: true })} AS fees_minor,
           coalesce(s.minor, 0) AS settled_minor,
           ${firstInvoicedOn('o', { asOf: true })} AS first_on
    FROM orders o
    LEFT JOIN settled s ON s.order_id = o.id
    WHERE o.received_on <= @asOf
      AND (o.status <> 'cancelled' OR o.cancelled_on > @asOf)
      AND (@currency IS NULL OR o.currency = @currency)
      AND (@customerId IS NULL OR o.customer_id = @customerId)
  ), outstanding AS (
    SELECT id, currency, customer_id, customer_name, goods_minor + fees_minor - settled_minor AS minor, fees_minor,
           CAST(julianday(@asOf) - julianday(coalesce(first_on, received_on)) AS INTEGER) AS days
    FROM owing
  )`;

const BUCKET_SUMS = `
  sum(CASE WHEN days <= 30 THEN minor ELSE 0 END) AS b1,
  sum(CASE WHEN days > 30 AND days <= 60 THEN minor ELSE 0 END) AS b2,
  sum(CASE WHEN days > 60 AND days <= 90 THEN minor ELSE 0 END) AS b3,
  sum(CASE WHEN days > 90 THEN minor ELSE 0 END) AS b4,
  sum(minor) AS total, count(*) AS orders`;

interface BucketRow {
  currency: CurrencyCode;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  total: number;
  orders: number;
}

function toAgingRow(row: BucketRow): AgingRow {
  const sums = [row.b1, row.b2, row.b3, row.b4];
  return {
    currency: row.currency,
    buckets: Object.fromEntries(AGING_BUCKETS.map((b, i) => [b, fromMinorUnits(sums[i]!, row.currency)])) as AgingRow['buckets'],
    total: fromMinorUnits(row.total, row.currency),
    orders: row.orders,
  };
}

type CustomerBucketRow = BucketRow & { level: 'total' | 'customer'; customer_id: number | null; customer_name: string | null };

/**
 * One pass over the orders: per customer and currency first, then the currency totals
 * summed from those rows in the same statement (SQLite materialises the shared CTE once).
 */
const AGING = `${OUTSTANDING},
  per_customer AS MATERIALIZED (
    SELECT currency, customer_id, max(customer_name) AS order_name, ${BUCKET_SUMS}
    FROM outstanding WHERE minor > 0 GROUP BY currency, customer_id
  ), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY currency ORDER BY total DESC, customer_id) AS rank FROM per_customer
  )
  SELECT 'total' AS level, currency, NULL AS customer_id, NULL AS customer_name,
         sum(b1) AS b1, sum(b2) AS b2, sum(b3) AS b3, sum(b4) AS b4, sum(total) AS total, sum(orders) AS orders, 0 AS rank
  FROM per_customer GROUP BY currency
  UNION ALL
  SELECT 'customer', r.currency, r.customer_id, coalesce(c.name, r.order_name), r.b1, r.b2, r.b3, r.b4, r.total, r.orders, r.rank
  FROM ranked r LEFT JOIN customers c ON c.id = r.customer_id
  WHERE r.rank <= @limit
  ORDER BY currency, rank`;

export function receivablesAging(ctx: ServiceContext, input: z.output<typeof AgingInput>): Aging {
  const params = { asOf: input.asOf, currency: input.currency ?? null, customerId: input.customerId ?? null, limit: input.customerLimit };
  // An overpaid order is a credit, not a receivable: only what is still owed is aged.
  const rows = statement(ctx, AGING).all(params) as CustomerBucketRow[];
  return {
    asOf: input.asOf,
    totals: rows.filter((r) => r.level === 'total').map(toAgingRow),
    customers: rows
      .filter((r) => r.level === 'customer')
      .map((r): CustomerAgingRow => ({ ...toAgingRow(r), customerId: r.customer_id, customerName: r.customer_name ?? '' })),
  };
}

/** The per-currency totals alone, for the monthly report's outstanding section: the same figures without ranking customers. */
const AGING_TOTALS = `${OUTSTANDING}
  SELECT currency, ${BUCKET_SUMS} FROM outstanding WHERE minor > 0 GROUP BY currency ORDER BY currency`;

export function agingTotals(ctx: ServiceContext, asOf: string): AgingRow[] {
  return (statement(ctx, AGING_TOTALS).all({ asOf, currency: null, customerId: null }) as BucketRow[]).map(toAgingRow);
}
