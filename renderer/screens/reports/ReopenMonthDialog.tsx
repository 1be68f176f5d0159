import { useRef, useState, type FormEvent } from 'react';
import { cleanText } from '../../../shared/domain/clean-text';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { ModalDialog } from '../../components/ModalDialog';

interface ReopenMonthDialogProps {
  month: string;
  monthName: string;
  onReopened(): void;
  onClose(): void;
}

/** Reopening undoes a closing, so it asks why; the reason goes to the audit log. */
export function ReopenMonthDialog({ month, monthName, onReopened, onClose }: ReopenMonthDialogProps) {
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (cleanText(reason, { multiline: true }) === '') {
      setError('Reason is required: say why the month is reopened.');
      reasonField.current?.focus();
      return;
    }
    setSaving(true);
    const result = await orderDesk().reports.reopenMonth({ month, reason });
    setSaving(false);
    if (result.ok) onReopened();
    else setError(result.error.message);
  };

  return (
    <ModalDialog title={`Reopen ${monthName}?`} className="order-dialog" onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <p>Orders, payments, refunds, write-offs, invoices and credit notes can then be dated in {monthName} again, and its report changes with them until it is closed again. The report stored at closing is kept.</p>
        <Field label="Reason for reopening" error={error}>
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
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            Reopen {monthName}
          </button>
          <button type="button" onClick={onClose}>
            Keep it closed
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
