import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { CountryCount, CustomerInput, CustomerSearchInput } from '../../shared/contract/customers';
import type { Customer, CustomerDetails } from '../../shared/contract/types';
import { foldForMatch } from '../../shared/domain/text';
import { timestamp, type ServiceContext, type WriteContext } from '../context';
import { audit } from './audit';
import { statement } from '../statements';

export interface CustomerRow {
  id: number;
  name: string;
  address: string;
  country: string;
  city: string;
  postal_code: string;
  phone: string;
  email: string;
  notes: string;
  name_key: string;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    country: r.country,
    city: r.city,
    postalCode: r.postal_code,
    phone: r.phone,
    email: r.email,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCustomerRow(ctx: ServiceContext, id: number): CustomerRow {
  const row = statement(ctx, 'SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  if (!row) throw new DomainError('not_found', `Customer ${id} does not exist.`, 'id');
  return row;
}

export function getCustomer(ctx: ServiceContext, id: number): { customer: Customer } {
  return { customer: toCustomer(getCustomerRow(ctx, id)) };
}

// Clerks in Geneva type country names in English or French ("Switzerland", "Suisse").
const COUNTRY_NAMES = ['en', 'fr'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }));

/** Everything the directory search looks in, folded so accents and case never matter. */
export function customerSearchKey(details: Pick<CustomerDetails, 'name' | 'email' | 'city' | 'postalCode' | 'country'>): string {
  const countryNames = COUNTRY_NAMES.map((names) => names.of(details.country) ?? '');
  return foldForMatch([details.name, details.email, details.city, details.postalCode, ...countryNames].join(' '));
}

const withSearchKeyFunction = new WeakSet<object>();

/**
 * Rows written before the search key existed, or by code that bypassed this service, have
 * none; the search folds theirs as it reads (a search writes nothing), so it never silently
 * misses a customer. SQLite calls the function only for those rows.
 */
function searchKeyOf(ctx: ServiceContext): string {
  if (!withSearchKeyFunction.has(ctx.db)) {
    ctx.db.function('customer_search_key', { deterministic: true }, (name, email, city, postalCode, country) =>
      customerSearchKey({ name: String(name), email: String(email), city: String(city), postalCode: String(postalCode), country: String(country) }),
    );
    withSearchKeyFunction.add(ctx.db);
  }
  return 'coalesce(search_key, customer_search_key(name, email, city, postal_code, country))';
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Every word must match the name, e-mail, city, zip code or country (name or ISO code),
 * accents and case ignored. Merged records never appear.
 */
export function searchCustomers(
  ctx: ServiceContext,
  input: Omit<z.output<typeof CustomerSearchInput>, 'offset'> & { offset?: number },
): { customers: Customer[]; total: number } {
  const searchKey = searchKeyOf(ctx);
  const words = foldForMatch(input.query).split(' ').filter(Boolean);
  // One SQL text per number of words typed (the query's length bounds it), so the statement cache stays small.
  const conditions = words.map((_, i) => `(${searchKey} LIKE @w${i} ESCAPE '\\' OR country = upper(@c${i}))`);
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset ?? 0 };
  words.forEach((w, i) => {
    params[`w${i}`] = `%${escapeLike(w)}%`;
    params[`c${i}`] = w;
  });
  const where = ['merged_into IS NULL', ...conditions].join(' AND ');
  const rows = statement(ctx, `SELECT * FROM customers WHERE ${where} ORDER BY name COLLATE NOCASE, id LIMIT @limit OFFSET @offset`).all(params) as CustomerRow[];
  const { n } = statement(ctx, `SELECT count(*) AS n FROM customers WHERE ${where}`).get(params) as { n: number };
  return { customers: rows.map(toCustomer), total: n };
}

/** Customers per country, most first (ties by code), for ranking the country suggestions. */
export function customerCountries(ctx: ServiceContext): { countries: CountryCount[] } {
  const rows = statement(
    ctx,
    "SELECT country AS code, count(*) AS customers FROM customers WHERE merged_into IS NULL AND country <> '' GROUP BY country ORDER BY customers DESC, country",
  ).all() as CountryCount[];
  return { countries: rows };
}

function insertCustomer(ctx: WriteContext, details: CustomerDetails, notes: string): number {
  const now = timestamp(ctx);
  return Number(
    statement(ctx,
        `INSERT INTO customers (name, address, country, city, postal_code, phone, email, notes, name_key, search_key, created_at, updated_at)
         VALUES (@name, @address, @country, @city, @postalCode, @phone, @email, @notes, @nameKey, @searchKey, @now, @now)`,
      )
      .run({ ...details, notes, nameKey: foldForMatch(details.name), searchKey: customerSearchKey(details), now }).lastInsertRowid,
  );
}

export function saveCustomer(ctx: WriteContext, input: z.output<typeof CustomerInput>): { customer: Customer } {
  const { id, notes, expectedUpdatedAt, ...details } = input;
  if (id === undefined) {
    const newId = insertCustomer(ctx, details, notes);
    const after = getCustomer(ctx, newId).customer;
    audit(ctx, 'customer', newId, 'create', null, after);
    return { customer: after };
  }
  const beforeRow = getCustomerRow(ctx, id);
  if (beforeRow.merged_into !== null) {
    throw new DomainError('conflict', 'This customer was merged into another record; edit that one instead.', 'id');
  }
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== beforeRow.updated_at) {
    throw new DomainError('conflict', 'Someone else changed this customer after you opened it. Reload to see their changes, then make yours again.', 'id');
  }
  const before = toCustomer(beforeRow);
  statement(ctx,
      `UPDATE customers SET name = @name, address = @address, country = @country, city = @city, postal_code = @postalCode,
       phone = @phone, email = @email, notes = @notes, name_key = @nameKey, search_key = @searchKey, updated_at = @now WHERE id = @id`,
    )
    .run({ ...details, notes, nameKey: foldForMatch(details.name), searchKey: customerSearchKey(details), now: timestamp(ctx), id });
  const after = getCustomer(ctx, id).customer;
  audit(ctx, 'customer', id, 'update', before, after);
  return { customer: after };
}

/** Follows merges to the record that is still in the directory. */
export function liveCustomerId(ctx: ServiceContext, id: number): number | null {
  const find = statement(ctx, 'SELECT id, merged_into FROM customers WHERE id = ?');
  let current = id;
  // A merge chain is short; the bound only guards against a corrupted cycle.
  for (let hops = 0; hops < 50; hops += 1) {
    const row = find.get(current) as { id: number; merged_into: number | null } | undefined;
    if (!row) return null;
    if (row.merged_into === null) return row.id;
    current = row.merged_into;
  }
  return null;
}

/**
 * The customer an incoming order belongs to: the one the clerk picked (or the record it
 * was merged into), else the one with the same e-mail, else a new directory entry.
 */
export function resolveOrderCustomer(ctx: WriteContext, pickedId: number | null | undefined, details: CustomerDetails): number {
  if (pickedId != null) {
    const live = liveCustomerId(ctx, pickedId);
    if (live === null) throw new DomainError('not_found', `Customer ${pickedId} does not exist.`, 'customerId');
    return live;
  }
  if (details.email !== '') {
    const match = statement(ctx, 'SELECT id FROM customers WHERE email = ? COLLATE NOCASE AND merged_into IS NULL ORDER BY id LIMIT 1')
      .get(details.email) as { id: number } | undefined;
    if (match) return match.id;
  }
  const id = insertCustomer(ctx, details, '');
  audit(ctx, 'customer', id, 'create', null, getCustomer(ctx, id).customer);
  return id;
}
