import { useCallback, useState } from 'react';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';
import { useNavigation } from '../../state/navigation';
import { CustomerDirectory } from './CustomerDirectory';
import { CustomerForm } from './CustomerForm';
import { DuplicatesList } from './DuplicatesList';
import './customers.css';

type Tab = 'directory' | 'duplicates' | 'new';

/** The customer directory, and the list of records that look like the same customer. */
export function CustomersScreen(_props: { id?: number | undefined }) {
  const go = useNavigation((s) => s.go);
  const [tab, setTab] = useState<Tab>('directory');
  // Counted once on arrival (every pair, not only those listed); the duplicates list reports the count again after each merge.
  const counted = useApiRead(() => orderDesk().customers.duplicates({}), []);
  const [reportedCount, setReportedCount] = useState<number | null>(null);
  const duplicateCount = reportedCount ?? counted.data?.total ?? null;

  const onCountChange = useCallback((n: number) => setReportedCount(n), []);

  return (
    <section className="screen customers-screen">
      <h1>Customers</h1>
      <div className="customers-tabs" role="group" aria-label="Customer lists">
        <button type="button" aria-pressed={tab === 'directory'} onClick={() => setTab('directory')}>
          Directory
        </button>
        <button type="button" aria-pressed={tab === 'duplicates'} onClick={() => setTab('duplicates')}>
          Possible duplicates{duplicateCount ? ` (${duplicateCount})` : ''}
        </button>
        <button type="button" aria-pressed={tab === 'new'} onClick={() => setTab('new')}>
          New customer
        </button>
      </div>
      {tab === 'directory' ? <CustomerDirectory /> : null}
      {tab === 'duplicates' ? <DuplicatesList onCountChange={onCountChange} /> : null}
      {tab === 'new' ? (
        <div className="customers-new">
          <p className="muted">Customers are also added automatically when an order is saved. Name and country are required.</p>
          <CustomerForm customer={null} readOnly={false} onSaved={(created) => go({ view: 'customer', id: created.id })} />
        </div>
      ) : null}
    </section>
  );
}
