import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

export interface DialogAction {
  label: string;
  onChoose(): void;
  primary?: boolean;
}

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  actions: DialogAction[];
  /** Esc, or the clerk backing out: the safe choice. */
  onCancel(): void;
}

/**
 * A modal question with named answers. The native <dialog> keeps focus inside and
 * turns Esc into onCancel; the primary answer has focus first, so Enter confirms.
 */
export function ConfirmDialog({ title, children, actions, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-dialog__body">{children}</div>
      <div className="actions">
        {actions.map((action) => (
          <button key={action.label} type="button" className={action.primary ? 'primary' : ''} autoFocus={action.primary} onClick={action.onChoose}>
            {action.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
