import { useState } from 'react';
import { WaiveReminderFeeInput, type ReminderFee, type WaiveReminderFeeResult } from '../../../../shared/contract/payments';
import type { Order } from '../../../../shared/contract/types';
import { formatMoney } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { DialogForm } from '../../../components/DialogForm';
import { ReasonField } from '../../../components/ReasonField';
import { useActionForm } from '../../../components/useActionForm';
import { useLocale } from '../../../state/settings';
import { formatDate } from '../../../../shared/format/dates';
import { reminderFeeLabel } from '../../../../shared/domain/reminder-levels';

const FIELDS = ['reason'] as const;

interface Props {
  order: Order;
  fee: ReminderFee;
  onDone(result: WaiveReminderFeeResult): void;
  onCancel(): void;
}

/** Gives up a reminder fee, once and with a reason: from today it is no longer owed; the fee stays listed as waived. */
export function WaiveFeeDialog({ order, fee, onDone, onCancel }: Props) {
  const locale = useLocale();
  const form = useActionForm(FIELDS);
  const [reason, setReason] = useState('');
  const save = () => void form.submit(WaiveReminderFeeInput, { feeId: fee.id, reason }, (i) => orderDesk().payments.waiveReminderFee(i), onDone);
  return (
    <DialogForm
      title={`Waive: ${reminderFeeLabel(fee)}`}
      submitLabel="Waive the fee"
      saving={form.saving}
      general={form.general}
      notice={form.notice}
      onSubmit={save}
      onCancel={onCancel}
    >
      <p>
        The fee of {formatMoney(fee.amount, fee.currency, locale)} charged with the reminder of {formatDate(fee.chargedOn, locale)} is no longer owed on order {order.number} from
        today. It stays listed as waived, with the reason; money the customer already paid stays on the order.
      </p>
      <ReasonField label="Reason" hint="For example: long-standing customer, payment crossed the reminder" value={reason} onChange={setReason} form={form} />
    </DialogForm>
  );
}
