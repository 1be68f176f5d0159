import { useState } from 'react';
import { ReverseInput, type MoneyMovement, type MovementResult } from '../../../../shared/contract/payments';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { MOVEMENT_KIND_LABELS } from '../../../../shared/domain/vocabulary';
import { formatMoney } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { CardSafeField } from '../../../components/CardSafeField';
import { DialogForm } from '../../../components/DialogForm';
import { DateField } from '../../../components/DateField';
import { useActionForm } from '../../../components/useActionForm';
import { useLocale } from '../../../state/settings';
import { formatDate } from '../../../../shared/format/dates';

const FIELDS = ['reversedOn', 'reason'] as const;

interface Props {
  order: Order;
  movement: MoneyMovement;
  onDone(result: MovementResult): void;
  onCancel(): void;
}

/** Undoes one movement by recording its reversal: nothing is deleted, and the reason stays on file. */
export function ReverseDialog({ order, movement, onDone, onCancel }: Props) {
  const locale = useLocale();
  const form = useActionForm(FIELDS);
  const [f, setF] = useState({ reversedOn: unitToday(), reason: '' });
  const input = () => ({ paymentId: movement.id, ...f });
  const save = () => void form.submit(ReverseInput, input(), (i) => orderDesk().payments.reverse(i), onDone);
  const what = `${MOVEMENT_KIND_LABELS[movement.kind]} of ${formatMoney(movement.amount, movement.currency, locale)} on ${formatDate(movement.on, locale)}`;
  return (
    <DialogForm title={`Reverse: ${what}`} submitLabel="Reverse it" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <p>
        A reversal is recorded on order {order.number} and undoes this row; both stay in the ledger.
        {movement.counterpartOrderNumber ? ` The matching row on order ${movement.counterpartOrderNumber} is reversed too.` : ''}
      </p>
      <CardSafeField
        label="Reason"
        name="reason"
        autoFocus
        multiline
        maxLength={500}
        value={f.reason}
        error={form.errors.reason}
        onChange={(v) => {
          setF((old) => ({ ...old, reason: v }));
          form.setFieldError('reason', null);
        }}
        onError={(m) => form.setFieldError('reason', m)}
        onNotice={form.addNotice}
      />
      <DateField
        label="Date reversed"
        name="reversedOn"
        error={form.errors.reversedOn}
        value={f.reversedOn}
        onChange={(reversedOn) => {
          setF((old) => ({ ...old, reversedOn }));
          form.setFieldError('reversedOn', null);
        }}
      />
    </DialogForm>
  );
}
