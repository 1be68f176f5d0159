import type { Reminder } from '../../../shared/contract/reminders';
import { orderDesk } from '../../api/client';
import { ModalDialog } from '../../components/ModalDialog';
import { PdfFileActions } from '../../components/pdf/PdfFileActions';
import { PdfViewer } from '../../components/pdf/PdfViewer';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import '../orders/orders.css';
import './reminders.css';

export function reminderTitle(reminder: Pick<Reminder, 'levelName' | 'invoiceNumber'>): string {
  return `${reminder.levelName} · ${reminder.invoiceNumber}`;
}

/** A reminder's stored PDF, byte for byte (its hash checked by the service), to read, print or save; Esc closes. */
export function ReminderPdfDialog({ reminder, onClose }: { reminder: Reminder; onClose(): void }) {
  const read = useApiRead(() => orderDesk().reminders.pdf({ id: reminder.id }), [reminder.id]);
  const title = reminderTitle(reminder);
  return (
    <ModalDialog title={title} className="order-dialog reminder-pdf-dialog" onCancel={onClose}>
      {read.data ? (
        <PdfViewer contentBase64={read.data.contentBase64} title={title} actions={<PdfFileActions file={read.data} title={read.data.fileName.replace(/\.pdf$/, '')} />} />
      ) : (
        <ReadStatus read={read} errorPrefix="The PDF could not be loaded: " />
      )}
      <div className="actions">
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </ModalDialog>
  );
}
