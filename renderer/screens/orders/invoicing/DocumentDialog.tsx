import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { ModalDialog } from '../../../components/ModalDialog';

interface DocumentDialogProps {
  title: string;
  submitLabel: string;
  saving: boolean;
  /** The submit button stays off while this is true (e.g. a problem in Settings). */
  blocked?: boolean;
  general: string | null;
  notice?: string | null;
  onSubmit(): void;
  /** "Issue and e-mail": issues the same way, then opens the new document's E-mail dialog (Ctrl+Shift+Enter). */
  onSubmitAndMail?(): void;
  onCancel(): void;
  /** Enter in a field (which does not issue): e.g. refresh the preview at once. */
  onEnterInField?(): void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal form that issues a legal document. Unlike the small action forms, Enter in a field
 * does not submit: an invoice or credit note can never be taken back, so it is issued only
 * with Ctrl+Enter or on its button (Ctrl+Shift+Enter: issued, then e-mailed). Esc backs out.
 */
export function DocumentDialog({ title, submitLabel, saving, blocked = false, general, notice, onSubmit, onSubmitAndMail, onCancel, onEnterInField, className = '', children }: DocumentDialogProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving && !blocked) onSubmit();
  };
  const submitAndMail = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (!saving && !blocked) onSubmitAndMail?.();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if ((e.ctrlKey || e.metaKey) && e.shiftKey && onSubmitAndMail) {
      submitAndMail(e);
    } else if (e.ctrlKey || e.metaKey) {
      submit(e);
    } else if (e.target instanceof HTMLInputElement) {
      // Stops the browser's implicit submission from a text, number or date field.
      e.preventDefault();
      onEnterInField?.();
    }
  };
  return (
    <ModalDialog title={title} className={`order-dialog movement-dialog document-dialog ${className}`} onCancel={onCancel}>
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
          <button type="submit" className="primary" disabled={saving || blocked} aria-keyshortcuts="Control+Enter">
            {saving ? 'Issuing…' : submitLabel} <kbd>Ctrl+Enter</kbd>
          </button>
          {onSubmitAndMail ? (
            <button type="button" disabled={saving || blocked} onClick={submitAndMail} aria-keyshortcuts="Control+Shift+Enter">
              Issue and e-mail <kbd>Ctrl+Shift+Enter</kbd>
            </button>
          ) : null}
          <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
            Cancel <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
