import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';
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
 * A modal question with named answers; the primary answer has focus first, so Enter confirms.
 */
export function ConfirmDialog({ title, children, actions, onCancel }: ConfirmDialogProps) {
  return (
    <ModalDialog title={title} className="confirm-dialog" onCancel={onCancel}>
      <div className="confirm-dialog__body">{children}</div>
      <div className="actions">
        {actions.map((action) => (
          <button key={action.label} type="button" className={action.primary ? 'primary' : ''} autoFocus={action.primary} onClick={action.onChoose}>
            {action.label}
          </button>
        ))}
      </div>
    </ModalDialog>
  );
}
