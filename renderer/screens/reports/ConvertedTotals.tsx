import type { ConvertedTotals as Converted, ExchangeRates } from '../../../shared/contract/reports';
import { Money } from '../../components/Money';
import { formatDateTime } from '../../../shared/format/dates';
import { useLocale } from '../../state/settings';
import { ratesText } from './report-text';

const FIGURES = [
  ['ordered', 'Ordered'],
  ['invoiced', 'Invoiced'],
  ['credited', 'Credited'],
  ['received', 'Received'],
  ['refunded', 'Refunds paid'],
  ['bankFees', 'Bank fees'],
  ['writtenOff', 'Written off'],
  ['outstanding', 'Outstanding'],
] as const;

/**
 * The only place the report adds currencies together, and it says so: converted at the
 * month's rates, for information; the books are the per-currency figures.
 */
export function ConvertedTotals({ converted, rates }: { converted: Converted; rates: ExchangeRates }) {
  const locale = useLocale();
  const c = converted.reportingCurrency;
  const title = `Converted at the month's rates (${ratesText(rates)}), for information`;
  return (
    <section className="report-section report-converted" aria-labelledby="report-converted">
      <h2 id="report-converted">{title}</h2>
      <p className="muted">
        Every currency above stays in its own currency; these totals in {c} only give an idea of the whole. Rates set by {rates.setBy} on {formatDateTime(rates.setAt, locale)}.
      </p>
      {converted.missingRates.length > 0 ? (
        <p className="banner banner--warning">
          No rate for {converted.missingRates.join(', ')}: {converted.missingRates.length === 1 ? 'its amounts are' : 'their amounts are'} left out of these totals.
        </p>
      ) : null}
      <table className="grid report-table">
        <caption>{`Totals in ${c}, converted at the month's rates, for information`}</caption>
        <thead>
          <tr>
            {FIGURES.map(([, label]) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {FIGURES.map(([key, label]) => (
              <td key={label} className="num">
                <Money value={converted[key]} currency={c} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
