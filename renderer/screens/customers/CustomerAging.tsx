import { useEffect, useState } from 'react';
import type { Aging } from '../../../shared/contract/receivables';
import { localIsoDate } from '../../../shared/domain/dates';
import { orderDesk } from '../../api/client';
import { AgingTable } from '../../components/charts/AgingTable';

/** What the customer owes today, by age, per currency. `version` reloads it after a change. */
export function CustomerAging({ customerId, version }: { customerId: number; version: number }) {
  const [aging, setAging] = useState<Aging | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void orderDesk()
      .receivables.aging({ asOf: localIsoDate(), customerId, customerLimit: 0 })
      .then((r) => {
        if (!current) return;
        if (r.ok) setAging(r.value);
        else setError(r.error.message);
      });
    return () => {
      current = false;
    };
  }, [customerId, version]);

  if (error) return <p className="banner banner--error">{error}</p>;
  if (!aging) return null;
  if (aging.totals.length === 0) return <p className="muted customer-aging">Nothing outstanding today, so no aging.</p>;
  return <AgingTable caption="Aging: what is owed today, by age" rows={aging.totals} />;
}
