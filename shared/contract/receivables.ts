/** What is owed to the unit, per currency, by age; and the home dashboard built on it. */
import { z } from 'zod';
import { method } from './define';
import { enumOf, id, isoDate, wholeNumber } from './fields';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currencies';
import type { OrderSummary } from './types';
import type { BankSummary } from './bank';

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', 'over-90'] as const;
/** Days counted from the first invoice's date, or from the day the order was received while it has none (db/services/receivables/aging.ts). */
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export const AGING_BUCKET_LABELS: Record<AgingBucket, string> = { '0-30': '0–30 days', '31-60': '31–60 days', '61-90': '61–90 days', 'over-90': 'Over 90 days' };

export const AgingInput = z.object({
  asOf: isoDate('As of'),
  currency: enumOf('Currency', CURRENCY_CODES).optional(),
  customerId: id('Customer').optional(),
  /** How many customers to list per currency, largest amounts first. */
  customerLimit: wholeNumber('Customers to list', 0, 1000).default(20),
});

export interface AgingRow {
  currency: CurrencyCode;
  /** Outstanding per bucket, decimal strings in the currency. */
  buckets: Record<AgingBucket, string>;
  total: string;
  orders: number;
}

export interface CustomerAgingRow extends AgingRow {
  customerId: number | null;
  customerName: string;
}

export interface Aging {
  asOf: string;
  /** One row per currency with anything outstanding; currencies are never added together. */
  totals: AgingRow[];
  customers: CustomerAgingRow[];
}

export interface WaitingOrder extends OrderSummary {
  /** Days since the invoice (or since the order was received, without one). */
  daysWaiting: number;
}

export interface Dashboard {
  asOf: string;
  aging: Aging;
  /** Orders still owing, the longest waiting first. */
  waiting: WaitingOrder[];
  /** Orders holding money for the customer: cancelled with money kept (refund due), or overpaid (to pay back or move). */
  refundsDue: OrderSummary[];
  /** The latest bank statement import and the lines waiting for review (the Bank screen). */
  bank: BankSummary;
}

export const receivableMethods = {
  'receivables.aging': method<Aging>()(AgingInput),
  'dashboard.summary': method<Dashboard>()(z.object({ limit: wholeNumber('Rows', 1, 100).default(10) })),
};
