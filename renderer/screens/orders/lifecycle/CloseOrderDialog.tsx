import { useState } from 'react';
import { orderMethods } from '../../../../shared/contract/orders';
import type { Order } from '../../../../shared/contract/types';
import { orderDesk } from '../../../api/client';
import { ReasonField } from '../../../components/ReasonField';
import { DialogForm } from '../../../components/DialogForm';
import { useActionForm } from '../../../components/useActionForm';

const FIELDS = ['reason'] as const;

/** Closes an order by hand (it otherwise closes when shipped and settled); the reason stays on file. */
export function CloseOrderDialog({ order, onDone, onCancel }: { order: Order; onDone(order: Order): void; onCancel(): void }) {
  const form = useActionForm(FIELDS);
  const [reason, setReason] = useState('');
  const input = () => ({ id: order.id, reason });
  const save = () => void form.submit(orderMethods['orders.close'].input, input(), (i) => orderDesk().orders.close(i), (r) => onDone(r.order));
  return (
    <DialogForm title={`Close order ${order.number} by hand?`} submitLabel="Close the order" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <p>A closed order needs no more action. Say why it is closed although it is not both shipped and settled.</p>
      <ReasonField label="Reason for closing" value={reason} onChange={setReason} form={form} />
    </DialogForm>
  );
}
