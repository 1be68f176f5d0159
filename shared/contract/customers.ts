import { z } from 'zod';
import { method } from './define';
import type { Reminder } from './reminders';
import { countryCode, id, optionalEmail, optionalText, requiredText, versionStamp } from './fields';
import type { CurrencyCode } from '../money/currencies';
import type { AuditEntry, Customer, OrderSummary } from './types';

/** The customer block of the paper order form. Trimmed; blank optional fields become "". */
export const CustomerDetailsInput = z.object({
  name: requiredText('Name', 200),
  address: optionalText('Address', 500, { multiline: true }),
  country: countryCode('Country'),
  city: optionalText('City', 120),
  postalCode: optionalText('Zip code', 20),
  phone: optionalText('Tel.', 60),
  email: optionalEmail('E-mail'),
});

export const CustomerInput = CustomerDetailsInput.extend({
  id: id('Customer').optional(),
  notes: optionalText('Notes', 5000, { multiline: true }),
  /** The updatedAt the clerk's screen was showing; a newer one means someone else saved in between. */
  expectedUpdatedAt: versionStamp(),
});

export const CustomerSearchInput = z.object({
  query: optionalText('Search', 200),
  limit: z.number({ error: 'Limit must be a number.' }).int().min(1).max(200).default(20),
  offset: z.number({ error: 'Offset must be a number.' }).int().min(0).default(0),
});

export const CustomerOrdersInput = z.object({
  id: id('Customer'),
  limit: z.number({ error: 'Limit must be a number.' }).int().min(1).max(500).default(50),
  offset: z.number({ error: 'Offset must be a number.' }).int().min(0).default(0),
});

export const MergeInput = z
  .object({
    /** The record that stays: it receives the other's orders (and so their payments). */
    keepId: id('Customer to keep'),
    /** The record that disappears from the directory, marked as merged into the kept one. */
    mergeId: id('Customer to merge'),
  })
  .refine((v) => v.keepId !== v.mergeId, { error: 'Pick two different customers to merge.', path: ['mergeId'] });

/** What one customer owes in one currency: what the orders owe minus payments received. */
export interface CustomerBalance {
  currency: CurrencyCode;
  /** What the orders owe before any money moved: nothing for a cancelled one, an invoiced one's invoices less its credit notes. */
  ordered: string;
  /** Reminder fees booked on the orders and not waived: owed besides what was ordered, and in `balance`. */
  fees: string;
  paid: string;
  /** Positive: the customer owes this; negative: paid more than ordered. */
  balance: string;
  orderCount: number;
}

/** The number of customers in one country (ISO alpha-2 code). */
export interface CountryCount {
  code: string;
  customers: number;
}

export type DuplicateReason = 'same_email' | 'same_name_country';

export interface DuplicateCustomer extends Customer {
  orderCount: number;
}

/** Two directory entries that are probably the same person or organisation. */
export interface DuplicatePair {
  first: DuplicateCustomer;
  second: DuplicateCustomer;
  reasons: DuplicateReason[];
}

export interface CustomerProfile {
  customer: Customer;
  /** Set when this record was merged into another; the screen points there. */
  mergedInto: { id: number; name: string } | null;
  balances: CustomerBalance[];
  orderCount: number;
  possibleDuplicates: (DuplicateCustomer & { reasons: DuplicateReason[] })[];
  /** Who created, changed or merged this record, oldest first. */
  history: AuditEntry<'customer'>[];
  /** Every payment reminder sent for the customer's invoices, newest first. */
  reminders: Reminder[];
}

export const customerMethods = {
  /** Directory search: any word of name, e-mail, city or country (name or code), accents and case ignored; merged records never appear. */
  'customers.search': method<{ customers: Customer[]; total: number }>()(CustomerSearchInput),
  'customers.get': method<{ customer: Customer }>()(z.object({ id: id('Customer') })),
  'customers.save': method<{ customer: Customer }>()(CustomerInput),
  /** Detail screen: the record, its balances per currency and likely duplicates. */
  'customers.profile': method<CustomerProfile>()(z.object({ id: id('Customer') })),
  /** The customer's orders, newest first. */
  'customers.orders': method<{ rows: OrderSummary[]; total: number }>()(CustomerOrdersInput),
  /** The most recent `limit` pairs, and how many pairs there are in all (what the Customers screen counts). */
  'customers.duplicates': method<{ pairs: DuplicatePair[]; total: number }>()(
    z.object({ limit: z.number({ error: 'Limit must be a number.' }).int().min(1).max(500).default(200) }),
  ),
  'customers.merge': method<{ customer: Customer; movedOrders: number }>()(MergeInput),
  /** The clerk checked a suggested pair and they are different customers: stop suggesting it. */
  /** How many directory customers (merged records aside) live in each country, most first: the country suggestions put the common ones first. */
  'customers.countries': method<{ countries: CountryCount[] }>()(z.object({})),
  'customers.markDistinct': method<{ ok: true }>()(
    z
      .object({ firstId: id('Customer'), secondId: id('Other customer') })
      .refine((v) => v.firstId !== v.secondId, { error: 'Pick two different customers.', path: ['secondId'] }),
  ),
};
