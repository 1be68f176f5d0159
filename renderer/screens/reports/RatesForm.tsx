import { useState, type FormEvent } from 'react';
import { SetRatesInput, type ExchangeRates } from '../../../shared/contract/reports';
import { CURRENCY_CODES, CURRENCIES, type CurrencyCode } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { useActionForm } from '../../components/useActionForm';
import { formatMonth } from '../../../shared/format/dates';
import { useLocale } from '../../state/settings';

interface RatesFormProps {
  month: string;
  rates: ExchangeRates | null;
  /** A closed month keeps the rates it was closed with. */
  closed: boolean;
  onSaved(): void;
}

const FIELDS = ['month', 'reportingCurrency', 'rates', ...CURRENCY_CODES.map((c) => `rates.${c}`)];

function initialRates(rates: ExchangeRates | null): Record<CurrencyCode, string> {
  return Object.fromEntries(CURRENCY_CODES.map((c) => [c, rates && c !== rates.reportingCurrency ? (rates.rates[c] ?? '') : ''])) as Record<CurrencyCode, string>;
}

/** "0,94" is how many clerks write a rate; the API reads decimal points only. */
const asDecimal = (text: string) => text.trim().replace(/^(\d*),(\d+)$/, '$1.$2');

/** The month's exchange rates: one reporting currency, and what one unit of each other currency is worth in it. */
export function RatesForm({ month, rates, closed, onSaved }: RatesFormProps) {
  const locale = useLocale();
  const form = useActionForm(FIELDS);
  const [reporting, setReporting] = useState<CurrencyCode>(rates?.reportingCurrency ?? 'CHF');
  const [values, setValues] = useState(() => initialRates(rates));
  const [saved, setSaved] = useState('');
  const others = CURRENCY_CODES.filter((c) => c !== reporting);
  const monthName = formatMonth(month, locale);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const typed = Object.fromEntries(others.filter((c) => values[c].trim() !== '').map((c) => [c, asDecimal(values[c])]));
    void form.submit(SetRatesInput, { month, reportingCurrency: reporting, rates: typed }, (input) => orderDesk().reports.setRates(input), () => {
      setSaved(`Rates for ${monthName} saved.`);
      onSaved();
    });
  };

  return (
    <form className="report-rates" onSubmit={submit} noValidate>
      <h2 id="report-rates-title">Exchange rates for {monthName}</h2>
      {closed ? (
        <p className="banner banner--info">{monthName} is closed: its rates stay as they were when it was closed. Reopen the month to change them.</p>
      ) : (
        <p className="muted">Rates only add a converted total, for information; every figure stays in its own currency.</p>
      )}
      <fieldset disabled={closed || form.saving}>
        <legend className="visually-hidden">Rates</legend>
        <div className="report-rates__fields">
          <Field label="Reporting currency" error={form.errors.reportingCurrency}>
            {(props) => (
              <select
                {...props}
                name="reportingCurrency"
                value={reporting}
                onChange={(e) => {
                  setReporting(e.target.value as CurrencyCode);
                  form.setFieldError('reportingCurrency', null);
                }}
              >
                {CURRENCY_CODES.map((c) => (
                  <option key={c} value={c}>
                    {c} – {CURRENCIES[c].name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {others.map((c) => (
            <Field key={c} label={`${c} 1 = ${reporting}`} error={form.errors[`rates.${c}`]} hint="e.g. 0.9412">
              {(props) => (
                <input
                  {...props}
                  name={`rates.${c}`}
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  value={values[c]}
                  onChange={(e) => {
                    setValues((v) => ({ ...v, [c]: e.target.value }));
                    form.setFieldError(`rates.${c}`, null);
                  }}
                />
              )}
            </Field>
          ))}
        </div>
        <div className="actions">
          <button type="submit">Save rates</button>
          <span role="status" className="status">
            {saved}
          </span>
        </div>
      </fieldset>
      {form.errors.rates || form.errors.month ? (
        <p className="banner banner--error" role="alert">
          {form.errors.rates ?? form.errors.month}
        </p>
      ) : null}
      {form.general ? (
        <p className="banner banner--error" role="alert">
          {form.general}
        </p>
      ) : null}
    </form>
  );
}
