/**
 * Monthly order reports: one MonthlyReport value that the screen, every export and the PDF
 * are built from. Amounts are decimal strings in their own currency; currencies are never
 * added together except in `converted`, which says at which rates.
 *
 * A closed month's report is stored as it stood (value and files, with SHA-256s): reading or
 * exporting a closed month answers the stored value and bytes, and nothing can be dated in it.
 */
import { z } from 'zod';
import { method } from './define';
import { enumOf, isoDate, requiredText, wholeNumber } from './fields';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currencies';
import { daysBetween } from '../domain/calendar';
import { isDecimalString } from '../money/money';
import type { PaymentMethod, ReceivedVia } from '../domain/vocabulary';
import type { AgingBucket } from './receivables';
import type { ExportFile } from './transfer';

/** "YYYY-MM", a real month. */
export function monthText(label: string) {
  return z
    .string({ error: (i) => (i.input === undefined ? `${label} is required.` : `${label} must be a month written YYYY-MM.`) })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label} must be a month written YYYY-MM, e.g. 2026-11.` })
    .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { error: `${label} must be a month between 2000 and 2100.` });
}

/** One month, or any range of days (both ends included). */
export const ReportPeriodInput = z
  .object({
    month: monthText('Month').optional(),
    from: isoDate('From').optional(),
    to: isoDate('To').optional(),
  })
  .superRefine((p, ctx) => {
    if (p.month !== undefined) {
      if (p.from !== undefined || p.to !== undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: 'Give either a month or a range from … to, not both.' });
      return;
    }
    if (p.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'From is required (or give a month).' });
    if (p.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'To is required (or give a month).' });
    if (p.from !== undefined && p.to !== undefined) {
      if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must be on or after From.' });
      else if (daysBetween(p.from, p.to) > 400) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A report covers at most a year (about 400 days).' });
    }
  });

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportExportInput = z.intersection(
  ReportPeriodInput,
  z.object({
    format: enumOf('Format', REPORT_FORMATS),
    /** CSV only, as in the Data screen: Excel with Swiss/European regional settings expects semicolons. */
    delimiter: enumOf('CSV separator', ['comma', 'semicolon'] as const).optional(),
  }),
);

/** A rate as a positive decimal string: 1 unit of the currency = `rate` units of the reporting currency. */
const rate = (label: string) =>
  z
    .string({ error: `${label} must be written as text, e.g. "0.9412".` })
    .trim()
    .max(30, { error: `${label} is not a valid rate.` })
    .refine((v) => isDecimalString(v) && !/^0*(\.0*)?$/.test(v), { error: `${label} must be a positive number such as 0.9412.` });

export const SetRatesInput = z
  .object({
    month: monthText('Month'),
    reportingCurrency: enumOf('Reporting currency', CURRENCY_CODES),
    /** The other currencies' rates to the reporting currency; the reporting currency itself is 1 (may be left out). */
    rates: z.partialRecord(z.enum(CURRENCY_CODES, { error: 'Rates can only be given for CHF, EUR or USD.' }), rate('Rate'), { error: 'Rates must name a rate per currency.' }),
  })
  .superRefine((p, ctx) => {
    const own = p.rates[p.reportingCurrency];
    if (own !== undefined && !/^0*1(\.0*)?$/.test(own)) {
      ctx.addIssue({ code: 'custom', path: ['rates', p.reportingCurrency], message: `The rate of ${p.reportingCurrency} to itself is 1; leave it out or write 1.` });
    }
  });

export const CloseMonthInput = z.object({ month: monthText('Month') });
export const ReopenMonthInput = z.object({ month: monthText('Month'), reason: requiredText('Reason', 500, { multiline: true }) });
export const ClosedMonthsInput = z.object({ year: wholeNumber('Year', 2000, 2100).optional() });

export interface ReportPeriod {
  /** "YYYY-MM" when the period is one calendar month, else null. */
  month: string | null;
  from: string;
  to: string;
}

/** Every key of its vocabulary is listed, zero counts included, in the vocabulary's order. */
export interface CountRow<K extends string> {
  key: K;
  count: number;
}

export interface CancelledOrderRow {
  orderId: number;
  orderNumber: string;
  customerName: string;
  receivedOn: string;
  cancelledOn: string;
  currency: CurrencyCode;
  /** The order's total when it was cancelled. */
  amount: string;
  reason: string;
}

export interface OrdersReceivedSection {
  /** Orders received in the period (received_on inside it), cancelled ones included. */
  count: number;
  byChannel: CountRow<ReceivedVia>[];
  /** The method the customer ticked on the form; 'none' when left empty. */
  byPaymentMethod: CountRow<PaymentMethod | 'none'>[];
  /** Per currency: orders received and their amount (orders cancelled by the period's last day excluded from amount, included in count). */
  byCurrency: { currency: CurrencyCode; count: number; amount: string }[];
  /** Every day of the period, zero days included, for the orders-per-day chart. */
  perDay: { date: string; count: number }[];
  /** Orders cancelled in the period (cancelled_on inside it), with their reasons. */
  cancelled: CancelledOrderRow[];
}

export interface TitleRow {
  /** Null for free-text lines. */
  publicationId: number | null;
  title: string;
  isbn: string;
  currency: CurrencyCode;
  copies: number;
  amount: string;
}

export interface AmountsRow {
  currency: CurrencyCode;
  /** Orders received in the period and not cancelled by its last day (their lines' totals). */
  ordered: string;
  /** Invoices issued in the period (lines + shipping). */
  invoiced: string;
  invoices: number;
  /** Credit notes issued in the period. */
  credited: string;
  creditNotes: number;
}

/**
 * Reversals count on the day of the reversal row, not of the row they undo: a movement in a
 * closed month stays in it, and its reversal lowers the month it is dated in (possibly to a
 * negative amount). So every period's figures are fixed once its days are past.
 */
export interface MoneyByMethodRow {
  currency: CurrencyCode;
  method: PaymentMethod;
  /** Movements dated in the period (reversal rows not counted). */
  count: number;
  /** Reversal rows dated in the period. */
  reversals: number;
  /** Movements dated in the period less reversals dated in it. */
  amount: string;
}

export interface MoneyTotalsRow {
  currency: CurrencyCode;
  /** Payments dated in the period less payment reversals dated in the period (see MoneyByMethodRow). */
  received: string;
  /** Refunds dated in the period less refund reversals dated in it. */
  refunded: string;
  /** fees_deducted of bank transfers dated in the period (the fees stay with the bank when a transfer is reversed). */
  bankFees: string;
  /** Write-offs dated in the period less write-off reversals dated in it. */
  writtenOff: string;
  /** received − refunded. */
  net: string;
}

export interface MoneySection {
  byMethod: MoneyByMethodRow[];
  refunds: MoneyByMethodRow[];
  /** count/reversals/amount as in MoneyByMethodRow; reasons of the write-offs dated in the period, distinct, sorted. */
  writeOffs: { currency: CurrencyCode; count: number; reversals: number; amount: string; reasons: string[] }[];
  totals: MoneyTotalsRow[];
}

export interface OutstandingRow {
  currency: CurrencyCode;
  buckets: Record<AgingBucket, string>;
  total: string;
  orders: number;
}

export interface OutstandingSection {
  /** The period's last day: aging as it stood at the end of it. */
  asOf: string;
  rows: OutstandingRow[];
}

export interface TopCustomerRow {
  currency: CurrencyCode;
  customerId: number | null;
  customerName: string;
  /** ISO code: the customer's country in the directory. */
  country: string;
  countryName: string;
  orders: number;
  amount: string;
}

export interface TopCountryRow {
  currency: CurrencyCode;
  /** ISO code. */
  country: string;
  countryName: string;
  orders: number;
  amount: string;
}

export interface ExchangeRates {
  reportingCurrency: CurrencyCode;
  /** Every currency's rate to the reporting currency (the reporting currency's own is "1"). */
  rates: Partial<Record<CurrencyCode, string>>;
  setBy: string;
  setAt: string;
}

/** Per-currency totals converted at the month's rates: a convenience figure, never the books. */
export interface ConvertedTotals {
  reportingCurrency: CurrencyCode;
  ordered: string;
  invoiced: string;
  credited: string;
  received: string;
  refunded: string;
  bankFees: string;
  writtenOff: string;
  outstanding: string;
  /** Currencies with amounts but no rate: then the converted totals leave them out and say so. */
  missingRates: CurrencyCode[];
}

/**
 * What the stored value of a closed month carries about its closing. It is part of the value
 * the files are rendered from and the value's hash is taken over, so it cannot hold the hashes.
 */
export interface ReportClosingStamp {
  month: string;
  closedAt: string;
  closedBy: string;
  /** 1 for the first closing; each closing after a reopening stores anew with the next number. */
  version: number;
}

export interface MonthClosing extends ReportClosingStamp {
  /** SHA-256 (hex) of the stored report value (its exact JSON text, UTF-8), and of the stored files. */
  sha256: { value: string; pdf: string; xlsx: string };
}

export interface MonthlyReport {
  period: ReportPeriod;
  generatedAt: string;
  /** Set when the month is closed: the value is then the one stored at closing, and generatedAt = closedAt. */
  closing: ReportClosingStamp | null;
  /** Currencies that have any figure in the report, in CURRENCY_CODES order. */
  currencies: CurrencyCode[];
  orders: OrdersReceivedSection;
  /** Per title and currency, most copies first. */
  titles: TitleRow[];
  amounts: AmountsRow[];
  money: MoneySection;
  outstanding: OutstandingSection;
  /** Per currency, at most 10 each, largest amount first (orders received, not cancelled by the period's last day). */
  topCustomers: TopCustomerRow[];
  topCountries: TopCountryRow[];
  /** Only for a single month that has rates. */
  rates: ExchangeRates | null;
  converted: ConvertedTotals | null;
}

/** One row per closing (latest first); earlier closings of a reopened month stay listed. */
export interface ClosedMonthRow extends MonthClosing {
  /** Set when this closing was undone: the reopening that undid it. */
  reopened: { at: string; by: string; reason: string } | null;
}

export const reportMethods = {
  'reports.monthly': method<MonthlyReport>()(ReportPeriodInput),
  'reports.export': method<ExportFile & { sha256: string }>()(ReportExportInput),
  'reports.setRates': method<{ rates: ExchangeRates }>()(SetRatesInput),
  'reports.closeMonth': method<{ closing: MonthClosing; report: MonthlyReport }>()(CloseMonthInput),
  'reports.reopenMonth': method<{ month: string }>()(ReopenMonthInput),
  'reports.closedMonths': method<{ rows: ClosedMonthRow[] }>()(ClosedMonthsInput),
};
