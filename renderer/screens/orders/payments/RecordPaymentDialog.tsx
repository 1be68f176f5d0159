import { RecordPaymentInput, type MovementResult } from '../../../../shared/contract/payments';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { CARD_BRANDS, CARD_BRAND_LABELS, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type CardBrand, type PaymentMethod } from '../../../../shared/domain/vocabulary';
import { signOf } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { CardSafeField } from '../../../components/CardSafeField';
import { DialogForm } from '../../../components/DialogForm';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { useActionForm, useFormValues } from '../../../components/useActionForm';

const FIELDS = [
  'method',
  'amount',
  'receivedOn',
  'card.brand',
  'card.last4',
  'card.authorisationCode',
  'check.number',
  'check.bank',
  'transfer.bankReference',
  'transfer.feesDeducted',
  'reference',
  'note',
] as const;
type FieldName = (typeof FIELDS)[number];

interface PaymentForm {
  method: PaymentMethod;
  receivedOn: string;
  amount: string;
  reference: string;
  note: string;
  cardBrand: CardBrand;
  last4: string;
  authorisationCode: string;
  checkNumber: string;
  checkBank: string;
  bankReference: string;
  feesDeducted: string;
}

export function paymentInput(orderId: number, f: PaymentForm) {
  return {
    orderId,
    method: f.method,
    receivedOn: f.receivedOn,
    amount: f.amount.trim(),
    reference: f.reference,
    note: f.note,
    ...(f.method === 'credit_card' ? { card: { brand: f.cardBrand, last4: f.last4, authorisationCode: f.authorisationCode } } : {}),
    ...(f.method === 'check' ? { check: { number: f.checkNumber, bank: f.checkBank } } : {}),
    ...(f.method === 'bank_transfer'
      ? { transfer: { bankReference: f.bankReference, ...(f.feesDeducted.trim() ? { feesDeducted: f.feesDeducted.trim() } : {}) } }
      : {}),
  };
}

interface Props {
  order: Order;
  /** What the order owes now: the amount offered by default. */
  balance: string;
  onDone(result: MovementResult): void;
  onCancel(): void;
}

/** Records money received: the method's own details, and never more of a card than its last four digits. */
export function RecordPaymentDialog({ order, balance, onDone, onCancel }: Props) {
  const form = useActionForm(FIELDS);
  const [f, set] = useFormValues<PaymentForm>(form, () => ({
    method: order.paymentMethod ?? 'bank_transfer',
    receivedOn: unitToday(),
    amount: signOf(balance) > 0 ? balance : '',
    reference: '',
    note: '',
    cardBrand: 'visa',
    last4: '',
    authorisationCode: '',
    checkNumber: '',
    checkBank: '',
    bankReference: '',
    feesDeducted: '',
  }));
  const text = (label: string, key: keyof PaymentForm, field: FieldName, options: { multiline?: boolean; maxLength: number; hint?: string }) => (
    <CardSafeField
      label={label}
      name={field}
      value={f[key]}
      error={form.errors[field]}
      multiline={options.multiline ?? false}
      maxLength={options.maxLength}
      {...(options.hint ? { hint: options.hint } : {})}
      onChange={(value) => set({ [key]: value } as Partial<PaymentForm>, field)}
      onError={(message) => form.setFieldError(field, message)}
      onNotice={form.addNotice}
    />
  );

  const save = () =>
    void form.submit(RecordPaymentInput, paymentInput(order.id, f), (i) => orderDesk().payments.record(i), onDone);

  return (
    <DialogForm title={`Record a payment on order ${order.number}`} submitLabel="Record payment" saving={form.saving} general={form.general} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <div className="movement-dialog__grid">
        <Field label="Method" error={form.errors.method}>
          {(a) => (
            <select {...a} name="method" autoFocus value={f.method} onChange={(e) => set({ method: e.target.value as PaymentMethod }, 'method')}>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Amount (${order.currency})`} error={form.errors.amount}>
          {(a) => <input {...a} name="amount" inputMode="decimal" className="num" value={f.amount} onChange={(e) => set({ amount: e.target.value }, 'amount')} />}
        </Field>
        <DateField
          label="Date received"
          name="receivedOn"
          error={form.errors.receivedOn}
          value={f.receivedOn}
          onChange={(receivedOn) => set({ receivedOn }, 'receivedOn')}
        />
        {f.method === 'credit_card' ? (
          <>
            <Field label="Card brand" error={form.errors['card.brand']}>
              {(a) => (
                <select {...a} name="card.brand" value={f.cardBrand} onChange={(e) => set({ cardBrand: e.target.value as CardBrand }, 'card.brand')}>
                  {CARD_BRANDS.map((b) => (
                    <option key={b} value={b}>
                      {CARD_BRAND_LABELS[b]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Last four digits of the card" error={form.errors['card.last4']} hint="Only these four: never the whole number">
              {(a) => (
                <input
                  {...a}
                  name="card.last4"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  value={f.last4}
                  onChange={(e) => set({ last4: e.target.value.replace(/\D/g, '') }, 'card.last4')}
                />
              )}
            </Field>
            {text('Authorisation code', 'authorisationCode', 'card.authorisationCode', { maxLength: 20 })}
          </>
        ) : null}
        {f.method === 'check' ? (
          <>
            {text('Check number', 'checkNumber', 'check.number', { maxLength: 40 })}
            {text('Bank', 'checkBank', 'check.bank', { maxLength: 120 })}
          </>
        ) : null}
        {f.method === 'bank_transfer' ? (
          <>
            {text('Bank reference', 'bankReference', 'transfer.bankReference', { maxLength: 140 })}
            <Field label={`Fees deducted by the banks (${order.currency})`} error={form.errors['transfer.feesDeducted']} hint="As shown on the bank statement, if any">
              {(a) => (
                <input {...a} name="transfer.feesDeducted" inputMode="decimal" className="num" value={f.feesDeducted} onChange={(e) => set({ feesDeducted: e.target.value }, 'transfer.feesDeducted')} />
              )}
            </Field>
          </>
        ) : null}
      </div>
      {text('Reference', 'reference', 'reference', { maxLength: 140 })}
      {text('Note', 'note', 'note', { multiline: true, maxLength: 1000 })}
    </DialogForm>
  );
}
