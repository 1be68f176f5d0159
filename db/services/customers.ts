import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { CustomerInput } from '../../shared/contract/customers';
import type { Customer, CustomerDetails } from '../../shared/contract/types';
import { foldForMatch } from '../../shared/domain/text';
import { timestamp, type ServiceContext } from '../context';
import { audit } from './audit';

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

export function getCustomer(ctx: ServiceContext, id: number): { customer: Customer } {
  const row = ctx.db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  if (!row) throw new DomainError('not_found', `Customer ${id} does not exist.`, 'id');
  return { customer: toCustomer(row) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Matches any word of name (accents ignored), e-mail, city or country code. */
export function searchCustomers(ctx: ServiceContext, input: { query: string; limit: number }): { customers: Customer[] } {
  const words = foldForMatch(input.query).split(' ').filter(Boolean);
  const conditions = words.map(
    (_, i) => `(name_key LIKE @w${i} ESCAPE '\\' OR email LIKE @w${i} ESCAPE '\\' OR city LIKE @w${i} ESCAPE '\\' OR country = upper(@c${i}))`,
  );
  const params: Record<string, string | number> = { limit: input.limit };
  words.forEach((w, i) => {
    params[`w${i}`] = `%${escapeLike(w)}%`;
    params[`c${i}`] = w;
  });
  const where = ['merged_into IS NULL', ...conditions].join(' AND ');
  const rows = ctx.db.prepare(`SELECT * FROM customers WHERE ${where} ORDER BY name COLLATE NOCASE LIMIT @limit`).all(params) as CustomerRow[];
  return { customers: rows.map(toCustomer) };
}

function insertCustomer(ctx: ServiceContext, details: CustomerDetails, notes: string): number {
  const now = timestamp(ctx);
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO customers (name, address, country, city, postal_code, phone, email, notes, name_key, created_at, updated_at)
         VALUES (@name, @address, @country, @city, @postalCode, @phone, @email, @notes, @nameKey, @now, @now)`,
      )
      .run({ ...details, notes, nameKey: foldForMatch(details.name), now }).lastInsertRowid,
  );
}

export function saveCustomer(ctx: ServiceContext, input: z.output<typeof CustomerInput>): { customer: Customer } {
  return ctx.db.transaction(() => {
    const { id, notes, ...details } = input;
    if (id === undefined) {
      const newId = insertCustomer(ctx, details, notes);
      const after = getCustomer(ctx, newId).customer;
      audit(ctx, 'customer', newId, 'create', null, after);
      return { customer: after };
    }
    const before = getCustomer(ctx, id).customer;
    ctx.db
      .prepare(
        `UPDATE customers SET name = @name, address = @address, country = @country, city = @city, postal_code = @postalCode,
         phone = @phone, email = @email, notes = @notes, name_key = @nameKey, updated_at = @now WHERE id = @id`,
      )
      .run({ ...details, notes, nameKey: foldForMatch(details.name), now: timestamp(ctx), id });
    const after = getCustomer(ctx, id).customer;
    audit(ctx, 'customer', id, 'update', before, after);
    return { customer: after };
  })();
}

/**
 * The customer an incoming order belongs to: the one the clerk picked, else the one
 * with the same e-mail, else a new directory entry. Call inside the order's transaction.
 */
export function resolveOrderCustomer(ctx: ServiceContext, pickedId: number | null | undefined, details: CustomerDetails): number {
  if (pickedId != null) {
    const exists = ctx.db.prepare('SELECT id FROM customers WHERE id = ?').get(pickedId);
    if (!exists) throw new DomainError('not_found', `Customer ${pickedId} does not exist.`, 'customerId');
    return pickedId;
  }
  if (details.email !== '') {
    const match = ctx.db
      .prepare('SELECT id FROM customers WHERE email = ? COLLATE NOCASE AND merged_into IS NULL ORDER BY id LIMIT 1')
      .get(details.email) as { id: number } | undefined;
    if (match) return match.id;
  }
  const id = insertCustomer(ctx, details, '');
  audit(ctx, 'customer', id, 'create', null, getCustomer(ctx, id).customer);
  return id;
}
