import { useEffect, useState } from 'react';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import { mergedText } from './customer-display';
import { MergePanel } from './MergePanel';

/** Opens the record, to look at its orders before deciding. */
function CustomerLink({ id, name }: { id: number; name: string }) {
  return <AppLink to={{ view: 'customer', id }}>{name}</AppLink>;
}

interface DuplicatesListProps {
  onCountChange(count: number): void;
}

/** Every pair of records that look like one customer, each with its merge choice. */
export function DuplicatesList({ onCountChange }: DuplicatesListProps) {
  const read = useApiRead(() => orderDesk().customers.duplicates({}), []);
  const pairs = read.data?.pairs ?? null;
  const total = read.data?.total ?? null;
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (total !== null) onCountChange(total);
  }, [total, onCountChange]);

  const refresh = read.reload;

  return (
    <div className="duplicates-list">
      <p role="status" className="status">
        {status}
      </p>
      <ReadStatus read={read} />
      {pairs?.length === 0 ? <p className="muted">No likely duplicates. Records with the same e-mail, or the same name in the same country, would show here.</p> : null}
      {pairs && total !== null && total > pairs.length ? (
        <p className="muted">
          The {pairs.length} most recently added of {total} pairs; more appear here as these are merged or kept apart.
        </p>
      ) : null}
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
                onMerged={(kept, moved, merged) => {
                  setStatus(mergedText(merged, kept, moved));
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
