import { WriteOffInput, type MovementResult } from '../../../../shared/contract/payments';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { orderDesk } from '../../../api/client';
import { CardSafeField } from '../../../components/CardSafeField';
import { DialogForm } from '../../../components/DialogForm';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { useActionForm, useFormValues } from '../../../components/useActionForm';

const FIELDS = ['amount', 'reason', 'writtenOffOn'] as const;

interface Props {
  order: Order;
  /** What is still owed: the gap offered for writing off. */
  balance: string;
  onDone(result: MovementResult): void;
  onCancel(): void;
}

/** Closes a gap that will not be paid (bank fees, small differences), always with a reason. */
export function WriteOffDialog({ order, balance, onDone, onCancel }: Props) {
  const form = useActionForm(FIELDS);
  const [f, set] = useFormValues(form, () => ({ amount: balance, writtenOffOn: unitToday(), reason: '' }));
  const input = () => ({ orderId: order.id, ...f, amount: f.amount.trim() });
  const save = () => void form.submit(WriteOffInput, input(), (i) => orderDesk().payments.writeOff(i), onDone);
  return (
    <DialogForm title={`Write off on order ${order.number}`} submitLabel="Write off" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <p>Written-off amounts are reported apart from payments.</p>
      <div className="movement-dialog__grid">
        <Field label={`Amount written off (${order.currency})`} error={form.errors.amount}>
          {(a) => <input {...a} name="amount" autoFocus inputMode="decimal" className="num" value={f.amount} onChange={(e) => set({ amount: e.target.value }, 'amount')} />}
        </Field>
      </div>
      <CardSafeField
        label="Reason"
        name="reason"
        multiline
        maxLength={500}
        hint="For example: bank transfer fees"
        value={f.reason}
        error={form.errors.reason}
        onChange={(v) => set({ reason: v }, 'reason')}
        onError={(m) => form.setFieldError('reason', m)}
        onNotice={form.addNotice}
      />
      <DateField
        label="Date written off"
        name="writtenOffOn"
        error={form.errors.writtenOffOn}
        value={f.writtenOffOn}
        onChange={(writtenOffOn) => set({ writtenOffOn }, 'writtenOffOn')}
      />
    </DialogForm>
  );
}
