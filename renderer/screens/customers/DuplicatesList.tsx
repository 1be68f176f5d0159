import { useEffect, useState } from 'react';
import type { DuplicatePair } from '../../../shared/contract/customers';
import { orderDesk } from '../../api/client';
import { useNavigation } from '../../state/navigation';
import { MergePanel } from './MergePanel';

/** Opens the record, to look at its orders before deciding. */
function CustomerLink({ id, name }: { id: number; name: string }) {
  const go = useNavigation((s) => s.go);
  return (
    <a
      href={`#/customer/${id}`}
      onClick={(e) => {
        e.preventDefault();
        go({ view: 'customer', id });
      }}
    >
      {name}
    </a>
  );
}

interface DuplicatesListProps {
  onCountChange(count: number): void;
}

/** Every pair of records that look like one customer, each with its merge choice. */
export function DuplicatesList({ onCountChange }: DuplicatesListProps) {
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void orderDesk()
      .customers.duplicates({})
      .then((r) => {
        if (!current) return;
        if (r.ok) {
          setPairs(r.value.pairs);
          onCountChange(r.value.pairs.length);
        } else setError(r.error.message);
      });
    return () => {
      current = false;
    };
  }, [version, onCountChange]);

  const refresh = () => setVersion((v) => v + 1);

  return (
    <div className="duplicates-list">
      <p role="status" className="status">
        {status}
      </p>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {pairs === null && !error ? <p>Loading…</p> : null}
      {pairs?.length === 0 ? <p className="muted">No likely duplicates. Records with the same e-mail, or the same name in the same country, would show here.</p> : null}
      {pairs && pairs.length > 0 ? (
        <ul className="duplicates-list__pairs" aria-label="Possible duplicates">
          {pairs.map((pair) => (
            <li key={`${pair.first.id}:${pair.second.id}`} className="duplicates-list__pair">
              <h3>
                <CustomerLink id={pair.first.id} name={pair.first.name} /> and <CustomerLink id={pair.second.id} name={pair.second.name} />
              </h3>
              <MergePanel
                first={pair.first}
                second={pair.second}
                reasons={pair.reasons}
                onMerged={(kept, moved, mergedName) => {
                  setStatus(`${mergedName} merged into ${kept.name}; ${moved === 1 ? '1 order' : `${moved} orders`} moved.`);
                  refresh();
                }}
                onDistinct={() => {
                  setStatus(`${pair.first.name} and ${pair.second.name} are kept as different customers.`);
                  refresh();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
