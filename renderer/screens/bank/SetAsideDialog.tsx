import { BankSetAsideInput, type BankLine } from '../../../shared/contract/bank';
import { formatMoney } from '../../../shared/money/money';
import { formatDate } from '../../../shared/format/dates';
import { orderDesk } from '../../api/client';
import { DialogForm } from '../../components/DialogForm';
import { ReasonField } from '../../components/ReasonField';
import { useActionForm, useFormValues } from '../../components/useActionForm';
import { useLocale } from '../../state/settings';
import { payerWords } from './bank-words';

const FIELDS = ['reason'] as const;

/** Money that is no order's (interest, a grant, an internal transfer) is kept out of the way, with the reason. */
export function SetAsideDialog({ line, onDone, onCancel }: { line: BankLine; onDone(line: BankLine): void; onCancel(): void }) {
  const locale = useLocale();
  const form = useActionForm(FIELDS);
  const [f, set] = useFormValues(form, () => ({ reason: '' }));
  const save = () => void form.submit(BankSetAsideInput, { lineId: line.id, reason: f.reason }, (i) => orderDesk().bank.setAside(i), (r) => onDone(r.line));
  return (
    <DialogForm
      title={`Set aside ${formatMoney(line.amount, line.currency, locale)} from ${payerWords(line)}`}
      submitLabel="Set aside"
      saving={form.saving}
      general={form.general}
      notice={form.notice}
      onSubmit={save}
      onCancel={onCancel}
    >
      <p>
        Booked {formatDate(line.bookedOn, locale)}. A line set aside records no payment on any order; it stays listed under “Set aside” with the reason.
      </p>
      <ReasonField label="Reason (for example: interest, a grant, an internal transfer)" value={f.reason} onChange={(reason) => set({ reason }, 'reason')} form={form} />
    </DialogForm>
  );
}
