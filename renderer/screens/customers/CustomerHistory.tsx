import type { AuditEntry } from '../../../shared/contract/audit';
import { formatDateTime } from '../../../shared/format/dates';
import { useLocale } from '../../state/settings';

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  address: 'address',
  postalCode: 'zip code',
  city: 'city',
  country: 'country',
  phone: 'tel.',
  email: 'e-mail',
  notes: 'notes',
};

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** One audit entry in words a clerk reads at a glance; a customer action without a case here does not compile. */
export function describeEntry(entry: AuditEntry<'customer'>): string {
  const before = record(entry.before);
  const after = record(entry.after);
  switch (entry.action) {
    case 'create':
      return 'Added to the directory';
    case 'update': {
      const changed = Object.keys(FIELD_LABELS).filter((k) => before[k] !== after[k]);
      return changed.length ? `Changed ${changed.map((k) => FIELD_LABELS[k]).join(', ')}` : 'Saved without changes';
    }
    case 'merge': {
      const moved = Array.isArray(after.movedOrderIds) ? after.movedOrderIds.length : 0;
      return `Record #${String(after.mergedFrom)} merged into this one (${moved === 1 ? '1 order' : `${moved} orders`} moved)`;
    }
    case 'merged_into':
      return `Merged into record #${String(after.mergedInto)}`;
    case 'not_duplicate':
      return `Marked as a different customer from #${String(after.otherCustomerId)}`;
  }
}

/** Who did what to this record, newest first. */
export function CustomerHistory({ entries }: { entries: AuditEntry<'customer'>[] }) {
  const locale = useLocale();
  if (entries.length === 0) return null;
  return (
    <section className="customer-history" aria-labelledby="customer-history-heading">
      <h2 id="customer-history-heading">History</h2>
      <ol>
        {[...entries].reverse().map((entry) => (
          <li key={entry.id}>
            <span className="customer-history__when">{formatDateTime(entry.at, locale)}</span> <span className="muted">{entry.actor}</span> — {describeEntry(entry)}
          </li>
        ))}
      </ol>
    </section>
  );
}
