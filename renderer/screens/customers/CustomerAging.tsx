import { orderDesk } from '../../api/client';
import { AgingTable } from '../../components/charts/AgingTable';
import { useApiRead } from '../../hooks/useApiRead';
import { unitToday } from '../../state/business-day';

/** What the customer owes today, by age, per currency. */
export function CustomerAging({ customerId }: { customerId: number }) {
  const read = useApiRead(() => orderDesk().receivables.aging({ asOf: unitToday(), customerId, customerLimit: 0 }), [customerId]);
  if (read.error) return <p className="banner banner--error">{read.error.message}</p>;
  const aging = read.data;
  if (!aging) return null;
  if (aging.totals.length === 0) return <p className="muted customer-aging">Nothing outstanding today, so no aging.</p>;
  return <AgingTable caption="Aging: what is owed today, by age" rows={aging.totals} />;
}
