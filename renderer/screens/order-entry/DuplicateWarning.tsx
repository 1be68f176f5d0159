import type { DuplicateCandidate } from '../../../shared/contract/orders';
import { RECEIVED_VIA_LABELS } from '../../../shared/domain/vocabulary';
import { Money } from '../../components/Money';

interface DuplicateWarningProps {
  duplicates: DuplicateCandidate[];
  onSaveAnyway(): void;
}

/** The same order often arrives twice (fax, then the mailed original): warn, never block. */
export function DuplicateWarning({ duplicates, onSaveAnyway }: DuplicateWarningProps) {
  return (
    <div className="banner banner--warning duplicate-warning" role="alert" id="duplicate-warning">
      <strong>This may be a duplicate.</strong> The same customer already ordered the same books:
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={`#/order/${d.id}`}>Order {d.number}</a>, received {d.receivedOn} by {RECEIVED_VIA_LABELS[d.receivedVia].toLowerCase()}, <bdi>{d.customerName}</bdi>,{' '}
            <Money value={d.total} currency={d.currency} />
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onSaveAnyway} data-field="save-anyway">
          Save anyway <kbd>Ctrl+S</kbd>
        </button>
        <span className="muted">or change the form if it is a different order.</span>
      </div>
    </div>
  );
}
