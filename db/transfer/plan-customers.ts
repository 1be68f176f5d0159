/**
 * Customers import: a row updates the customer with its ID, else the one with its
 * e-mail address, else adds a new customer. Columns left unmapped keep their values.
 */
import { CustomerInput } from '../../shared/contract/customers';
import type { Customer } from '../../shared/contract/types';
import { countryCodeFor } from './countries';
import { schemaProblems, type PlannedRow, type RowCells } from './plan-common';

export class CustomerIndex {
  readonly byId = new Map<number, Customer>();
  private readonly byEmail = new Map<string, Customer>();

  constructor(customers: Customer[]) {
    for (const c of customers) {
      this.byId.set(c.id, c);
      const email = c.email.toLowerCase();
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, c);
    }
  }

  email(text: string): Customer | undefined {
    return text ? this.byEmail.get(text.toLowerCase()) : undefined;
  }
}

export interface CustomerSeen {
  ids: Map<number, number>;
  emails: Map<string, number>;
}

/** "1211 Geneva 19" → zip 1211, city "Geneva 19"; "London SW1A 1AA" → city London, zip "SW1A 1AA". */
export function splitCityZip(text: string): { city: string; postalCode: string } {
  const t = text.trim();
  const zipFirst = /^((?:[A-Z]{1,3}-)?\d[\d\s-]{2,9})\s+(\D.*)$/i.exec(t);
  if (zipFirst) return { postalCode: zipFirst[1]!.trim(), city: zipFirst[2]!.trim() };
  const zipLast = /^(.*?\D)[,\s]+([A-Z0-9]{2,4}\s?[A-Z0-9]{3}|\d{3,10}(?:-\d{3,4})?)$/i.exec(t);
  if (zipLast && /\d/.test(zipLast[2]!)) return { city: zipLast[1]!.replace(/,$/, '').trim(), postalCode: zipLast[2]!.trim() };
  return { city: t, postalCode: '' };
}

export function planCustomerRow(index: CustomerIndex, row: number, cells: RowCells, seen: CustomerSeen): PlannedRow {
  const problems: string[] = [];
  let existing: Customer | undefined;
  const idText = cells('id') ?? '';
  if (idText !== '') {
    existing = /^\d+$/.test(idText) ? index.byId.get(Number(idText)) : undefined;
    if (!existing) problems.push(`ID ${idText} is not a customer in this directory. Leave ID empty to add the customer as new.`);
  } else {
    existing = index.email(cells('email') ?? '');
  }

  const raw: Record<string, unknown> = existing
    ? { id: existing.id, name: existing.name, address: existing.address, country: existing.country, city: existing.city, postalCode: existing.postalCode, phone: existing.phone, email: existing.email, notes: existing.notes }
    : {};
  const cityZip = cells('cityZip');
  if (cityZip !== undefined && cells('city') === undefined && cells('postalCode') === undefined) Object.assign(raw, splitCityZip(cityZip));
  for (const key of ['name', 'address', 'city', 'postalCode', 'phone', 'email', 'notes']) {
    const v = cells(key);
    if (v !== undefined) raw[key] = v;
  }
  const country = cells('country');
  if (country !== undefined) raw.country = countryCodeFor(country);

  const parsed = CustomerInput.safeParse(raw);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error));
  else {
    if (existing) {
      const earlier = seen.ids.get(existing.id);
      if (earlier !== undefined) problems.push(`This is the same customer as row ${earlier} (${existing.name}).`);
      else seen.ids.set(existing.id, row);
    }
    const email = parsed.data.email.toLowerCase();
    const earlier = email ? seen.emails.get(email) : undefined;
    if (earlier !== undefined) problems.push(`E-mail ${parsed.data.email} is also on row ${earlier}; list each customer once.`);
    else if (email) seen.emails.set(email, row);
  }

  const data = parsed.success ? parsed.data : undefined;
  const values: Record<string, string> = { id: existing ? String(existing.id) : '' };
  for (const key of ['name', 'address', 'country', 'city', 'postalCode', 'phone', 'email', 'notes'] as const) values[key] = String(data ? data[key] : (raw[key] ?? ''));

  const planned: PlannedRow = { row, action: existing ? 'update' : 'create', values, problems, ...(existing ? { matches: existing.name } : {}) };
  if (data && problems.length === 0) planned.write = { kind: 'customer', customer: data };
  return planned;
}
