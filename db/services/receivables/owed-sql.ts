/**
 * The rules about documents that SQL needs, each written once: what an order owes before any
 * money moved (its goods and its reminder fees), and an invoice that its credit notes cover in full. They say in SQL what
 * computeBalance (shared/money/balance.ts) says in TypeScript; tests/db/receivables.test.ts and
 * the invoice tests check the two agree. Aging, the invoice list, an order's open invoice and the
 * customer account all build their statements from these fragments.
 *
 * Each fragment takes the alias of the row it is about. With `asOf`, only documents issued and
 * cancellations made by the statement's `@asOf` parameter count, so a past day's answer stays
 * what it was.
 */

export interface AsOf {
  /** Count only what happened by `@asOf` (a parameter the statement must bind). */
  asOf?: boolean;
}

const issuedBy = (asOf: boolean | undefined) => (asOf ? ' AND issued_on <= @asOf' : '');

/**
 * What order `o`'s invoices say it owes before any money moved, in minor units: nothing once
 * cancelled; its total until it is invoiced; from then on its invoices (shipping included) less
 * its credit notes. The goods alone: no reminder fee (the customer account's "ordered").
 * (A credit note is never dated before its invoice, so the order has documents by @asOf exactly
 * when it has an invoice by then.)
 */
export function goodsOwedMinor(o: string, { asOf }: AsOf = {}): string {
  const cancelled = `${o}.status = 'cancelled'${asOf ? ` AND ${o}.cancelled_on <= @asOf` : ''}`;
  const documents = `(SELECT sum(CASE WHEN kind = 'invoice' THEN total_minor ELSE -total_minor END) FROM invoices WHERE order_id = ${o}.id${issuedBy(asOf)})`;
  return `(CASE WHEN ${cancelled} THEN 0 ELSE coalesce(${documents}, ${o}.total_minor) END)`;
}

/**
 * The reminder fees order `o` owes, in minor units: booked (by @asOf) and not waived (by then).
 * A cancelled order owes none (it cannot be cancelled while it has one: orders/lifecycle.ts).
 */
export function feesOwedMinor(o: string, { asOf }: AsOf = {}): string {
  const open = asOf ? 'charged_on <= @asOf AND (waived_on IS NULL OR waived_on > @asOf)' : 'waived_on IS NULL';
  const cancelled = `${o}.status = 'cancelled'${asOf ? ` AND ${o}.cancelled_on <= @asOf` : ''}`;
  return `(CASE WHEN ${cancelled} THEN 0 ELSE (SELECT coalesce(sum(amount_minor), 0) FROM reminder_fees WHERE order_id = ${o}.id AND ${open}) END)`;
}

/** What order `o` owes before any money moved: the goods (goodsOwedMinor) and the reminder fees (feesOwedMinor). */
export function owedMinor(o: string, options: AsOf = {}): string {
  return `(${goodsOwedMinor(o, options)} + ${feesOwedMinor(o, options)})`;
}

/** The day order `o`'s first invoice was issued (by @asOf), or null: what its age counts from. */
export function firstInvoicedOn(o: string, { asOf }: AsOf = {}): string {
  return `(SELECT min(issued_on) FROM invoices WHERE order_id = ${o}.id AND kind = 'invoice'${issuedBy(asOf)})`;
}

/** The sum of the credit notes of invoice `i` (issued by @asOf), in minor units (0 without any). */
export function creditedMinor(i: string, { asOf }: AsOf = {}): string {
  return `coalesce((SELECT sum(c.total_minor) FROM invoices c WHERE c.credits_invoice_id = ${i}.id${asOf ? ' AND c.issued_on <= @asOf' : ''}), 0)`;
}

/**
 * True when an invoice's credit notes cover its total: the invoice no longer counts as the
 * order's open one and shows as `credited`. Takes the two amounts as SQL expressions, so a
 * statement that already selected the credited sum need not work it out twice.
 */
export function creditedInFull(credited: string, total: string): string {
  return `(${total} > 0 AND ${credited} >= ${total})`;
}
