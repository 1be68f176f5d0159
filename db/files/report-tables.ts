/**
 * The monthly report as tables, one per part of each section: what the CSV writes one after
 * another and the workbook as one sheet each (a sheet per table keeps one frozen header and one
 * filter per sheet). Built only from the MonthlyReport value, with no database, so the render
 * worker builds the workbook from it too. Every amount is an amount cell in its currency beside
 * a Currency column: currencies are never added together here.
 */
import type { MonthlyReport, ReportPeriod } from '../../shared/contract/reports';
import { AGING_BUCKETS, AGING_BUCKET_LABELS } from '../../shared/contract/receivables';
import { countryName } from '../../shared/domain/countries';
import { PAYMENT_METHOD_LABELS, RECEIVED_VIA_LABELS, type PaymentMethod } from '../../shared/domain/vocabulary';
import { day, decimal, money, type Cell, type Column, type Table } from './table';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function formatDay(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "November 2026", or "1 January 2026 – 31 December 2026". */
export function periodLabel(period: ReportPeriod): string {
  if (period.month) return monthFormat.format(new Date(`${period.month}-01T00:00:00Z`));
  return `${formatDay(period.from)} – ${formatDay(period.to)}`;
}

export function reportTitle(report: MonthlyReport): string {
  return `Order report ${periodLabel(report.period)}`;
}

/** When the figures were made, or that the month is closed and by whom. */
export function reportStatus(report: MonthlyReport): string {
  const closing = report.closing;
  if (closing) return `Closed ${timeFormat.format(new Date(closing.closedAt))} by ${closing.closedBy}; figures as they stood at closing.`;
  return `Generated ${timeFormat.format(new Date(report.generatedAt))}; the month is open, so figures may still change.`;
}

/** The moment the report's files are dated: the closing, else when the figures were made. */
export function reportTime(report: MonthlyReport): Date {
  return new Date(report.closing?.closedAt ?? report.generatedAt);
}

/** `order-report-2026-11`, or `order-report-2026-01-01_2026-12-31` for a range. */
export function reportFileStem(period: ReportPeriod): string {
  return `order-report-${period.month ?? `${period.from}_${period.to}`}`;
}

export const methodLabel = (m: PaymentMethod | 'none'): string => (m === 'none' ? 'None given' : PAYMENT_METHOD_LABELS[m]);
export const countryLabel = (code: string): string => (code ? countryName(code, 'en') : 'Unknown');

const text = (header: string): Column => ({ header, kind: 'text' });
const count = (header: string): Column => ({ header, kind: 'integer' });
const amount = (header: string): Column => ({ header, kind: 'amount' });
const CURRENCY = text('Currency');

function table(name: string, title: string, columns: Column[], rows: Cell[][], notes: string[] = []): Table {
  return { name, title, notes, columns, rows };
}

export function reportTables(report: MonthlyReport): Table[] {
  const { orders, money: cash, outstanding } = report;
  const tables: Table[] = [
    table(
      'Orders received',
      'Orders received: by channel, intended payment method and currency',
      [text('Breakdown'), text('Item'), count('Orders'), CURRENCY, amount('Amount')],
      [
        ['Total', 'All orders received (cancelled ones included)', orders.count, null, null],
        ...orders.byChannel.map((r): Cell[] => ['Channel', RECEIVED_VIA_LABELS[r.key], r.count, null, null]),
        ...orders.byPaymentMethod.map((r): Cell[] => ['Payment method intended', methodLabel(r.key), r.count, null, null]),
        ...orders.byCurrency.map((r): Cell[] => ['Currency (amount without cancelled orders)', r.currency, r.count, r.currency, money(r.amount, r.currency)]),
      ],
    ),
    table('Orders per day', 'Orders received per day', [{ header: 'Date', kind: 'date' }, count('Orders')], orders.perDay.map((d) => [day(d.date), d.count])),
    table(
      'Cancelled orders',
      'Orders cancelled, with their reasons',
      [text('Order'), text('Customer'), { header: 'Received', kind: 'date' }, { header: 'Cancelled', kind: 'date' }, CURRENCY, amount('Amount'), text('Reason')],
      orders.cancelled.map((c) => [c.orderNumber, c.customerName, day(c.receivedOn), day(c.cancelledOn), c.currency, money(c.amount, c.currency), c.reason]),
    ),
    table(
      'Titles',
      'Copies and amounts per title and currency',
      [text('Title'), text('ISBN'), CURRENCY, count('Copies'), amount('Amount')],
      report.titles.map((t) => [t.title, t.isbn, t.currency, t.copies, money(t.amount, t.currency)]),
    ),
    table(
      'Ordered invoiced credited',
      'Amounts ordered, invoiced and credited',
      [CURRENCY, amount('Ordered'), amount('Invoiced'), count('Invoices'), amount('Credited'), count('Credit notes')],
      report.amounts.map((a) => [a.currency, money(a.ordered, a.currency), money(a.invoiced, a.currency), a.invoices, money(a.credited, a.currency), a.creditNotes]),
    ),
    table(
      'Money',
      'Money received, refunds paid, bank fees and write-offs',
      [CURRENCY, amount('Received'), amount('Refunded'), amount('Net received'), amount('Bank fees'), amount('Written off')],
      cash.totals.map((t) => [t.currency, money(t.received, t.currency), money(t.refunded, t.currency), money(t.net, t.currency), money(t.bankFees, t.currency), money(t.writtenOff, t.currency)]),
    ),
    table(
      'Money by method',
      'Payments received and refunds paid, by method',
      [text('Movement'), text('Method'), CURRENCY, count('Count'), amount('Amount')],
      [
        ...cash.byMethod.map((r): Cell[] => ['Payment received', PAYMENT_METHOD_LABELS[r.method], r.currency, r.count, money(r.amount, r.currency)]),
        ...cash.refunds.map((r): Cell[] => ['Refund paid', PAYMENT_METHOD_LABELS[r.method], r.currency, r.count, money(r.amount, r.currency)]),
      ],
    ),
    table(
      'Write-offs',
      'Amounts written off',
      [CURRENCY, count('Count'), amount('Amount'), text('Reasons')],
      cash.writeOffs.map((w) => [w.currency, w.count, money(w.amount, w.currency), w.reasons.join('; ')]),
    ),
    table(
      'Outstanding',
      `Outstanding at ${formatDay(outstanding.asOf)}, by age`,
      [CURRENCY, ...AGING_BUCKETS.map((b) => amount(AGING_BUCKET_LABELS[b])), amount('Total'), count('Orders')],
      outstanding.rows.map((r) => [r.currency, ...AGING_BUCKETS.map((b) => money(r.buckets[b], r.currency)), money(r.total, r.currency), r.orders]),
    ),
    table(
      'Top customers',
      'Top customers by amount ordered, per currency',
      [CURRENCY, count('Rank'), text('Customer'), text('Country'), count('Orders'), amount('Amount')],
      ranked(report.topCustomers).map(({ row, rank }) => [row.currency, rank, row.customerName, countryLabel(row.country), row.orders, money(row.amount, row.currency)]),
    ),
    table(
      'Top countries',
      'Top countries by amount ordered, per currency',
      [CURRENCY, count('Rank'), text('Country'), text('Code'), count('Orders'), amount('Amount')],
      ranked(report.topCountries).map(({ row, rank }) => [row.currency, rank, row.countryName, row.country, row.orders, money(row.amount, row.currency)]),
    ),
  ];
  if (report.rates) {
    const { rates } = report;
    tables.push(
      table(
        'Exchange rates',
        `Exchange rates to ${rates.reportingCurrency} for the month`,
        [CURRENCY, { header: `Rate (1 unit in ${rates.reportingCurrency})`, kind: 'decimal' }],
        Object.entries(rates.rates).map(([currency, rate]) => [currency, decimal(rate!)]),
        [`Set by ${rates.setBy} on ${timeFormat.format(new Date(rates.setAt))}.`],
      ),
    );
  }
  if (report.converted) {
    const c = report.converted;
    const rc = c.reportingCurrency;
    tables.push(
      table(
        'Converted totals',
        `Totals converted to ${rc} at the month's rates (a convenience figure, not the books)`,
        [text('Figure'), CURRENCY, amount('Amount')],
        [
          ['Ordered', rc, money(c.ordered, rc)],
          ['Invoiced', rc, money(c.invoiced, rc)],
          ['Credited', rc, money(c.credited, rc)],
          ['Received', rc, money(c.received, rc)],
          ['Outstanding', rc, money(c.outstanding, rc)],
        ],
        c.missingRates.length > 0 ? [`Left out for want of a rate: ${c.missingRates.join(', ')}.`] : [],
      ),
    );
  }
  return tables;
}

/** Rank within each currency, as the report lists them (largest first). */
export function ranked<T extends { currency: string }>(rows: readonly T[]): { row: T; rank: number }[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const rank = (seen.get(row.currency) ?? 0) + 1;
    seen.set(row.currency, rank);
    return { row, rank };
  });
}
