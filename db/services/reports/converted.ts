/**
 * The report's totals in one reporting currency at the month's rates. Each currency's figure
 * is multiplied exactly (decimal.js) and the sum rounded once, at the end, to the reporting
 * currency; a currency without a rate is left out and listed in missingRates.
 */
import type { ConvertedTotals, ExchangeRates, MonthlyReport } from '../../../shared/contract/reports';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { amount, toDecimalString, zero } from '../../../shared/money/money';

type Figure = Exclude<keyof ConvertedTotals, 'reportingCurrency' | 'missingRates'>;
type Figures = Omit<MonthlyReport, 'rates' | 'converted'>;

/** Each converted figure and where it is read from, per currency. */
const FIGURES: Record<Figure, (r: Figures, c: CurrencyCode) => string | undefined> = {
  ordered: (r, c) => r.amounts.find((a) => a.currency === c)?.ordered,
  invoiced: (r, c) => r.amounts.find((a) => a.currency === c)?.invoiced,
  credited: (r, c) => r.amounts.find((a) => a.currency === c)?.credited,
  received: (r, c) => r.money.totals.find((t) => t.currency === c)?.received,
  refunded: (r, c) => r.money.totals.find((t) => t.currency === c)?.refunded,
  bankFees: (r, c) => r.money.totals.find((t) => t.currency === c)?.bankFees,
  writtenOff: (r, c) => r.money.totals.find((t) => t.currency === c)?.writtenOff,
  outstanding: (r, c) => r.outstanding.rows.find((o) => o.currency === c)?.total,
};

export function convertedTotals(report: Figures, rates: ExchangeRates): ConvertedTotals {
  const target = rates.reportingCurrency;
  const rateOf = (c: CurrencyCode) => (c === target ? '1' : rates.rates[c]);
  const convertible = report.currencies.filter((c) => rateOf(c) !== undefined);
  const convert = (figure: Figure) =>
    toDecimalString(
      convertible.reduce((sum, c) => {
        const value = FIGURES[figure](report, c);
        return value === undefined ? sum : sum.plus(amount(value).times(amount(rateOf(c)!)));
      }, zero()),
      target,
    );
  return {
    reportingCurrency: target,
    ordered: convert('ordered'),
    invoiced: convert('invoiced'),
    credited: convert('credited'),
    received: convert('received'),
    refunded: convert('refunded'),
    bankFees: convert('bankFees'),
    writtenOff: convert('writtenOff'),
    outstanding: convert('outstanding'),
    missingRates: report.currencies.filter((c) => rateOf(c) === undefined),
  };
}
