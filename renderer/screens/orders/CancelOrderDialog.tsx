import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Order } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';

interface CancelOrderDialogProps {
  order: Order;
  onCancelled(order: Order): void;
  onClose(): void;
}

/**
 * Asks why before cancelling; the reason is required and kept on the order and in its
 * history. A native modal <dialog>: focus stays inside, Esc closes without cancelling.
 */
export function CancelOrderDialog({ order, onCancelled, onClose }: CancelOrderDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setError('Reason is required: say why the order is cancelled.');
      ref.current?.querySelector('textarea')?.focus();
      return;
    }
    setSaving(true);
    const result = await orderDesk().orders.cancel({ id: order.id, reason });
    setSaving(false);
    if (result.ok) onCancelled(result.value.order);
    else setError(result.error.message);
  };

  return (
    <dialog
      ref={ref}
      className="order-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>Cancel order {order.number}?</h2>
        <p>The order stays on file, marked cancelled, with the reason below. This cannot be undone.</p>
        <Field label="Reason for cancelling" error={error}>
          {(props) => (
            <textarea
              {...props}
              dir="auto"
              autoFocus
              maxLength={500}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (error && e.target.value.trim() !== '') setError(undefined);
              }}
              onKeyDown={(e) => {
                // Ctrl+Enter submits from the multi-line field.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            Cancel the order
          </button>
          <button type="button" onClick={onClose}>
            Keep the order
          </button>
        </div>
      </form>
    </dialog>
  );
}
