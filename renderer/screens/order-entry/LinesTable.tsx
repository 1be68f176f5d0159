import type { KeyboardEvent } from 'react';
import type { Publication } from '../../../shared/contract/types';
import { CURRENCIES, CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { Money } from '../../components/Money';
import { isBlankLine, type LineDraft } from './form-model';
import { editPrice, editTitle, type DisplayTotals } from './line-pricing';
import { LineRow, type LineColumn } from './LineRow';
import { lineField, type FieldErrors } from './validation';

interface LinesTableProps {
  lines: LineDraft[];
  currency: CurrencyCode;
  /** Said beside Currency, e.g. that it follows the customer's last order. */
  currencyNote?: string | null;
  publications: readonly Publication[];
  totals: DisplayTotals;
  errors: FieldErrors;
  onCurrency(currency: CurrencyCode): void;
  onLine(key: string, change: (line: LineDraft) => LineDraft, column: LineColumn): void;
  onPick(key: string, publication: Publication): void;
  onLeave(key: string, column: LineColumn): void;
  onAddLine(): void;
  onRemoveLine(key: string, column: LineColumn): void;
  focusField(field: string): void;
}

export function isRemoveLineKey(event: KeyboardEvent<HTMLElement>): boolean {
  return (event.ctrlKey && event.key === 'Delete') || (event.altKey && event.key === 'Backspace');
}

/** The lines of the paper form and the Amount due under them. */
export function LinesTable(props: LinesTableProps) {
  const { lines, currency, totals, errors } = props;

  function onKeyDown(event: KeyboardEvent<HTMLElement>, line: LineDraft, column: LineColumn) {
    if (isRemoveLineKey(event)) {
      event.preventDefault();
      props.onRemoveLine(line.key, column);
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const isLast = lines[lines.length - 1]?.key === line.key;
    if (event.key === 'Enter') {
      // Enter moves along the line like a paper form is read; past the last price it starts a new line.
      event.preventDefault();
      if (column === 'title') props.focusField(lineField(line.key, 'quantity'));
      else if (column === 'quantity') props.focusField(lineField(line.key, 'unitPrice'));
      else if (isLast && !isBlankLine(line)) props.onAddLine();
      else {
        const next = lines[lines.findIndex((l) => l.key === line.key) + 1];
        if (next) props.focusField(lineField(next.key, 'title'));
      }
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && column === 'title' && isLast && isBlankLine(line) && lines.length > 1) {
      // The empty line that Tab just started: Tab again means "no more books", on to the details.
      event.preventDefault();
      props.focusField('receivedVia');
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && column === 'unitPrice' && isLast && !isBlankLine(line)) {
      event.preventDefault();
      props.onAddLine();
    }
  }

  return (
    <fieldset className="lines-block">
      <legend>Books ordered</legend>
      <div className="field currency-field">
        <label htmlFor="order-currency">Currency</label>
        <select
          id="order-currency"
          data-field="currency"
          value={currency}
          aria-describedby={props.currencyNote ? 'order-currency-note' : undefined}
          onChange={(e) => props.onCurrency(e.target.value as CurrencyCode)}
        >
          {CURRENCY_CODES.map((c) => (
            <option key={c} value={c}>
              {c} — {CURRENCIES[c].name}
            </option>
          ))}
        </select>
        {props.currencyNote ? (
          <span className="currency-field__note" id="order-currency-note" role="status">
            {props.currencyNote}
          </span>
        ) : null}
      </div>
      <table className="grid lines-grid">
        <thead>
          <tr>
            <th scope="col" className="line-row__pos">
              <span className="visually-hidden">Line</span>
            </th>
            <th scope="col">Book title</th>
            <th scope="col">Quantity</th>
            <th scope="col" className="num">
              Unit price ({currency})
            </th>
            <th scope="col" className="num">
              Total ({currency})
            </th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <LineRow
              key={line.key}
              line={line}
              position={index + 1}
              currency={currency}
              publications={props.publications}
              total={totals.lineTotals.get(line.key) ?? null}
              errors={errors}
              onTitle={(title) => props.onLine(line.key, (l) => editTitle(l, title), 'title')}
              onPick={(publication) => props.onPick(line.key, publication)}
              onQuantity={(quantity) => props.onLine(line.key, (l) => ({ ...l, quantity }), 'quantity')}
              onPrice={(unitPrice) => props.onLine(line.key, (l) => editPrice(l, unitPrice), 'unitPrice')}
              onLeave={(column) => props.onLeave(line.key, column)}
              onRemove={() => props.onRemoveLine(line.key, 'title')}
              onKeyDown={(event, column) => onKeyDown(event, line, column)}
            />
          ))}
        </tbody>
        <tfoot>
          <tr className="amount-due">
            <th scope="row" colSpan={4} id="amount-due-label">
              Amount due <span className="amount-due__note">(excluding shipping costs and bank transfer fees)</span>
            </th>
            <td className="num">
              <output aria-labelledby="amount-due-label" aria-live="polite">
                <Money value={totals.total} currency={currency} />
              </output>
              {totals.incomplete ? <div className="amount-due__incomplete">lines marked — are not counted yet</div> : null}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {errors.lines ? (
        <div className="field__error" role="alert" id="lines-error">
          {errors.lines}
        </div>
      ) : null}
      <div className="lines-actions">
        <button type="button" onClick={props.onAddLine} aria-keyshortcuts="Alt+L">
          Add line <kbd>Alt+L</kbd>
        </button>
      </div>
    </fieldset>
  );
}
