import { useState } from 'react';
import { reportMethods } from '../../../shared/contract/reports';
import { cleanText } from '../../../shared/domain/clean-text';
import { orderDesk } from '../../api/client';
import { ReasonField } from '../../components/ReasonField';
import { DialogForm } from '../../components/DialogForm';
import { useActionForm } from '../../components/useActionForm';

const FIELDS = ['reason'] as const;

interface ReopenMonthDialogProps {
  month: string;
  monthName: string;
  onReopened(): void;
  onClose(): void;
}

/** Reopening undoes a closing, so it asks why; the reason goes to the audit log. */
export function ReopenMonthDialog({ month, monthName, onReopened, onClose }: ReopenMonthDialogProps) {
  const form = useActionForm(FIELDS);
  const [reason, setReason] = useState('');
  const save = () => {
    // The API's own rule (a reason of invisible characters is none), said with what the reason is for.
    if (cleanText(reason, { multiline: true }) === '') return form.refuse({ reason: 'Reason is required: say why the month is reopened.' });
    void form.submit(reportMethods['reports.reopenMonth'].input, { month, reason }, (i) => orderDesk().reports.reopenMonth(i), onReopened);
  };
  return (
    <DialogForm title={`Reopen ${monthName}?`} submitLabel={`Reopen ${monthName}`} cancelLabel="Keep it closed" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onClose}>
      <p>Orders, payments, refunds, write-offs, invoices and credit notes can then be dated in {monthName} again, and its report changes with them until it is closed again. The report stored at closing is kept.</p>
      <ReasonField label="Reason for reopening" value={reason} onChange={setReason} form={form} />
    </DialogForm>
  );
}
