import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, RECEIVED_VIA, RECEIVED_VIA_LABELS, type PaymentMethod, type ReceivedVia } from '../../../shared/domain/vocabulary';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import type { OrderForm } from './form-model';
import type { FieldErrors } from './validation';

type DetailField = 'receivedVia' | 'receivedOn' | 'paymentMethod' | 'customerReference' | 'notes';

interface OrderDetailsProps {
  form: OrderForm;
  errors: FieldErrors;
  onChange(patch: Partial<OrderForm>, field: DetailField): void;
  onLeaveField(field: DetailField): void;
}

/** How and when the form arrived, how the customer means to pay, and the clerk's notes. */
export function OrderDetailsFields({ form, errors, onChange, onLeaveField }: OrderDetailsProps) {
  return (
    <fieldset className="details-block">
      <legend>Order details</legend>
      <div className="details-grid">
        <Field label="Received via" error={errors.receivedVia}>
          {(a) => (
            <select
              {...a}
              data-field="receivedVia"
              value={form.receivedVia}
              onChange={(e) => onChange({ receivedVia: e.target.value as ReceivedVia | '' }, 'receivedVia')}
              onBlur={() => onLeaveField('receivedVia')}
            >
              <option value="">Choose…</option>
              {RECEIVED_VIA.map((v) => (
                <option key={v} value={v}>
                  {RECEIVED_VIA_LABELS[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField
          label="Date received"
          dataField="receivedOn"
          value={form.receivedOn}
          error={errors.receivedOn}
          onChange={(receivedOn) => onChange({ receivedOn }, 'receivedOn')}
          onLeave={() => onLeaveField('receivedOn')}
        />
        <Field label="Intended payment method" error={errors.paymentMethod}>
          {(a) => (
            <select {...a} data-field="paymentMethod" value={form.paymentMethod} onChange={(e) => onChange({ paymentMethod: e.target.value as PaymentMethod | '' }, 'paymentMethod')}>
              <option value="">Not stated</option>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Customer's reference" error={errors.customerReference} hint="Their order or purchase number, if written on the form">
          {(a) => (
            <input
              {...a}
              dir="auto"
              data-field="customerReference"
              value={form.customerReference}
              onChange={(e) => onChange({ customerReference: e.target.value }, 'customerReference')}
              onBlur={() => onLeaveField('customerReference')}
            />
          )}
        </Field>
        <Field label="Notes" error={errors.notes} className="span-all">
          {(a) => (
            <textarea {...a} dir="auto" rows={2} data-field="notes" value={form.notes} onChange={(e) => onChange({ notes: e.target.value }, 'notes')} onBlur={() => onLeaveField('notes')} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
