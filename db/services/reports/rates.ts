/**
 * Exchange rates entered for a month: decimal strings as typed, stored with the month and
 * audited. The converted totals they give are a convenience figure, labelled as such.
 */
import type { z } from 'zod';
import type { ExchangeRates, SetRatesInput } from '../../../shared/contract/reports';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { timestamp, today, type ServiceContext, type WriteContext } from '../../context';
import { DomainError } from '../../../shared/api/errors';
import { statement } from '../../statements';
import { audit } from '../audit';
import { assertMonthOpen, monthEntityId } from './closed-months';
import { checkDate } from '../date-check';
import { lastDayOf, monthOf, stepMonth } from '../../../shared/domain/calendar';

interface RatesRow {
  reporting_currency: CurrencyCode;
  rates: string;
  set_by: string;
  set_at: string;
}

export function ratesOf(ctx: ServiceContext, month: string): ExchangeRates | null {
  const row = statement(ctx, 'SELECT reporting_currency, rates, set_by, set_at FROM report_rates WHERE month = ?').get(month) as RatesRow | undefined;
  if (!row) return null;
  const stored = JSON.parse(row.rates) as Partial<Record<CurrencyCode, string>>;
  // In CURRENCY_CODES order with the reporting currency's own "1", so the JSON is the same however they were typed.
  const rates = Object.fromEntries(
    CURRENCY_CODES.flatMap((c) => (c === row.reporting_currency ? [[c, '1']] : stored[c] !== undefined ? [[c, stored[c]]] : [])),
  ) as ExchangeRates['rates'];
  return { reportingCurrency: row.reporting_currency, rates, setBy: row.set_by, setAt: row.set_at };
}

export function setRates(ctx: WriteContext, input: z.output<typeof SetRatesInput>): { rates: ExchangeRates } {
  // A month with at least one business day: its last day on or after the unit's first.
  checkDate(ctx, lastDayOf(input.month), { field: 'month', label: 'The month of the exchange rates', futureAllowed: true, closedMonthAllowed: true });
  // Rates are known, and may be entered, a month ahead (the report screen steps to next month); a
  // later month is a mistyped year, and its rates would sit unseen until then.
  const latest = stepMonth(monthOf(today(ctx)), 1);
  if (input.month > latest) throw new DomainError('invalid_input', `The month of the exchange rates cannot be after next month (${latest}): rates are entered at most a month ahead.`, 'month');
  assertMonthOpen(ctx, input.month, 'month', 'Exchange rates');
  const before = ratesOf(ctx, input.month);
  const others = Object.fromEntries(CURRENCY_CODES.filter((c) => c !== input.reportingCurrency && input.rates[c] !== undefined).map((c) => [c, input.rates[c]]));
  statement(ctx, `
    INSERT INTO report_rates (month, reporting_currency, rates, set_by, set_at) VALUES (@month, @currency, @rates, @actor, @now)
    ON CONFLICT (month) DO UPDATE SET reporting_currency = excluded.reporting_currency, rates = excluded.rates, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run({ month: input.month, currency: input.reportingCurrency, rates: JSON.stringify(others), actor: ctx.actor, now: timestamp(ctx) });
  const after = ratesOf(ctx, input.month)!;
  audit(ctx, 'report_month', monthEntityId(input.month), 'set_rates', before && { reportingCurrency: before.reportingCurrency, rates: before.rates }, {
    month: input.month,
    reportingCurrency: after.reportingCurrency,
    rates: after.rates,
  });
  return { rates: after };
}
