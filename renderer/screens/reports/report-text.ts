/** The words and small computations the Reports screen shows beside the report's figures. */
import type { ExchangeRates, ReportPeriod } from '../../../shared/contract/reports';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { PAYMENT_METHOD_LABELS, RECEIVED_VIA_LABELS, type PaymentMethod, type ReceivedVia } from '../../../shared/domain/vocabulary';
import { formatDate } from '../../format/dates';
import { formatMonth } from '../../components/month-text';

export function channelLabel(key: ReceivedVia): string {
  return RECEIVED_VIA_LABELS[key] ?? key;
}

export function methodLabel(key: PaymentMethod | 'none'): string {
  return key === 'none' ? 'Not given' : (PAYMENT_METHOD_LABELS[key] ?? key);
}

/** "November 2026", or "1 Nov 2026 – 15 Dec 2026" for a range of days. */
export function periodName(period: ReportPeriod, locale: string): string {
  if (period.month) return formatMonth(period.month, locale);
  return `${formatDate(period.from, locale)} – ${formatDate(period.to, locale)}`;
}

/**
 * The rates as a clerk reads them, "EUR 1 = CHF 0.94, USD 1 = CHF 0.88": each other
 * currency's unit in the reporting currency, in the usual currency order.
 */
export function ratesText(rates: ExchangeRates): string {
  const to = rates.reportingCurrency;
  const parts = CURRENCY_CODES.filter((c): c is CurrencyCode => c !== to && rates.rates[c] !== undefined).map((c) => `${c} 1 = ${to} ${rates.rates[c]}`);
  return parts.length > 0 ? parts.join(', ') : `only ${to}`;
}

/** The short form of a SHA-256 shown on screen; the whole one is in the stored files' names and the audit log. */
export function shortHash(hex: string): string {
  return hex.slice(0, 12);
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
