/**
 * reports.monthly: the one MonthlyReport value the screen, every export and the PDF are built
 * from. A closed month answers the value stored when it was closed, parsed from its exact JSON
 * text, so it reads back byte for byte whatever happened since.
 */
import type { z } from 'zod';
import type { MonthlyReport, ReportClosingStamp, ReportPeriod, ReportPeriodInput } from '../../../shared/contract/reports';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { timestamp, type ServiceContext } from '../../context';
import { statement } from '../../statements';
import { consistentRead } from '../../transactions';
import { agingTotals } from '../receivables/aging';
import { getSettings } from '../settings';
import { convertedTotals } from './converted';
import { currentClosing } from './closed-months';
import { periodOf } from './period';
import { ratesOf } from './rates';
import { amountsSection, moneySection, ordersSection, titlesSection, topSections } from './sections';

export interface BuildOptions {
  /** The closing stamp and time a closing stores the value with; a live report has none and is stamped now. */
  closing?: ReportClosingStamp | null;
  generatedAt?: string;
}

/** Computes the report from the rows as they are now (never the stored value). */
export function buildMonthlyReport(ctx: ServiceContext, period: ReportPeriod, options: BuildOptions = {}): MonthlyReport {
  const p = { from: period.from, to: period.to };
  const orders = ordersSection(ctx, p);
  const titles = titlesSection(ctx, p);
  const amounts = amountsSection(ctx, p, orders.byCurrency);
  const money = moneySection(ctx, p);
  // The aging of the payments issue as it stood on the period's last day: the same figures as the dashboard for that day.
  const outstanding = { asOf: period.to, rows: agingTotals(ctx, period.to) };
  const top = topSections(ctx, p, getSettings(ctx).settings.locale);
  const seen = new Set<CurrencyCode>([
    ...orders.byCurrency.map((r) => r.currency),
    ...orders.cancelled.map((r) => r.currency),
    ...titles.map((r) => r.currency),
    ...amounts.map((r) => r.currency),
    ...money.totals.map((r) => r.currency),
    ...outstanding.rows.map((r) => r.currency),
  ]);
  const figures = {
    period,
    generatedAt: options.generatedAt ?? timestamp(ctx),
    closing: options.closing ?? null,
    currencies: CURRENCY_CODES.filter((c) => seen.has(c)),
    orders,
    titles,
    amounts,
    money,
    outstanding,
    ...top,
  };
  const rates = period.month === null ? null : ratesOf(ctx, period.month);
  // Keys in the contract's order, so the stored JSON reads in the same order as the type.
  return { ...figures, rates, converted: rates ? convertedTotals(figures, rates) : null };
}

/** The stored JSON text of a closed month's report, or null while the month is open. */
export function storedReportText(ctx: ServiceContext, month: string): string | null {
  const closing = currentClosing(ctx, month);
  if (!closing) return null;
  return (statement(ctx, 'SELECT value FROM month_closings WHERE id = ?').get(closing.id) as { value: string }).value;
}

export function monthlyReport(ctx: ServiceContext, input: z.output<typeof ReportPeriodInput>): MonthlyReport {
  const period = periodOf(input);
  const stored = period.month === null ? null : storedReportText(ctx, period.month);
  if (stored !== null) return JSON.parse(stored) as MonthlyReport;
  // Every section sees the same rows, even while others write.
  return consistentRead(ctx, () => buildMonthlyReport(ctx, period));
}
