import { useState } from 'react';
import { PriceInput } from '../../../shared/contract/catalogue';
import type { PriceHistoryEntry, Publication } from '../../../shared/contract/types';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { formatDate } from '../../../shared/format/dates';
import { useLocale } from '../../state/settings';

interface PriceCellProps {
  publication: Publication;
  currency: CurrencyCode;
  /** The next scheduled price in this currency, shown under today's so a coming change is no surprise. */
  next?: PriceHistoryEntry | undefined;
  onSaved(publication: Publication): void;
}

/** One price in one currency; saved on Enter or when leaving the cell, checked with the API's own schema first. */
export function PriceCell({ publication, currency, next, onSaved }: PriceCellProps) {
  const locale = useLocale();
  const stored = publication.prices[currency]?.unitPrice ?? '';
  const [text, setText] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const label = `${currency} price of ${publication.title}`;

  async function save() {
    const value = text.trim();
    if (value === stored) return;
    const checked = PriceInput.safeParse({ publicationId: publication.id, currency, unitPrice: value });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Not a valid price.');
      return;
    }
    setState('saving');
    const result = await orderDesk().prices.set({ publicationId: publication.id, currency, unitPrice: value });
    if (!result.ok) {
      setState('idle');
      setError(result.error.message);
      return;
    }
    setError(null);
    setState('saved');
    const saved = result.value.publication;
    setText(saved.prices[currency]?.unitPrice ?? value);
    onSaved(saved);
  }

  return (
    <td className={`price-cell ${error ? 'price-cell--invalid' : ''}`}>
      <input
        aria-label={label}
        inputMode="decimal"
        value={text}
        placeholder="—"
        aria-invalid={Boolean(error)}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
          if (error) setError(null);
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') {
            // Undo the typing only; the open side panel must not close as well.
            e.preventDefault();
            setText(stored);
            setError(null);
          }
        }}
      />
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : null}
      {state === 'saved' ? <span className="saved-mark" title="Saved">✓</span> : null}
      {next ? (
        <div className="price-cell__next">
          {next.unitPrice} from {formatDate(next.validFrom, locale)}
        </div>
      ) : null}
    </td>
  );
}
