import { useCallback, useEffect, useState } from 'react';
import { orderDesk } from '../../api/client';
import { CustomerDirectory } from './CustomerDirectory';
import { DuplicatesList } from './DuplicatesList';
import './customers.css';

type Tab = 'directory' | 'duplicates';

/** The customer directory, and the list of records that look like the same customer. */
export function CustomersScreen(_props: { id?: number | undefined }) {
  const [tab, setTab] = useState<Tab>('directory');
  const [duplicateCount, setDuplicateCount] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void orderDesk()
      .customers.duplicates({})
      .then((r) => {
        if (current && r.ok) setDuplicateCount(r.value.pairs.length);
      });
    return () => {
      current = false;
    };
  }, []);

  const onCountChange = useCallback((n: number) => setDuplicateCount(n), []);

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
      </div>
      {tab === 'directory' ? <CustomerDirectory /> : <DuplicatesList onCountChange={onCountChange} />}
    </section>
  );
}
