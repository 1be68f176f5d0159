/**
 * The monthly report's layout, written once: its sections, their tables, every column's label
 * and kind of value, in order. The Reports screen, the PDF, the CSV and the workbook all render
 * what layReport answers, so a new figure is one column (or one table) added here, and the four
 * cannot drift apart. Charts are drawn beside the tables by each output and read the same
 * figures (CURRENCY_FIGURES, methodLabel).
 *
 * Built from the MonthlyReport value alone, with no database: the render worker and the browser
 * lay the report out the same way. Amounts stay in their own currency beside a Currency column;
 * only the converted totals add currencies, and say at which rates.
 */
import type { CurrencyCode } from '../money/currencies';
import { CURRENCY_CODES } from '../money/currencies';
import type { ExchangeRates, MonthlyReport } from '../contract/reports';
import { AGING_BUCKETS, AGING_BUCKET_LABELS } from '../contract/receivables';
import { plural } from '../domain/plural';
import { PAYMENT_METHOD_LABELS, RECEIVED_VIA_LABELS, type PaymentMethod, type ReceivedVia } from '../domain/vocabulary';
import type { DateDisplay } from '../format/dates';
import { laySections, table, type LaidSection, type LaidTable, type SectionSpec } from './report-cells';

export const channelLabel = (key: ReceivedVia): string => RECEIVED_VIA_LABELS[key] ?? key;

/** The method a customer ticked on the order form, or that none was. */
export const methodLabel = (key: PaymentMethod | 'none'): string => (key === 'none' ? 'Not given' : (PAYMENT_METHOD_LABELS[key] ?? key));

/** Rank within each currency, as the report lists them (largest first). */
export function ranked<T extends { currency: string }>(rows: readonly T[]): (T & { rank: number })[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const rank = (seen.get(row.currency) ?? 0) + 1;
    seen.set(row.currency, rank);
    return { ...row, rank };
  });
}

/** The rates as a clerk reads them, "EUR 1 = CHF 0.94, USD 1 = CHF 0.88": each other currency's unit in the reporting currency. */
export function ratesText(rates: ExchangeRates): string {
  const to = rates.reportingCurrency;
  const parts = CURRENCY_CODES.filter((c): c is CurrencyCode => c !== to && rates.rates[c] !== undefined).map((c) => `${c} 1 = ${to} ${rates.rates[c]}`);
  return parts.length > 0 ? parts.join(', ') : `only ${to}`;
}

export type CurrencyFigure = 'ordered' | 'invoiced' | 'credited' | 'received' | 'refunded' | 'bankFees' | 'writtenOff' | 'outstanding';

/** The report's totals of one currency, by name: the converted totals, the PDF's summary and the charts all show these. */
export const CURRENCY_FIGURES: readonly { key: CurrencyFigure; label: string; of(report: MonthlyReport, currency: CurrencyCode): string }[] = [
  { key: 'ordered', label: 'Ordered', of: (r, c) => r.amounts.find((a) => a.currency === c)?.ordered ?? '0' },
  { key: 'invoiced', label: 'Invoiced', of: (r, c) => r.amounts.find((a) => a.currency === c)?.invoiced ?? '0' },
  { key: 'credited', label: 'Credited', of: (r, c) => r.amounts.find((a) => a.currency === c)?.credited ?? '0' },
  { key: 'received', label: 'Received', of: (r, c) => r.money.totals.find((m) => m.currency === c)?.received ?? '0' },
  { key: 'refunded', label: 'Refunded', of: (r, c) => r.money.totals.find((m) => m.currency === c)?.refunded ?? '0' },
  { key: 'bankFees', label: 'Bank fees', of: (r, c) => r.money.totals.find((m) => m.currency === c)?.bankFees ?? '0' },
  { key: 'writtenOff', label: 'Written off', of: (r, c) => r.money.totals.find((m) => m.currency === c)?.writtenOff ?? '0' },
  { key: 'outstanding', label: 'Outstanding', of: (r, c) => r.outstanding.rows.find((o) => o.currency === c)?.total ?? '0' },
];

export function currencyFigure(key: CurrencyFigure) {
  return CURRENCY_FIGURES.find((f) => f.key === key)!;
}

const REPORT: readonly SectionSpec[] = [
  {
    id: 'orders',
    title: 'Orders received',
    intro: (r) => `${plural(r.orders.count, 'order', 'orders')} received${r.orders.cancelled.length > 0 ? `, ${plural(r.orders.cancelled.length, 'order', 'orders')} cancelled in the period` : ''}.`,
    tables: [
      table({
        id: 'orders-by-channel',
        sheet: 'Orders by channel',
        title: 'Orders by channel',
        empty: 'No orders.',
        placement: 'narrow',
        rows: (r) => r.orders.byChannel,
        columns: (c) => [c.text('Channel', (x) => channelLabel(x.key)), c.count('Orders', (x) => x.count)],
      }),
      table({
        id: 'orders-by-method',
        sheet: 'Orders by payment method',
        title: 'Orders by payment method intended',
        empty: 'No orders.',
        placement: 'narrow',
        rows: (r) => r.orders.byPaymentMethod,
        columns: (c) => [c.text('Payment method', (x) => methodLabel(x.key)), c.count('Orders', (x) => x.count)],
      }),
      table({
        id: 'orders-by-currency',
        sheet: 'Orders per currency',
        title: 'Orders per currency (amounts without cancelled orders)',
        empty: 'No orders.',
        placement: 'narrow',
        rows: (r) => r.orders.byCurrency,
        columns: (c) => [c.currency(), c.count('Orders', (x) => x.count), c.money('Amount', (x) => x.amount)],
      }),
      table({
        id: 'orders-per-day',
        sheet: 'Orders per day',
        title: 'Orders received per day',
        empty: 'No days in the period.',
        placement: 'chart',
        rows: (r) => r.orders.perDay,
        columns: (c) => [c.date('Date', (x) => x.date), c.count('Orders', (x) => x.count)],
      }),
      table({
        id: 'orders-cancelled',
        sheet: 'Cancelled orders',
        title: 'Orders cancelled in the period, with their reasons',
        empty: 'No order was cancelled in the period.',
        longList: 'cancelled orders (earliest first)',
        rows: (r) => r.orders.cancelled,
        columns: (c) => [
          c.text('Order', (x) => x.orderNumber, { keepWhole: true, weight: 1.3 }),
          c.text('Customer', (x) => x.customerName, { weight: 2 }),
          c.date('Received', (x) => x.receivedOn),
          c.date('Cancelled', (x) => x.cancelledOn),
          c.currency(),
          c.money('Amount', (x) => x.amount),
          c.text('Reason', (x) => x.reason, { weight: 2.2 }),
        ],
      }),
    ],
  },
  {
    id: 'titles',
    title: 'Titles',
    tables: [
      table({
        id: 'titles',
        sheet: 'Titles',
        title: 'Copies and amounts per title and currency, most copies first',
        empty: 'No titles ordered in the period.',
        longList: 'titles (most copies first)',
        rows: (r) => r.titles,
        columns: (c) => [c.text('Title', (x) => x.title, { weight: 4 }), c.text('ISBN', (x) => x.isbn, { keepWhole: true, weight: 1.6 }), c.currency(), c.count('Copies', (x) => x.copies), c.money('Amount', (x) => x.amount)],
      }),
    ],
  },
  {
    id: 'amounts',
    title: 'Amounts ordered, invoiced and credited',
    intro: () => 'Orders received in the period and not cancelled by its last day; invoices and credit notes issued in the period.',
    tables: [
      table({
        id: 'amounts',
        sheet: 'Ordered invoiced credited',
        title: 'Amounts ordered, invoiced and credited per currency',
        empty: 'Nothing ordered, invoiced or credited in the period.',
        rows: (r) => r.amounts,
        columns: (c) => [c.currency(), c.money('Ordered', (x) => x.ordered), c.money('Invoiced', (x) => x.invoiced), c.count('Invoices', (x) => x.invoices), c.money('Credited', (x) => x.credited), c.count('Credit notes', (x) => x.creditNotes)],
      }),
    ],
  },
  {
    id: 'money',
    title: 'Money received, refunds, fees and write-offs',
    intro: () => 'Every movement counts on its own date and a reversal on the day it was made, less what it undoes; net received is money received less refunds.',
    tables: [
      table({
        id: 'money-totals',
        sheet: 'Money',
        title: 'Money received, refunded and written off per currency',
        empty: 'No money received, refunded or written off in the period.',
        rows: (r) => r.money.totals,
        columns: (c) => [c.currency(), c.money('Received', (x) => x.received), c.money('Refunded', (x) => x.refunded), c.money('Net received', (x) => x.net), c.money('Bank fees', (x) => x.bankFees), c.money('Written off', (x) => x.writtenOff)],
      }),
      table({
        id: 'money-by-method',
        sheet: 'Received by method',
        title: 'Money received per method',
        empty: 'No payment received in the period.',
        placement: 'wide',
        rows: (r) => r.money.byMethod,
        columns: (c) => [c.currency(), c.text('Method', (x) => methodLabel(x.method)), c.count('Payments', (x) => x.count), c.count('Reversals', (x) => x.reversals), c.money('Amount', (x) => x.amount)],
      }),
      table({
        id: 'money-refunds',
        sheet: 'Refunds by method',
        title: 'Refunds paid per method',
        empty: 'No refund paid in the period.',
        placement: 'wide',
        rows: (r) => r.money.refunds,
        columns: (c) => [c.currency(), c.text('Method', (x) => methodLabel(x.method)), c.count('Refunds', (x) => x.count), c.count('Reversals', (x) => x.reversals), c.money('Amount', (x) => x.amount)],
      }),
      table({
        id: 'money-write-offs',
        sheet: 'Write-offs',
        title: 'Write-offs, with their reasons',
        empty: 'Nothing written off in the period.',
        placement: 'wide',
        rows: (r) => r.money.writeOffs,
        columns: (c) => [c.currency(), c.count('Write-offs', (x) => x.count), c.count('Reversals', (x) => x.reversals), c.money('Amount', (x) => x.amount), c.text('Reasons', (x) => x.reasons.join('; '), { weight: 4 })],
      }),
    ],
  },
  {
    id: 'outstanding',
    title: (r, d) => `Outstanding on ${d.longDate(r.outstanding.asOf)}`,
    intro: () => 'What customers owed at the end of the period, by the age of the invoice (or of the order while it has none).',
    tables: [
      table({
        id: 'outstanding',
        sheet: 'Outstanding',
        title: (r, d) => `Outstanding on ${d.longDate(r.outstanding.asOf)} per currency, by age`,
        empty: (r, d) => `Nothing was owed to the unit on ${d.longDate(r.outstanding.asOf)}.`,
        rows: (r) => r.outstanding.rows,
        columns: (c) => [c.currency(), ...AGING_BUCKETS.map((b) => c.money(AGING_BUCKET_LABELS[b], (x) => x.buckets[b])), c.money('Total', (x) => x.total, { strong: true }), c.count('Orders', (x) => x.orders)],
      }),
    ],
  },
  {
    id: 'top',
    title: 'Top customers and countries',
    intro: () => 'By amount ordered (orders received and not cancelled), per currency, largest first.',
    tables: [
      table({
        id: 'top-customers',
        sheet: 'Top customers',
        title: 'Top customers by amount ordered, per currency',
        empty: 'No orders in the period.',
        rows: (r) => ranked(r.topCustomers),
        columns: (c) => [
          c.currency(),
          c.count('Rank', (x) => x.rank),
          c.text('Customer', (x) => x.customerName || 'No customer record', { weight: 3, country: (x) => x.country }),
          c.text('Country', (x) => x.countryName || x.country, { weight: 1.5 }),
          c.count('Orders', (x) => x.orders),
          c.money('Amount', (x) => x.amount),
        ],
      }),
      table({
        id: 'top-countries',
        sheet: 'Top countries',
        title: 'Top countries by amount ordered, per currency',
        empty: 'No orders in the period.',
        rows: (r) => ranked(r.topCountries),
        columns: (c) => [c.currency(), c.count('Rank', (x) => x.rank), c.text('Country', (x) => x.countryName || x.country, { weight: 3 }), c.text('Code', (x) => x.country), c.count('Orders', (x) => x.orders), c.money('Amount', (x) => x.amount)],
      }),
    ],
  },
  {
    id: 'converted',
    title: (r) => (r.rates ? `Converted at the month's rates (${ratesText(r.rates)}), for information` : "Converted at the month's rates, for information"),
    intro: (r) => (r.converted ? `Every currency above stays in its own currency; these totals in ${r.converted.reportingCurrency} only give an idea of the whole.` : null),
    when: (r) => r.rates !== null || r.converted !== null,
    tables: [
      table({
        id: 'rates',
        sheet: 'Exchange rates',
        title: (r) => `Exchange rates to ${r.rates!.reportingCurrency} for the month`,
        empty: 'No rates.',
        placement: 'narrow',
        when: (r) => r.rates !== null,
        notes: (r, d) => [{ text: `Set by ${r.rates!.setBy} on ${d.dateTime(r.rates!.setAt)}.` }],
        rows: (r) => Object.entries(r.rates!.rates).map(([c, value]) => ({ currency: c as CurrencyCode, rate: value ?? '' })),
        columns: (c, r) => [c.currency(), c.rate(`Rate (1 unit in ${r.rates!.reportingCurrency})`, (x) => x.rate)],
      }),
      table({
        id: 'converted',
        sheet: 'Converted totals',
        title: (r) => `Totals in ${r.converted!.reportingCurrency}, converted at the month's rates, for information`,
        empty: 'No totals.',
        placement: 'narrow',
        when: (r) => r.converted !== null,
        notes: (r) => {
          const missing = r.converted!.missingRates;
          return missing.length > 0 ? [{ text: `No rate for ${missing.join(', ')}: ${missing.length === 1 ? 'its amounts are' : 'their amounts are'} left out of these totals.`, warning: true }] : [];
        },
        rows: (r) => CURRENCY_FIGURES.map((f) => ({ label: f.label, currency: r.converted!.reportingCurrency, amount: r.converted![f.key] })),
        columns: (c) => [c.text('Figure', (x) => x.label), c.currency(), c.money('Amount', (x) => x.amount)],
      }),
    ],
  },
];

/** The report laid out for one reader: the screen passes the clerk's dates, the files and the PDF the document's. */
export function layReport(report: MonthlyReport, dates: DateDisplay): LaidSection[] {
  return laySections(REPORT, report, dates);
}

/** Every table in order, for the files, which have no sections: a section's intro is printed as the first note of its first table. */
export function reportTablesOf(sections: readonly LaidSection[]): LaidTable[] {
  return sections.flatMap((s) => s.tables.map((t, i) => (i === 0 && s.intro ? { ...t, notes: [{ text: s.intro }, ...t.notes] } : t)));
}
