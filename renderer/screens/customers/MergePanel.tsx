import { useId, useRef, useState } from 'react';
import type { DuplicateCustomer, DuplicateReason } from '../../../shared/contract/customers';
import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';
import { reasonsText } from './customer-display';

interface MergePanelProps {
  first: DuplicateCustomer;
  second: DuplicateCustomer;
  reasons: DuplicateReason[];
  onMerged(kept: Customer, movedOrders: number, merged: DuplicateCustomer): void;
  onDistinct(): void;
}

/** The record with more orders is usually the one clerks already know; it is offered as the one to keep. */
function likelyKeeper(first: DuplicateCustomer, second: DuplicateCustomer): number {
  if (first.orderCount !== second.orderCount) return first.orderCount > second.orderCount ? first.id : second.id;
  return Math.min(first.id, second.id);
}

/** Two records side by side: pick the one to keep, confirm, merge. Or say they are different customers. */
export function MergePanel({ first, second, reasons, onMerged, onDistinct }: MergePanelProps) {
  const locale = useLocale();
  const name = useId();
  const [keepId, setKeepId] = useState(() => likelyKeeper(first, second));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const keep = keepId === first.id ? first : second;
  const gone = keepId === first.id ? second : first;

  async function merge() {
    setBusy(true);
    const result = await orderDesk().customers.merge({ keepId: keep.id, mergeId: gone.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      setConfirming(false);
      return;
    }
    onMerged(result.value.customer, result.value.movedOrders, gone);
  }

  async function distinct() {
    const result = await orderDesk().customers.markDistinct({ firstId: first.id, secondId: second.id });
    if (!result.ok) setError(result.error.message);
    else onDistinct();
  }

  const describe = (c: DuplicateCustomer) =>
    [c.email, [c.postalCode, c.city].filter(Boolean).join(' '), countryName(c.country, locale), c.phone].filter(Boolean).join(' · ');

  return (
    <div className="merge-panel">
      <fieldset>
        <legend>
          Possibly the same customer ({reasonsText(reasons)}). Which record should stay?
        </legend>
        {[first, second].map((c) => (
          <label key={c.id} className={`merge-panel__option ${keepId === c.id ? 'merge-panel__option--keep' : ''}`}>
            <input
              type="radio"
              name={name}
              checked={keepId === c.id}
              onChange={() => {
                setKeepId(c.id);
                setConfirming(false);
              }}
            />
            <span>
              <strong>Keep {c.name}</strong> <span className="muted">#{c.id}</span>
              <br />
              <span className="merge-panel__details">{describe(c) || 'No contact details'}</span>
              <br />
              <span className="muted">
                {c.orderCount === 1 ? '1 order' : `${c.orderCount} orders`}
                {c.notes ? ` · Notes: ${c.notes.slice(0, 80)}` : ''}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <div className="merge-panel__confirm" role="group" aria-label="Confirm merge">
          <p>
            {gone.orderCount === 1 ? '1 order' : `${gone.orderCount} orders`} of <strong>{gone.name}</strong> (#{gone.id}) will move, with their payments, to{' '}
            <strong>{keep.name}</strong> (#{keep.id}). {gone.name} leaves the directory; missing contact details and notes are copied over. This cannot be undone.
          </p>
          <div className="actions">
            <button type="button" className="primary" ref={confirmRef} disabled={busy} onClick={() => void merge()}>
              Yes, merge into {keep.name}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setConfirming(true);
              setError(null);
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
          >
            Merge…
          </button>
          <button type="button" onClick={() => void distinct()}>
            Not the same customer
          </button>
        </div>
      )}
    </div>
  );
}
