/**
 * Likely duplicates in the directory: the same e-mail (case ignored), or the same name
 * (accents and case ignored, via name_key) in the same country. Merged records and
 * pairs a clerk declared distinct are left out.
 */
import type { DuplicateCustomer, DuplicatePair, DuplicateReason } from '../../shared/contract/customers';
import { timestamp, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';
import { audit } from './audit';
import { getCustomerRow, toCustomer, type CustomerRow } from './customers';

type CustomerWithCount = CustomerRow & { order_count: number };

const WITH_ORDER_COUNT = 'SELECT c.*, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS order_count FROM customers c';

const NOT_DECLARED_DISTINCT = `NOT EXISTS (SELECT 1 FROM customer_distinct_pairs d
  WHERE d.low_id = min(a.id, b.id) AND d.high_id = max(a.id, b.id))`;

const PAIRS = `
  SELECT a.id AS first, b.id AS second, 'same_email' AS reason FROM customers a
    JOIN customers b ON b.email = a.email COLLATE NOCASE AND b.id > a.id
   WHERE a.email <> '' AND a.merged_into IS NULL AND b.merged_into IS NULL AND ${NOT_DECLARED_DISTINCT}
  UNION ALL
  SELECT a.id, b.id, 'same_name_country' FROM customers a
    JOIN customers b ON b.name_key = a.name_key AND b.country = a.country AND b.id > a.id
   WHERE a.name_key <> '' AND a.merged_into IS NULL AND b.merged_into IS NULL AND ${NOT_DECLARED_DISTINCT}`;

function toDuplicateCustomer(row: CustomerWithCount): DuplicateCustomer {
  return { ...toCustomer(row), orderCount: row.order_count };
}

function loadCustomers(ctx: ServiceContext, ids: number[]): Map<number, DuplicateCustomer> {
  const find = statement(ctx, `${WITH_ORDER_COUNT} WHERE c.id = ?`);
  const byId = new Map<number, DuplicateCustomer>();
  for (const id of new Set(ids)) {
    const row = find.get(id) as CustomerWithCount | undefined;
    if (row) byId.set(id, toDuplicateCustomer(row));
  }
  return byId;
}

/** Every suggested pair, the most recently added customers first (that is where a new duplicate appears). */
export function findDuplicateCustomers(ctx: ServiceContext, input: { limit: number }): { pairs: DuplicatePair[]; total: number } {
  const rows = statement(ctx, `${PAIRS} ORDER BY 2 DESC, 1 DESC`).all() as { first: number; second: number; reason: DuplicateReason }[];
  const reasons = new Map<string, { first: number; second: number; reasons: DuplicateReason[] }>();
  for (const row of rows) {
    const key = `${row.first}:${row.second}`;
    const entry = reasons.get(key) ?? { first: row.first, second: row.second, reasons: [] };
    entry.reasons.push(row.reason);
    reasons.set(key, entry);
  }
  const chosen = [...reasons.values()].slice(0, input.limit);
  const customers = loadCustomers(ctx, chosen.flatMap((p) => [p.first, p.second]));
  return {
    pairs: chosen.map((p) => ({ first: customers.get(p.first)!, second: customers.get(p.second)!, reasons: p.reasons })),
    // Every pair, not only those listed: a count capped at the limit would not move after a merge.
    total: reasons.size,
  };
}

/** The likely duplicates of one customer, for the notice on its detail screen. */
export function duplicatesOf(ctx: ServiceContext, customer: CustomerRow): (DuplicateCustomer & { reasons: DuplicateReason[] })[] {
  const rows = statement(
    ctx,
    `${WITH_ORDER_COUNT}
      WHERE c.id <> @id AND c.merged_into IS NULL
        AND ((@email <> '' AND c.email = @email COLLATE NOCASE) OR (@nameKey <> '' AND c.name_key = @nameKey AND c.country = @country))
        AND NOT EXISTS (SELECT 1 FROM customer_distinct_pairs d WHERE d.low_id = min(c.id, @id) AND d.high_id = max(c.id, @id))
      ORDER BY c.id`,
  ).all({ id: customer.id, email: customer.email, nameKey: customer.name_key, country: customer.country }) as CustomerWithCount[];
  return rows.map((row) => {
    const reasons: DuplicateReason[] = [];
    if (customer.email !== '' && row.email.toLowerCase() === customer.email.toLowerCase()) reasons.push('same_email');
    if (row.name_key === customer.name_key && row.country === customer.country) reasons.push('same_name_country');
    return { ...toDuplicateCustomer(row), reasons };
  });
}

export function markDistinct(ctx: WriteContext, input: { firstId: number; secondId: number }): { ok: true } {
  getCustomerRow(ctx, input.firstId);
  getCustomerRow(ctx, input.secondId);
  const low = Math.min(input.firstId, input.secondId);
  const high = Math.max(input.firstId, input.secondId);
  const inserted = statement(ctx, 'INSERT INTO customer_distinct_pairs (low_id, high_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(low, high, timestamp(ctx));
  if (inserted.changes > 0) {
    audit(ctx, 'customer', low, 'not_duplicate', null, { otherCustomerId: high });
    audit(ctx, 'customer', high, 'not_duplicate', null, { otherCustomerId: low });
  }
  return { ok: true as const };
}
