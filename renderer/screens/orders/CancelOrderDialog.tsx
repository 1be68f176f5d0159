import { useRef, useState, type FormEvent } from 'react';
import type { Order } from '../../../shared/contract/types';
import { cleanText } from '../../../shared/domain/clean-text';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { ModalDialog } from '../../components/ModalDialog';

interface CancelOrderDialogProps {
  order: Order;
  onCancelled(order: Order): void;
  onClose(): void;
}

/**
 * Asks why before cancelling; the reason is required and kept on the order and in its
 * history. Esc closes without cancelling.
 */
export function CancelOrderDialog({ order, onCancelled, onClose }: CancelOrderDialogProps) {
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The API's own rule, so a reason of invisible characters is caught here too.
    if (cleanText(reason, { multiline: true }) === '') {
      setError('Reason is required: say why the order is cancelled.');
      reasonField.current?.focus();
      return;
    }
    setSaving(true);
    const result = await orderDesk().orders.cancel({ id: order.id, reason });
    setSaving(false);
    if (result.ok) onCancelled(result.value.order);
    else setError(result.error.message);
  };

  return (
    <ModalDialog title={`Cancel order ${order.number}?`} className="order-dialog" onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <p>The order stays on file, marked cancelled, with the reason below. This cannot be undone.</p>
        <Field label="Reason for cancelling" error={error}>
          {(props) => (
            <textarea
              {...props}
              ref={reasonField}
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
    </ModalDialog>
  );
}
