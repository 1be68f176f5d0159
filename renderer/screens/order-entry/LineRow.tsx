import type { KeyboardEvent } from 'react';
import type { Publication } from '../../../shared/contract/types';
import { hyphenateIsbn } from '../../../shared/domain/isbn';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { Combobox, type FreeTextEntry } from '../../components/Combobox';
import { Money } from '../../components/Money';
import { isBlankLine, type LineDraft } from './form-model';
import { matchPublications } from './catalogue-match';
import { lineField, type FieldErrors } from './validation';

export type LineColumn = 'title' | 'quantity' | 'unitPrice';

interface LineRowProps {
  line: LineDraft;
  position: number;
  currency: CurrencyCode;
  publications: readonly Publication[];
  total: string | null;
  errors: FieldErrors;
  onTitle(title: string): void;
  onPick(publication: Publication): void;
  onQuantity(text: string): void;
  onPrice(text: string): void;
  onLeave(column: LineColumn): void;
  onRemove(): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>, column: LineColumn): void;
}

function PublicationOption({ publication, currency }: { publication: Publication; currency: CurrencyCode }) {
  const price = publication.prices[currency];
  const isbn = publication.isbn || publication.eisbn;
  return (
    <span className="suggestion">
      <span className="suggestion__main">{publication.title}</span>
      <span className="suggestion__meta">
        {[publication.year, isbn ? `ISBN ${hyphenateIsbn(isbn)}` : ''].filter(Boolean).join(' · ')}
        {' · '}
        {price ? <Money value={price.unitPrice} currency={currency} /> : `no ${currency} price in the list`}
      </span>
    </span>
  );
}

/** Keeping a title the catalogue does not have is the list's last entry: a choice, never what Enter does by default. */
const TITLE_NOT_IN_CATALOGUE: FreeTextEntry = {
  label: (text) => `Use “${text}” as a title not in the catalogue`,
  showAlone: true,
};

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <div className="field__error" id={id} role="alert">
      {message}
    </div>
  ) : null;
}

/** One line of the paper form: Book Title, Quantity, Unit Price, Total. */
export function LineRow(props: LineRowProps) {
  const { line, position, currency, errors } = props;
  const ids = {
    title: lineField(line.key, 'title'),
    quantity: lineField(line.key, 'quantity'),
    unitPrice: lineField(line.key, 'unitPrice'),
  };
  const errorId = (field: string) => `${field}-error`;
  const described = (field: string) => (errors[field] ? errorId(field) : undefined);
  const freeText = line.publicationId === null && line.title.trim() !== '';
  const noListPrice = line.publicationId !== null && line.priceSource === 'none';

  return (
    <tr className={`line-row ${freeText ? 'line-row--free' : ''}`}>
      <td className="line-row__pos">{position}</td>
      <td className={`line-row__title ${errors[ids.title] ? 'cell--invalid' : ''}`}>
        <Combobox
          id={ids.title}
          dataField={ids.title}
          aria-label={`Book title, line ${position}`}
          aria-invalid={Boolean(errors[ids.title])}
          aria-describedby={described(ids.title)}
          value={line.title}
          title={line.title || undefined}
          options={line.publicationId === null ? matchPublications(line.title, props.publications) : []}
          optionKey={(p) => String(p.id)}
          renderOption={(p) => <PublicationOption publication={p} currency={currency} />}
          onPick={props.onPick}
          freeText={TITLE_NOT_IN_CATALOGUE}
          onInput={props.onTitle}
          onBlur={() => props.onLeave('title')}
          onKeyDown={(e) => props.onKeyDown(e, 'title')}
          listLabel={`Catalogue titles for line ${position}`}
          placeholder={position === 1 ? 'Type a word of the title or the ISBN' : ''}
        />
        <ErrorText id={errorId(ids.title)} message={errors[ids.title]} />
        {freeText ? <span className="tag tag--warn">not in catalogue — will be reviewed</span> : null}
        {line.discountPercent ? <span className="tag">less {line.discountPercent} % discount</span> : null}
      </td>
      <td className={`line-row__qty ${errors[ids.quantity] ? 'cell--invalid' : ''}`}>
        <input
          id={ids.quantity}
          data-field={ids.quantity}
          aria-label={`Quantity, line ${position}`}
          aria-invalid={Boolean(errors[ids.quantity])}
          aria-describedby={described(ids.quantity)}
          inputMode="numeric"
          autoComplete="off"
          value={line.quantity}
          onChange={(e) => props.onQuantity(e.target.value)}
          onBlur={() => props.onLeave('quantity')}
          onKeyDown={(e) => props.onKeyDown(e, 'quantity')}
        />
        <ErrorText id={errorId(ids.quantity)} message={errors[ids.quantity]} />
      </td>
      <td className={`line-row__price ${errors[ids.unitPrice] ? 'cell--invalid' : ''}`}>
        <div className="price-input">
          <input
            id={ids.unitPrice}
            data-field={ids.unitPrice}
            aria-label={`Unit price in ${currency}, line ${position}`}
            aria-invalid={Boolean(errors[ids.unitPrice])}
            aria-describedby={described(ids.unitPrice) ?? `${ids.unitPrice}-source`}
            inputMode="decimal"
            autoComplete="off"
            value={line.unitPrice}
            onChange={(e) => props.onPrice(e.target.value)}
            onBlur={() => props.onLeave('unitPrice')}
            onKeyDown={(e) => props.onKeyDown(e, 'unitPrice')}
          />
          <span className="price-input__currency" aria-hidden="true">
            {currency}
          </span>
        </div>
        <ErrorText id={errorId(ids.unitPrice)} message={errors[ids.unitPrice]} />
        <div className="price-source" id={`${ids.unitPrice}-source`}>
          {noListPrice ? `No ${currency} price in the list: type it` : line.priceSource === 'list' ? 'list price' : line.priceSource === 'typed' && line.publicationId !== null ? 'typed by hand' : ''}
        </div>
      </td>
      <td className="line-row__total">
        <output aria-label={`Total, line ${position}`}>{props.total !== null ? <Money value={props.total} currency={currency} /> : isBlankLine(line) ? '' : '—'}</output>
      </td>
      <td className="line-row__remove">
        <button type="button" tabIndex={-1} aria-label={`Remove line ${position}`} aria-keyshortcuts="Control+Delete Alt+Backspace" title="Remove line (Ctrl+Delete)" onClick={props.onRemove}>
          ✕
        </button>
      </td>
    </tr>
  );
}
