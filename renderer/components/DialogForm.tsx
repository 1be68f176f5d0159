import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

interface DialogFormProps {
  title: string;
  submitLabel: string;
  /** The button that backs out, as Esc does; "Cancel" unless that would be confusing (cancelling an order). */
  cancelLabel?: string;
  saving: boolean;
  /** An error that belongs to no single field. */
  general: string | null;
  /** Something the clerk should know, e.g. that a card number was masked. */
  notice?: string | null;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * A modal form for one action: Enter (Ctrl+Enter in a multi-line field) saves, Esc backs
 * out, and a problem that is not about one field is said above the buttons.
 */
export function DialogForm({ title, submitLabel, cancelLabel = 'Cancel', saving, general, notice, onSubmit, onCancel, children }: DialogFormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) onSubmit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
  };
  return (
    <ModalDialog title={title} className="order-dialog movement-dialog" onCancel={onCancel}>
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        {children}
        <p className="status movement-dialog__notice" role="status">
          {notice ?? ''}
        </p>
        {general ? (
          <p className="banner banner--error" role="alert">
            {general}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {submitLabel}
          </button>
          <button type="button" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
