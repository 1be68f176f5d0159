import { RefundInput, type MovementResult } from '../../../../shared/contract/payments';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/domain/vocabulary';
import { negateAmount } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { CardSafeField } from '../../../components/CardSafeField';
import { DialogForm } from '../../../components/DialogForm';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { useActionForm, useFormValues } from '../../../components/useActionForm';

const FIELDS = ['amount', 'method', 'reason', 'paidOn'] as const;

interface Props {
  order: Order;
  /** Negative: the credit held, offered as the amount to pay back. */
  balance: string;
  /** How the money came in, the usual way to send it back. */
  method: PaymentMethod | null;
  onDone(result: MovementResult): void;
  onCancel(): void;
}

/** Pays money back to the customer: at most what the order holds for them, with a reason. */
export function RefundDialog({ order, balance, method, onDone, onCancel }: Props) {
  const form = useActionForm(FIELDS);
  const [f, set] = useFormValues(form, () => ({ amount: negateAmount(balance, order.currency), paidOn: unitToday(), method: method ?? order.paymentMethod ?? 'bank_transfer', reason: '' }));
  const input = () => ({ orderId: order.id, ...f, amount: f.amount.trim() });
  const save = () => void form.submit(RefundInput, input(), (i) => orderDesk().payments.refund(i), onDone);
  return (
    <DialogForm title={`Refund on order ${order.number}`} submitLabel="Record refund" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <div className="movement-dialog__grid">
        <Field label={`Amount paid back (${order.currency})`} error={form.errors.amount}>
          {(a) => <input {...a} name="amount" autoFocus inputMode="decimal" className="num" value={f.amount} onChange={(e) => set({ amount: e.target.value }, 'amount')} />}
        </Field>
        <Field label="Paid back by" error={form.errors.method}>
          {(a) => (
            <select {...a} name="method" value={f.method} onChange={(e) => set({ method: e.target.value as PaymentMethod }, 'method')}>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CardSafeField
        label="Reason"
        name="reason"
        multiline
        maxLength={500}
        value={f.reason}
        error={form.errors.reason}
        onChange={(v) => set({ reason: v }, 'reason')}
        onError={(m) => form.setFieldError('reason', m)}
        onNotice={form.addNotice}
      />
      <DateField
        label="Date paid"
        name="paidOn"
        error={form.errors.paidOn}
        value={f.paidOn}
        onChange={(paidOn) => set({ paidOn }, 'paidOn')}
      />
    </DialogForm>
  );
}
