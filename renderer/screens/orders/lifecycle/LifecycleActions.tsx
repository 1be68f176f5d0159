import { useState } from 'react';
import type { OrderRecord } from '../../../../shared/contract/orders';
import { CloseOrderDialog } from './CloseOrderDialog';
import { ShipDialog } from './ShipDialog';

/** Ship… and Close…, each shown only when the order allows it (shared/domain/order-rules). */
export function LifecycleActions({ record, onChanged }: { record: OrderRecord; onChanged(notice: string): void }) {
  const [open, setOpen] = useState<'ship' | 'close' | null>(null);
  const { order, allowed } = record;
  return (
    <>
      {allowed.ship ? (
        <button type="button" onClick={() => setOpen('ship')}>
          Ship…
        </button>
      ) : null}
      {allowed.close ? (
        <button type="button" onClick={() => setOpen('close')}>
          Close by hand…
        </button>
      ) : null}
      {open === 'ship' ? (
        <ShipDialog
          order={order}
          onCancel={() => setOpen(null)}
          onDone={(o) => {
            setOpen(null);
            onChanged(o.status === 'closed' ? `Order ${o.number} is shipped and, being settled, closed.` : `Order ${o.number} is shipped.`);
          }}
        />
      ) : null}
      {open === 'close' ? (
        <CloseOrderDialog
          order={order}
          onCancel={() => setOpen(null)}
          onDone={(o) => {
            setOpen(null);
            onChanged(`Order ${o.number} is closed.`);
          }}
        />
      ) : null}
    </>
  );
}
