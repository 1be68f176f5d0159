import { useState, type FormEvent } from 'react';
import { PriceInput } from '../../../shared/contract/catalogue';
import type { PriceHistoryEntry, Publication } from '../../../shared/contract/types';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { Money } from '../../components/Money';
import { formatDate } from '../../../shared/format/dates';
import { useApiRead } from '../../hooks/useApiRead';
import { useUnitToday } from '../../state/business-day';
import { useLocale } from '../../state/settings';
import { classifyPrices, PRICE_STATE_LABELS } from './price-states';

interface PriceHistoryProps {
  publication: Publication;
  onChanged(publication: Publication): void;
}

type PriceErrors = Partial<Record<'currency' | 'unitPrice' | 'validFrom' | 'form', string>>;

/** Every price the title ever had, per currency, and a form to set or schedule the next one. */
export function PriceHistory({ publication, onChanged }: PriceHistoryProps) {
  const today = useUnitToday();
  const locale = useLocale();
  // Read again after each change (reload) so the history is what the database holds.
  const read = useApiRead(() => orderDesk().prices.history({ publicationId: publication.id }), [publication.id]);
  const history = read.data?.prices ?? null;
  const { reload } = read;
  const [currency, setCurrency] = useState<CurrencyCode>('CHF');
  const [unitPrice, setUnitPrice] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [errors, setErrors] = useState<PriceErrors>({});
  const [status, setStatus] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { publicationId: publication.id, currency, unitPrice, validFrom };
    const checked = PriceInput.safeParse(input);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));
      setStatus('');
      return;
    }
    const result = await orderDesk().prices.set(input);
    if (!result.ok) {
      setErrors({ [result.error.field ?? 'form']: result.error.message });
      return;
    }
    setErrors({});
    setUnitPrice('');
    setStatus(validFrom > today ? `${currency} ${checked.data.unitPrice} scheduled from ${formatDate(validFrom, locale)}.` : `${currency} price saved.`);
    onChanged(result.value.publication);
    reload();
  }

  async function withdraw(entry: PriceHistoryEntry) {
    const result = await orderDesk().prices.cancelScheduled({ priceId: entry.id });
    if (!result.ok) {
      setErrors({ form: result.error.message });
      return;
    }
    setStatus(`Scheduled ${entry.currency} price from ${formatDate(entry.validFrom, locale)} withdrawn.`);
    onChanged(result.value.publication);
    reload();
  }

  const rows = history ? classifyPrices(history, today) : [];

  return (
    <section className="price-history" aria-labelledby="price-history-heading">
      <h3 id="price-history-heading">Prices</h3>
      {read.error ? <p className="banner banner--error">{read.error.message}</p> : null}
      {history && rows.length === 0 ? <p className="muted">No price yet in any currency.</p> : null}
      {rows.length > 0 ? (
        <table className="grid price-history__table">
          <caption className="visually-hidden">Price history of {publication.title}</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Valid from</th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`price-state--${row.state}`}>
                <td>{row.currency}</td>
                <td>{formatDate(row.validFrom, locale)}</td>
                <td className="num">
                  <Money value={row.unitPrice} currency={row.currency} />
                </td>
                <td>{PRICE_STATE_LABELS[row.state]}</td>
                <td>
                  {row.state === 'scheduled' ? (
                    <button type="button" className="link-button" onClick={() => void withdraw(row)}>
                      Withdraw
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form className="form price-history__form" onSubmit={(e) => void submit(e)} noValidate>
        <h4>Set or schedule a price</h4>
        <div className="publication-form__row">
          <Field label="Currency" error={errors.currency}>
            {(props) => (
              <select {...props} value={currency} onChange={(e) => setCurrency(e.target.value as CurrencyCode)}>
                {CURRENCY_CODES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="New unit price" error={errors.unitPrice}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={unitPrice}
                onChange={(e) => {
                  setUnitPrice(e.target.value);
                  setErrors({});
                }}
              />
            )}
          </Field>
          <DateField
            label="Valid from"
            error={errors.validFrom}
            value={validFrom}
            onChange={(date) => {
              setValidFrom(date);
              setErrors({});
            }}
          />
        </div>
        <p className="field__hint">Orders received from this date are offered this price; orders already taken keep theirs.</p>
        {errors.form ? (
          <p className="banner banner--error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit">Save price</button>
          <span role="status" className="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}
