import { useState } from 'react';
import { orderMethods } from '../../../shared/contract/orders';
import type { Order } from '../../../shared/contract/types';
import { cleanText } from '../../../shared/domain/clean-text';
import { orderDesk } from '../../api/client';
import { ReasonField } from '../../components/ReasonField';
import { DialogForm } from '../../components/DialogForm';
import { useActionForm } from '../../components/useActionForm';

const FIELDS = ['reason'] as const;

interface CancelOrderDialogProps {
  order: Order;
  onCancelled(order: Order): void;
  onClose(): void;
}

/**
 * Asks why before cancelling; the reason is required and kept on the order and in its
 * history, so a card number typed into it is cut to its last four digits. Esc closes
 * without cancelling.
 */
export function CancelOrderDialog({ order, onCancelled, onClose }: CancelOrderDialogProps) {
  const form = useActionForm(FIELDS);
  const [reason, setReason] = useState('');
  const save = () => {
    // The API's own rule (a reason of invisible characters is none), said with what the reason is for.
    if (cleanText(reason, { multiline: true }) === '') return form.refuse({ reason: 'Reason is required: say why the order is cancelled.' });
    void form.submit(orderMethods['orders.cancel'].input, { id: order.id, reason }, (i) => orderDesk().orders.cancel(i), (r) => onCancelled(r.order));
  };
  return (
    <DialogForm
      title={`Cancel order ${order.number}?`}
      submitLabel="Cancel the order"
      cancelLabel="Keep the order"
      saving={form.saving}
      general={form.general}
      notice={form.notice}
      onSubmit={save}
      onCancel={onClose}
    >
      <p>The order stays on file, marked cancelled, with the reason below. This cannot be undone.</p>
      <ReasonField label="Reason for cancelling" value={reason} onChange={setReason} form={form} />
    </DialogForm>
  );
}
