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

/**
 * One row per order that owed something at the end of @asOf, with its age in days from the
 * first invoice issued by then (or from the day the order was received, without one). What is
 * owed is the order's total until it is invoiced, then its invoices less its credit notes issued
 * by then, as in shared/money/balance.ts.
 */
const OUTSTANDING = `
  WITH settled AS (
    SELECT order_id, sum(settles_minor) AS minor FROM payments WHERE on_date <= @asOf GROUP BY order_id
  ), invoiced AS (
    -- Once invoiced, an order owes its invoices (shipping included) less its credit notes, each from its date.
    SELECT order_id,
           min(CASE WHEN kind = 'invoice' THEN issued_on END) AS first_on,
           sum(CASE WHEN kind = 'invoice' THEN total_minor ELSE -total_minor END) AS minor
    FROM invoices WHERE issued_on <= @asOf GROUP BY order_id
  ), outstanding AS (
    SELECT o.id, o.currency, o.customer_id, o.customer_name,
           (CASE WHEN i.first_on IS NULL THEN o.total_minor ELSE i.minor END) - coalesce(s.minor, 0) AS minor,
           CAST(julianday(@asOf) - julianday(coalesce(i.first_on, o.received_on)) AS INTEGER) AS days
    FROM orders o
    LEFT JOIN settled s ON s.order_id = o.id
    LEFT JOIN invoiced i ON i.order_id = o.id
    WHERE o.received_on <= @asOf
      AND (o.status <> 'cancelled' OR o.cancelled_on > @asOf)
      AND (@currency IS NULL OR o.currency = @currency)
      AND (@customerId IS NULL OR o.customer_id = @customerId)
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

export function receivablesAging(ctx: ServiceContext, input: z.output<typeof AgingInput>): Aging {
  const params = { asOf: input.asOf, currency: input.currency ?? null, customerId: input.customerId ?? null };
  // An overpaid order is a credit, not a receivable: only what is still owed is aged.
  const totals = statement(ctx, `${OUTSTANDING} SELECT currency, ${BUCKET_SUMS} FROM outstanding WHERE minor > 0 GROUP BY currency ORDER BY currency`)
    .all(params) as BucketRow[];
  const customers =
    input.customerLimit === 0
      ? []
      : (statement(ctx, `${OUTSTANDING},
          per_customer AS (
            SELECT currency, customer_id, max(customer_name) AS order_name, ${BUCKET_SUMS}
            FROM outstanding WHERE minor > 0 GROUP BY currency, customer_id
          ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY currency ORDER BY total DESC, customer_id) AS rank FROM per_customer
          )
          SELECT r.*, coalesce(c.name, r.order_name) AS customer_name
          FROM ranked r LEFT JOIN customers c ON c.id = r.customer_id
          WHERE r.rank <= @limit ORDER BY r.currency, r.rank`).all({ ...params, limit: input.customerLimit }) as (BucketRow & { customer_id: number | null; customer_name: string })[]);
  return {
    asOf: input.asOf,
    totals: totals.map(toAgingRow),
    customers: customers.map((r): CustomerAgingRow => ({ ...toAgingRow(r), customerId: r.customer_id, customerName: r.customer_name })),
  };
}
