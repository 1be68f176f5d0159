/**
 * The report's sections, one statement each over the period's rows (read off the covering
 * indexes of migration 0007). Every sum is taken in SQL over integer minor units and turned
 * into a decimal string by the money module; rows are per currency, never added across.
 *
 * What "in the period" means, so that a past period's figures never move:
 * - orders: received_on in the period; "not cancelled" means not cancelled by the period's
 *   end (an order cancelled later still counts for the month it was received in);
 * - movements: each row on its own on_date, a reversal row negatively on its own date;
 * - invoices and credit notes: issued_on in the period.
 */
import type {
  AmountsRow,
  CancelledOrderRow,
  MoneyByMethodRow,
  MoneySection,
  MoneyTotalsRow,
  OrdersReceivedSection,
  TitleRow,
  TopCountryRow,
  TopCustomerRow,
} from '../../../shared/contract/reports';
import { countryName } from '../../../shared/domain/countries';
import { PAYMENT_METHODS, RECEIVED_VIA, type PaymentMethod, type ReceivedVia } from '../../../shared/domain/vocabulary';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { daysOf } from '../../../shared/domain/calendar';

export interface PeriodParams {
  from: string;
  to: string;
}

/** At most this many customers and countries per currency. */
export const TOP_LIMIT = 10;

const byCurrency = (a: CurrencyCode, b: CurrencyCode) => CURRENCY_CODES.indexOf(a) - CURRENCY_CODES.indexOf(b);

/** Orders received in the period, and whether each was cancelled by its end: read off the covering index orders_report alone. */
const PERIOD_ORDERS = `
  SELECT id, currency, received_via, payment_method, received_on, customer_id, customer_country, total_minor,
         (status = 'cancelled' AND cancelled_on <= @to) AS cancelled
  FROM orders INDEXED BY orders_report WHERE received_on BETWEEN @from AND @to`;

/** One pass over the period's orders to the finest grain needed, then each count rolled up from those few rows. */
const ORDER_COUNTS = `
  WITH g AS MATERIALIZED (
    SELECT currency, received_via, coalesce(payment_method, 'none') AS method, received_on, cancelled, count(*) AS n, sum(total_minor) AS minor
    FROM (${PERIOD_ORDERS}) GROUP BY currency, received_via, method, received_on, cancelled
  )
  SELECT 'via' AS dim, received_via AS k, sum(n) AS n, 0 AS minor FROM g GROUP BY received_via
  UNION ALL SELECT 'method', method, sum(n), 0 FROM g GROUP BY method
  UNION ALL SELECT 'currency', currency, sum(n), sum(CASE WHEN cancelled THEN 0 ELSE minor END) FROM g GROUP BY currency
  UNION ALL SELECT 'day', received_on, sum(n), 0 FROM g GROUP BY received_on`;

const CANCELLED = `
  SELECT id, number, customer_name, received_on, cancelled_on, currency, total_minor, cancel_reason
  FROM orders INDEXED BY orders_cancelled WHERE cancelled_on BETWEEN @from AND @to AND status = 'cancelled'
  ORDER BY cancelled_on, number`;

export function ordersSection(ctx: ServiceContext, p: PeriodParams): OrdersReceivedSection {
  const rows = statement(ctx, ORDER_COUNTS).all(p) as { dim: 'via' | 'method' | 'currency' | 'day'; k: string; n: number; minor: number }[];
  const counts = (dim: string) => new Map(rows.filter((r) => r.dim === dim).map((r) => [r.k, r.n]));
  const via = counts('via');
  const methods = counts('method');
  const days = counts('day');
  const cancelled = statement(ctx, CANCELLED).all(p) as {
    id: number; number: string; customer_name: string; received_on: string; cancelled_on: string; currency: CurrencyCode; total_minor: number; cancel_reason: string;
  }[];
  return {
    count: [...via.values()].reduce((a, n) => a + n, 0),
    byChannel: RECEIVED_VIA.map((key: ReceivedVia) => ({ key, count: via.get(key) ?? 0 })),
    byPaymentMethod: [...PAYMENT_METHODS, 'none' as const].map((key) => ({ key, count: methods.get(key) ?? 0 })),
    byCurrency: rows
      .filter((r) => r.dim === 'currency')
      .map((r) => ({ currency: r.k as CurrencyCode, count: r.n, amount: fromMinorUnits(r.minor, r.k as CurrencyCode) }))
      .sort((a, b) => byCurrency(a.currency, b.currency)),
    perDay: daysOf(p.from, p.to).map((date) => ({ date, count: days.get(date) ?? 0 })),
    cancelled: cancelled.map((r): CancelledOrderRow => ({
      orderId: r.id,
      orderNumber: r.number,
      customerName: r.customer_name,
      receivedOn: r.received_on,
      cancelledOn: r.cancelled_on,
      currency: r.currency,
      amount: fromMinorUnits(r.total_minor, r.currency),
      reason: r.cancel_reason,
    })),
  };
}

/**
 * Lines of the period's orders not cancelled by its end, per catalogue title, and free-text
 * lines per title text. Catalogue lines are summed off the covering index order_lines_report;
 * only free-text lines visit the table, for their title.
 */
const TITLES = `
  WITH o AS MATERIALIZED (
    SELECT id, currency FROM orders INDEXED BY orders_report
    WHERE received_on BETWEEN @from AND @to AND NOT (status = 'cancelled' AND cancelled_on <= @to)
  ), t AS (
    SELECT o.currency, l.publication_id, NULL AS free_title, sum(l.quantity) AS copies, sum(l.line_total_minor) AS minor
    FROM o JOIN order_lines l INDEXED BY order_lines_report ON l.order_id = o.id
    WHERE l.publication_id IS NOT NULL
    GROUP BY o.currency, l.publication_id
    UNION ALL
    SELECT o.currency, NULL, l.title, sum(l.quantity), sum(l.line_total_minor)
    FROM o JOIN order_lines l INDEXED BY order_lines_report ON l.order_id = o.id
    WHERE l.publication_id IS NULL
    GROUP BY o.currency, l.title
  )
  SELECT t.currency, t.publication_id, coalesce(p.title, t.free_title) AS title, coalesce(p.isbn, '') AS isbn, t.copies, t.minor
  FROM t LEFT JOIN publications p ON p.id = t.publication_id
  ORDER BY t.copies DESC, t.minor DESC, title, t.currency`;

export function titlesSection(ctx: ServiceContext, p: PeriodParams): TitleRow[] {
  const rows = statement(ctx, TITLES).all(p) as { currency: CurrencyCode; publication_id: number | null; title: string; isbn: string; copies: number; minor: number }[];
  return rows.map((r) => ({ publicationId: r.publication_id, title: r.title, isbn: r.isbn, currency: r.currency, copies: r.copies, amount: fromMinorUnits(r.minor, r.currency) }));
}

const DOCUMENTS = `
  SELECT currency,
         sum(kind = 'invoice') AS invoices, sum(CASE WHEN kind = 'invoice' THEN total_minor ELSE 0 END) AS invoiced,
         sum(kind = 'credit_note') AS credit_notes, sum(CASE WHEN kind = 'credit_note' THEN total_minor ELSE 0 END) AS credited
  FROM invoices WHERE issued_on BETWEEN @from AND @to GROUP BY currency`;

/** `ordered` per currency comes from the orders section's per-currency amounts (the same sum). */
export function amountsSection(ctx: ServiceContext, p: PeriodParams, ordered: OrdersReceivedSection['byCurrency']): AmountsRow[] {
  const docs = statement(ctx, DOCUMENTS).all(p) as { currency: CurrencyCode; invoices: number; invoiced: number; credit_notes: number; credited: number }[];
  const currencies = [...new Set([...ordered.map((o) => o.currency), ...docs.map((d) => d.currency)])].sort(byCurrency);
  return currencies.map((currency) => {
    const d = docs.find((x) => x.currency === currency);
    return {
      currency,
      ordered: ordered.find((o) => o.currency === currency)?.amount ?? fromMinorUnits(0, currency),
      invoiced: fromMinorUnits(d?.invoiced ?? 0, currency),
      invoices: d?.invoices ?? 0,
      credited: fromMinorUnits(d?.credited ?? 0, currency),
      creditNotes: d?.credit_notes ?? 0,
    };
  });
}

/**
 * Payments, refunds and write-offs dated in the period; a reversal row (reverses_id set) counts
 * negatively on its own date. Credit moved between orders is not money received and is left out.
 * Bank fees are those deducted from the transfers dated in the period; a reversal row carries
 * none, so a reversed transfer's fees stay counted (the bank kept them).
 */
const MONEY = `
  WITH g AS MATERIALIZED (
    SELECT kind, currency, method, reverses_id IS NOT NULL AS reversal, count(*) AS n,
           sum(CASE WHEN reverses_id IS NULL THEN amount_minor ELSE -amount_minor END) AS signed,
           sum(CASE WHEN kind = 'payment' AND reverses_id IS NULL THEN coalesce(fees_deducted_minor, 0) ELSE 0 END) AS fees
    FROM payments INDEXED BY payments_report
    WHERE kind IN ('payment', 'refund', 'write_off') AND on_date BETWEEN @from AND @to
    GROUP BY kind, currency, method, reversal
  ), reasons AS (
    -- Only write-off rows are read from the table, for their reason.
    SELECT currency, json_group_array(DISTINCT reason) AS reasons FROM payments INDEXED BY payments_report
    WHERE kind = 'write_off' AND on_date BETWEEN @from AND @to AND reverses_id IS NULL GROUP BY currency
  )
  SELECT 'method' AS level, kind, currency, method, sum(CASE WHEN reversal THEN 0 ELSE n END) AS n, sum(CASE WHEN reversal THEN n ELSE 0 END) AS reversals,
         sum(signed) AS minor, NULL AS reasons, 0 AS received, 0 AS refunded, 0 AS fees, 0 AS written_off, 0 AS net
  FROM g WHERE kind IN ('payment', 'refund') GROUP BY kind, currency, method
  UNION ALL
  SELECT 'write_off', 'write_off', g.currency, NULL, sum(CASE WHEN reversal THEN 0 ELSE n END), sum(CASE WHEN reversal THEN n ELSE 0 END), sum(signed),
         (SELECT reasons FROM reasons r WHERE r.currency = g.currency), 0, 0, 0, 0, 0
  FROM g WHERE kind = 'write_off' GROUP BY g.currency
  UNION ALL
  SELECT 'total', NULL, currency, NULL, 0, 0, 0, NULL,
         sum(CASE WHEN kind = 'payment' THEN signed ELSE 0 END),
         sum(CASE WHEN kind = 'refund' THEN signed ELSE 0 END),
         sum(fees),
         sum(CASE WHEN kind = 'write_off' THEN signed ELSE 0 END),
         sum(CASE kind WHEN 'payment' THEN signed WHEN 'refund' THEN -signed ELSE 0 END)
  FROM g GROUP BY currency`;

interface MoneyRow {
  level: 'method' | 'write_off' | 'total';
  kind: 'payment' | 'refund' | 'write_off' | null;
  currency: CurrencyCode;
  method: PaymentMethod | null;
  n: number;
  reversals: number;
  minor: number;
  reasons: string | null;
  received: number;
  refunded: number;
  fees: number;
  written_off: number;
  net: number;
}

const byCurrencyThenMethod = (a: MoneyByMethodRow, b: MoneyByMethodRow) =>
  byCurrency(a.currency, b.currency) || PAYMENT_METHODS.indexOf(a.method) - PAYMENT_METHODS.indexOf(b.method);

export function moneySection(ctx: ServiceContext, p: PeriodParams): MoneySection {
  const rows = statement(ctx, MONEY).all(p) as MoneyRow[];
  const methodRows = (kind: 'payment' | 'refund') =>
    rows
      .filter((r) => r.level === 'method' && r.kind === kind && r.method !== null)
      .map((r): MoneyByMethodRow => ({ currency: r.currency, method: r.method!, count: r.n, reversals: r.reversals, amount: fromMinorUnits(r.minor, r.currency) }))
      .sort(byCurrencyThenMethod);
  return {
    byMethod: methodRows('payment'),
    refunds: methodRows('refund'),
    writeOffs: rows
      .filter((r) => r.level === 'write_off')
      .map((r) => ({
        currency: r.currency,
        count: r.n,
        reversals: r.reversals,
        amount: fromMinorUnits(r.minor, r.currency),
        reasons: (JSON.parse(r.reasons ?? '[]') as (string | null)[]).filter((x): x is string => x !== null && x !== '').sort(),
      }))
      .sort((a, b) => byCurrency(a.currency, b.currency)),
    totals: rows
      .filter((r) => r.level === 'total')
      .map((r): MoneyTotalsRow => ({
        currency: r.currency,
        received: fromMinorUnits(r.received, r.currency),
        refunded: fromMinorUnits(r.refunded, r.currency),
        bankFees: fromMinorUnits(r.fees, r.currency),
        writtenOff: fromMinorUnits(r.written_off, r.currency),
        net: fromMinorUnits(r.net, r.currency),
      }))
      .sort((a, b) => byCurrency(a.currency, b.currency)),
  };
}

/** Per currency, the largest customers and countries by the amount of their orders received (not cancelled by the period's end). */
const TOP = `
  WITH p AS MATERIALIZED (${PERIOD_ORDERS}),
  kept AS (SELECT * FROM p WHERE NOT cancelled),
  customers_ranked AS (
    -- Orders without a directory entry (from before it existed) are one group, named by their latest order.
    SELECT currency, customer_id, max(id) AS last_id, max(customer_country) AS order_country, count(*) AS n, sum(total_minor) AS minor,
           row_number() OVER (PARTITION BY currency ORDER BY sum(total_minor) DESC, customer_id) AS rank
    FROM kept GROUP BY currency, customer_id
  ), countries_ranked AS (
    SELECT currency, customer_country AS country, count(*) AS n, sum(total_minor) AS minor,
           row_number() OVER (PARTITION BY currency ORDER BY sum(total_minor) DESC, customer_country) AS rank
    FROM kept GROUP BY currency, customer_country
  )
  SELECT 'customer' AS level, r.currency, r.customer_id, coalesce(c.name, x.customer_name) AS name, coalesce(c.country, r.order_country) AS country, r.n, r.minor, r.rank
  FROM customers_ranked r LEFT JOIN customers c ON c.id = r.customer_id LEFT JOIN orders x ON r.customer_id IS NULL AND x.id = r.last_id
  WHERE r.rank <= @limit
  UNION ALL
  SELECT 'country', currency, NULL, NULL, country, n, minor, rank FROM countries_ranked WHERE rank <= @limit
  ORDER BY level, currency, rank`;

export function topSections(ctx: ServiceContext, p: PeriodParams, locale: string): { topCustomers: TopCustomerRow[]; topCountries: TopCountryRow[] } {
  const rows = statement(ctx, TOP).all({ ...p, limit: TOP_LIMIT }) as {
    level: 'customer' | 'country'; currency: CurrencyCode; customer_id: number | null; name: string | null; country: string; n: number; minor: number;
  }[];
  const sorted = (level: 'customer' | 'country') => rows.filter((r) => r.level === level).sort((a, b) => byCurrency(a.currency, b.currency));
  return {
    topCustomers: sorted('customer').map((r) => ({
      currency: r.currency,
      customerId: r.customer_id,
      customerName: r.name ?? '',
      country: r.country,
      countryName: countryName(r.country, locale),
      orders: r.n,
      amount: fromMinorUnits(r.minor, r.currency),
    })),
    topCountries: sorted('country').map((r) => ({
      currency: r.currency,
      country: r.country,
      countryName: countryName(r.country, locale),
      orders: r.n,
      amount: fromMinorUnits(r.minor, r.currency),
    })),
  };
}
