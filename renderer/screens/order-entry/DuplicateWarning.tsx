import type { DuplicateCandidate } from '../../../shared/contract/orders';
import { RECEIVED_VIA_LABELS } from '../../../shared/domain/vocabulary';
import { Money } from '../../components/Money';

interface DuplicateWarningProps {
  duplicates: DuplicateCandidate[];
  onSaveAnyway(): void;
  /** The paper on the desk is the original of an order already keyed (the fax came first): open that one, dropping this form. */
  onOpenOriginal(orderId: number): void;
}

/**
 * The same order often arrives twice (fax, then the mailed original): warn, never block.
 * Focus stays in the form, and Ctrl+S only checks again: saving a duplicate takes the
 * Save anyway button (or Alt+A), never a reflexive keystroke.
 */
export function DuplicateWarning({ duplicates, onSaveAnyway, onOpenOriginal }: DuplicateWarningProps) {
  return (
    <div className="banner banner--warning duplicate-warning" role="alert" id="duplicate-warning">
      <strong>This may be a duplicate.</strong> The same customer already ordered the same books:
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={`#/order/${d.id}`}>Order {d.number}</a>, received {d.receivedOn} by {RECEIVED_VIA_LABELS[d.receivedVia].toLowerCase()}, <bdi>{d.customerName}</bdi>,{' '}
            <Money value={d.total} currency={d.currency} />.{' '}
            <a
              href={`#/order/${d.id}`}
              className="duplicate-warning__original"
              onClick={(event) => {
                event.preventDefault();
                onOpenOriginal(d.id);
              }}
            >
              This is the original of {d.number} — open it
            </a>{' '}
            <span className="muted">(this form is then discarded)</span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onSaveAnyway} aria-keyshortcuts="Alt+A">
          Save anyway <kbd>Alt+A</kbd>
        </button>
        <span className="muted">or change the form if it is a different order. Ctrl+S checks again and does not save a duplicate.</span>
      </div>
    </div>
  );
}
