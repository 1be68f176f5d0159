import { ShipInput } from '../../../../shared/contract/orders';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { orderDesk } from '../../../api/client';
import { CardSafeField } from '../../../components/CardSafeField';
import { DialogForm } from '../../../components/DialogForm';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { useActionForm, useFormValues } from '../../../components/useActionForm';

const FIELDS = ['shippedOn', 'carrier', 'tracking'] as const;

/** Records the shipment; a shipped order that is settled closes by itself. */
export function ShipDialog({ order, onDone, onCancel }: { order: Order; onDone(order: Order): void; onCancel(): void }) {
  const form = useActionForm(FIELDS);
  const [f, set] = useFormValues(form, () => ({ shippedOn: unitToday(), carrier: '', tracking: '' }));
  const input = () => ({ id: order.id, ...f });
  const save = () => void form.submit(ShipInput, input(), (i) => orderDesk().orders.ship(i), (r) => onDone(r.order));
  return (
    <DialogForm title={`Ship order ${order.number}`} submitLabel="Mark as shipped" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <div className="movement-dialog__grid">
        <DateField
          label="Date shipped"
          name="shippedOn"
          autoFocus
          error={form.errors.shippedOn}
          value={f.shippedOn}
          onChange={(shippedOn) => set({ shippedOn }, 'shippedOn')}
        />
        <Field label="Carrier" error={form.errors.carrier}>
          {(a) => <input {...a} name="carrier" dir="auto" maxLength={100} value={f.carrier} onChange={(e) => set({ carrier: e.target.value }, 'carrier')} />}
        </Field>
        <CardSafeField
          label="Tracking number"
          name="tracking"
          maxLength={100}
          value={f.tracking}
          error={form.errors.tracking}
          onChange={(v) => set({ tracking: v }, 'tracking')}
          onError={(m) => form.setFieldError('tracking', m)}
          onNotice={form.addNotice}
        />
      </div>
    </DialogForm>
  );
}
