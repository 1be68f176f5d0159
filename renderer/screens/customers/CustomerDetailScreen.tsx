import { useState } from 'react';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import { BalanceTable, CustomerOrders } from './CustomerAccount';
import { CustomerAging } from './CustomerAging';
import { CustomerForm } from './CustomerForm';
import { CustomerHistory } from './CustomerHistory';
import { CustomerReminders } from './CustomerReminders';
import { mergedText, reasonsText } from './customer-display';
import { MergePanel } from './MergePanel';
import './customers.css';

/** One customer: details and notes, balance per currency, order history, and any likely duplicate. */
export function CustomerDetailScreen({ id }: { id: number }) {
  const read = useApiRead(() => orderDesk().customers.profile({ id }), [id]);
  const { data: profile, reload } = read;
  const [comparing, setComparing] = useState<number | null>(null);
  const [notice, setNotice] = useState('');

  // An error wins over an older profile: what is shown must be what the database says now.
  if (read.error || !profile) {
    return (
      <section className="screen customer-detail">
        <h1>Customer</h1>
        <ReadStatus read={read} />
      </section>
    );
  }

  const { customer, mergedInto } = profile;
  const compared = profile.possibleDuplicates.find((d) => d.id === comparing);

  return (
    <section className="screen customer-detail">
      <p className="customer-detail__back">
        <AppLink to={{ view: 'customers' }}>← Customers</AppLink>
      </p>
      <h1>
        {customer.name} <span className="muted customer-detail__id">#{customer.id}</span>
      </h1>
      <p role="status" className="status">
        {notice}
      </p>
      {mergedInto ? (
        <p className="banner banner--warning">
          This record was merged into{' '}
          <AppLink to={{ view: 'customer', id: mergedInto.id }}>
            {mergedInto.name} (#{mergedInto.id})
          </AppLink>
          . It is kept for the record and can no longer be edited.
        </p>
      ) : null}
      {profile.possibleDuplicates.length > 0 ? (
        <div className="banner banner--warning customer-detail__duplicates" role="region" aria-label="Possible duplicates">
          <p>
            <strong>Possible duplicate.</strong> Another record looks like the same customer:
          </p>
          <ul>
            {profile.possibleDuplicates.map((d) => (
              <li key={d.id}>
                {d.name} (#{d.id}, {reasonsText(d.reasons)}, {d.orderCount === 1 ? '1 order' : `${d.orderCount} orders`}){' '}
                <button type="button" aria-expanded={comparing === d.id} onClick={() => setComparing(comparing === d.id ? null : d.id)}>
                  {comparing === d.id ? 'Hide comparison' : `Compare and merge with ${d.name}`}
                </button>
              </li>
            ))}
          </ul>
          {compared ? (
            <MergePanel
              key={compared.id}
              first={{ ...customer, orderCount: profile.orderCount }}
              second={compared}
              reasons={compared.reasons}
              onMerged={(kept, moved, merged) => {
                setComparing(null);
                const text = mergedText(merged, kept, moved);
                // Stay here either way: a merged-away record then says where it went, with a link.
                setNotice(text);
                reload();
              }}
              onDistinct={() => {
                setComparing(null);
                setNotice(`${compared.name} is kept as a different customer.`);
                reload();
              }}
            />
          ) : null}
        </div>
      ) : null}
      <div className="customer-detail__layout">
        <CustomerForm
          key={`${customer.id}:${customer.updatedAt}`}
          customer={customer}
          readOnly={mergedInto !== null}
          onSaved={() => {
            setNotice('Customer saved.');
            reload();
          }}
        />
        <div className="customer-detail__account">
          <BalanceTable balances={profile.balances} />
          <CustomerAging customerId={customer.id} />
          <CustomerOrders customerId={customer.id} total={profile.orderCount} />
          <CustomerReminders reminders={profile.reminders} />
          <CustomerHistory entries={profile.history} />
        </div>
      </div>
    </section>
  );
}
