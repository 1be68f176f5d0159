import { useId, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';
import type { FormQuestion } from './useActionForm';

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
  /**
   * The service's question before saving (needs_confirmation): shown above the buttons with its
   * answers, the keyboard on the first, so Enter confirms and Tab, Enter corrects.
   */
  question?: { asked: FormQuestion | null; confirmLabel: string; correctLabel: string; onConfirm(): void; onCorrect(): void };
  children: ReactNode;
}

/**
 * A modal form for one action: Enter (Ctrl+Enter in a multi-line field) saves, Esc backs
 * out, and a problem that is not about one field is said above the buttons.
 */
export function DialogForm({ title, submitLabel, cancelLabel = 'Cancel', saving, general, notice, onSubmit, onCancel, question, children }: DialogFormProps) {
  const questionId = useId();
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
        {question?.asked ? (
          <div className="banner banner--question" role="group" aria-labelledby={questionId}>
            <p id={questionId} role="alert">
              {question.asked.message}
            </p>
            <div className="actions">
              <button type="button" className="primary" autoFocus disabled={saving} onClick={question.onConfirm}>
                {question.confirmLabel}
              </button>
              <button type="button" onClick={question.onCorrect}>
                {question.correctLabel}
              </button>
            </div>
          </div>
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
