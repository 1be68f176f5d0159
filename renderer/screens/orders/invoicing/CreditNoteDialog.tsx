import type { KeyboardEvent } from 'react';
import { InvoiceCreditInput, type Invoice } from '../../../../shared/contract/invoices';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { signOf } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { CardSafeField } from '../../../components/CardSafeField';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { Money } from '../../../components/Money';
import { useActionForm, useFormValues } from '../../../components/useActionForm';
import { useIdempotencyKey } from '../../../hooks/useIdempotencyKey';
import { useApiRead } from '../../../hooks/useApiRead';
import { formatDate } from '../../../../shared/format/dates';
import { useLocale } from '../../../state/settings';
import { atLineFields, creditChoiceOf, creditInput, creditRowsOf, lineField, type CreditRow } from './credit-choice';
import { DocumentDialog } from './DocumentDialog';
import './invoicing.css';

interface Props {
  order: Order;
  /** The order's open invoice (the one not yet credited in full). */
  invoiceId: number;
  /** `andMail`: the clerk chose Issue and e-mail. */
  onDone(result: { creditNote: Invoice; invoice: Invoice }, andMail: boolean): void;
  onCancel(): void;
}

interface CreditForm {
  quantities: Record<number, string>;
  shipping: string;
  reason: string;
  issuedOn: string;
}

/** Every line and the shipping still creditable: the "credit in full" shortcut. */
function everything(rows: readonly CreditRow[], shippingLeft: string): Pick<CreditForm, 'quantities' | 'shipping'> {
  return { quantities: Object.fromEntries(rows.map((r) => [r.position, String(r.left)])), shipping: signOf(shippingLeft) > 0 ? shippingLeft : '' };
}

function LinesTable({ rows, f, errors, setQuantity }: { rows: CreditRow[]; f: CreditForm; errors: Record<string, string>; setQuantity(position: number, text: string): void }) {
  return (
    <table className="grid credit-lines" aria-label="Lines to credit">
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Title</th>
          <th scope="col" className="num">
            Not yet credited
          </th>
          <th scope="col" className="num">
            Quantity to credit
          </th>
          <th scope="col">
            <span className="visually-hidden">Shortcut</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const field = lineField(row.position);
          const error = errors[field];
          return (
            <tr key={row.position}>
              <td>{row.position}</td>
              <th scope="row">
                <bdi>{row.title}</bdi>
                {error ? (
                  <div className="field__error" id={`${field}-error`} role="alert">
                    {error}
                  </div>
                ) : null}
              </th>
              <td className="num">{row.left}</td>
              <td className="num">
                <input
                  name={field}
                  inputMode="numeric"
                  className="num"
                  autoFocus={index === 0}
                  aria-label={`Quantity to credit, line ${row.position}`}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${field}-error` : undefined}
                  value={f.quantities[row.position] ?? ''}
                  placeholder="0"
                  onChange={(e) => setQuantity(row.position, e.target.value)}
                />
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setQuantity(row.position, String(row.left))} aria-label={`Credit all ${row.left} of line ${row.position}`}>
                  all {row.left}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Credit note for the order's invoice: in full, or chosen copies of chosen lines and some of
 * the shipping, with a reason. The amount shown is computed by the rule the service credits
 * with, so what the clerk reads is what is issued.
 */
export function CreditNoteDialog({ order, invoiceId, onDone, onCancel }: Props) {
  const locale = useLocale();
  const read = useApiRead(() => orderDesk().invoices.get({ id: invoiceId }), [invoiceId]);
  const invoice = read.data?.invoice ?? null;
  const rows = invoice ? creditRowsOf(invoice) : [];
  const shippingLeft = invoice?.creditable?.shipping ?? '0.00';
  const form = useActionForm(['lines', 'shipping', 'reason', 'issuedOn', ...rows.map((r) => lineField(r.position))]);
  const [f, set] = useFormValues<CreditForm>(form, () => ({ quantities: {}, shipping: '', reason: '', issuedOn: unitToday() }));
  // The same key for every attempt to issue from this dialog: a retry after a lost answer issues one credit note.
  const { key } = useIdempotencyKey();
  const choice = creditChoiceOf(rows, f.quantities, f.shipping, shippingLeft, order.currency);
  // A wrong quantity or shipping is said as soon as it is typed (it also hides the amount); the API's errors come after a try.
  const errors: Record<string, string> = { ...choice.errors, ...form.errors };

  const setQuantity = (position: number, text: string) => {
    set({ quantities: { ...f.quantities, [position]: text } }, lineField(position));
    form.setFieldError('lines', null);
  };

  const submit = (andMail: boolean) => {
    if (!invoice) return;
    const firstWrong = Object.keys(choice.errors)[0];
    if (firstWrong) {
      document.querySelector<HTMLElement>(`dialog[open] [name="${CSS.escape(firstWrong)}"]`)?.focus();
      return;
    }
    if (choice.total === null || signOf(choice.total) <= 0) {
      form.setFieldError('lines', 'Choose at least one copy of a line, or some shipping, to credit.');
      document.querySelector<HTMLElement>(`dialog[open] [name="${CSS.escape(rows[0] ? lineField(rows[0].position) : 'shipping')}"]`)?.focus();
      return;
    }
    const input = { ...creditInput(invoice.id, choice, f.reason, f.issuedOn), idempotencyKey: key };
    void form.submit(
      InvoiceCreditInput,
      input,
      async (i) => {
        const result = await orderDesk().invoices.credit(i);
        return result.ok ? result : { ok: false as const, error: atLineFields(result.error, i.lines ?? []) };
      },
      (result) => onDone(result, andMail),
    );
  };

  const creditEverything = () => set(everything(rows, shippingLeft), 'lines');
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyA') {
      e.preventDefault();
      creditEverything();
    }
  };

  const title = invoice ? `Credit note for invoice ${invoice.number}` : 'Credit note';
  return (
    <DocumentDialog
      title={title}
      submitLabel="Issue credit note"
      saving={form.saving}
      blocked={!invoice}
      general={form.general ?? (read.error ? `The invoice could not be read: ${read.error.message}` : null)}
      notice={form.notice}
      onSubmit={() => submit(false)}
      onSubmitAndMail={() => submit(true)}
      onCancel={onCancel}
      className="credit-note-dialog"
    >
      {!invoice ? (
        read.error ? null : <p>Loading the invoice…</p>
      ) : (
        <div onKeyDown={onKeyDown}>
          <p>
            Invoice {invoice.number} of {formatDate(invoice.issuedOn, locale)}, total <Money value={invoice.total} currency={invoice.currency} />
            {signOf(invoice.credited) > 0 ? (
              <>
                , already credited <Money value={invoice.credited} currency={invoice.currency} />
              </>
            ) : null}
            . Still creditable: <Money value={invoice.creditable?.total ?? '0'} currency={invoice.currency} />.
          </p>
          <p>
            <button type="button" onClick={creditEverything} aria-keyshortcuts="Alt+A">
              Credit everything still creditable <kbd>Alt+A</kbd>
            </button>
          </p>
          {errors.lines ? (
            <p className="field__error" role="alert">
              {errors.lines}
            </p>
          ) : null}
          {rows.length > 0 ? <LinesTable rows={rows} f={f} errors={errors} setQuantity={setQuantity} /> : <p className="muted">Every line is credited already; only shipping is left.</p>}
          <div className="credit-note-dialog__grid">
            {signOf(shippingLeft) > 0 ? (
              <Field label={`Shipping to credit (${order.currency})`} error={errors.shipping} hint={`Up to ${shippingLeft} left`}>
                {(a) => <input {...a} name="shipping" inputMode="decimal" className="num" value={f.shipping} placeholder="0.00" onChange={(e) => set({ shipping: e.target.value }, 'shipping')} />}
              </Field>
            ) : null}
            <DateField
              label="Date of issue"
              name="issuedOn"
              error={errors.issuedOn}
              value={f.issuedOn}
              onChange={(issuedOn) => set({ issuedOn }, 'issuedOn')}
            />
          </div>
          <CardSafeField
            label="Reason (printed on the credit note)"
            name="reason"
            multiline
            maxLength={500}
            value={f.reason}
            error={errors.reason}
            onChange={(v) => set({ reason: v }, 'reason')}
            onError={(m) => form.setFieldError('reason', m)}
            onNotice={form.addNotice}
          />
          <p className="credit-note-dialog__amount" aria-live="polite" data-testid="credit-amount">
            {choice.total === null ? (
              <span className="muted">Correct the quantities to see the amount.</span>
            ) : (
              <>
                Amount credited: <strong><Money value={choice.total} currency={order.currency} /></strong>
                {choice.full ? ' — the invoice is credited in full' : ''}
              </>
            )}
          </p>
        </div>
      )}
    </DocumentDialog>
  );
}
