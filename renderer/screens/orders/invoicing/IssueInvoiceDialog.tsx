import { InvoiceIssueInput, InvoicePreviewInput, type Invoice } from '../../../../shared/contract/invoices';
import type { Order } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/invoice-document';
import { orderDesk } from '../../../api/client';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { useActionForm, useFormValues } from '../../../components/useActionForm';
import { useApiRead } from '../../../hooks/useApiRead';
import { useIdempotencyKey } from '../../../hooks/useIdempotencyKey';
import { DocumentDialog } from './DocumentDialog';
import { InvoicePreviewPane } from './InvoicePreviewPane';
import { PreviewProblems } from './PreviewProblems';
import './invoicing.css';

const FIELDS = ['shipping', 'language', 'issuedOn'] as const;

/** The clerk's own language names them; the document itself is then written in the one chosen. */
export const LANGUAGE_NAMES: Record<DocumentLanguage, string> = { en: 'English', fr: 'French', es: 'Spanish' };

/** A pause in typing before the preview is made again (each one renders a whole PDF). */
const PREVIEW_DELAY_MS = 350;

interface IssueForm {
  shipping: string;
  /** null: the default from the customer's country, which the first preview tells. */
  language: DocumentLanguage | null;
  issuedOn: string;
}

/** The draft is dated as the invoice will be printed: the date of issue typed, once it is a whole date (else today, as issuing would). */
function previewInput(orderId: number, f: IssueForm) {
  const shipping = f.shipping.trim();
  const issuedOn = f.issuedOn.trim();
  return {
    orderId,
    ...(shipping !== '' ? { shipping } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) ? { issuedOn } : {}),
  };
}

/**
 * Issue invoice: shipping, language and date asked, with the PDF it will be shown beside them
 * and made again as shipping or language change. Issuing takes the next number for good.
 */
export function IssueInvoiceDialog({ order, onIssued, onCancel }: { order: Order; onIssued(invoice: Invoice, andMail: boolean): void; onCancel(): void }) {
  const form = useActionForm(FIELDS);
  // The same key for every attempt to issue from this dialog: a retry after a lost answer issues one invoice.
  const { key } = useIdempotencyKey();
  const [f, set] = useFormValues<IssueForm>(form, () => ({ shipping: '', language: null, issuedOn: unitToday() }));
  const input = previewInput(order.id, f);
  const checked = InvoicePreviewInput.safeParse(input);
  const preview = useApiRead(() => (checked.success ? orderDesk().invoices.preview(input) : null), [order.id, input.shipping, input.language, input.issuedOn], { delayMs: PREVIEW_DELAY_MS });

  const shownLanguage = f.language ?? preview.data?.document.language ?? null;
  const shippingError =
    form.errors.shipping ??
    (!checked.success ? checked.error.issues.find((i) => i.path[0] === 'shipping')?.message : undefined) ??
    (preview.error?.field === 'shipping' ? preview.error.message : undefined);
  const issuedOnError = form.errors.issuedOn ?? (preview.error?.field === 'issuedOn' ? preview.error.message : undefined);
  const previewError = preview.error && preview.error.field !== 'shipping' && preview.error.field !== 'issuedOn' ? preview.error : null;
  const problems = preview.data?.problems ?? [];

  const issue = (andMail: boolean) =>
    void form.submit(
      InvoiceIssueInput,
      { ...input, ...(shownLanguage ? { language: shownLanguage } : {}), issuedOn: f.issuedOn, idempotencyKey: key },
      (i) => orderDesk().invoices.issue(i),
      (r) => onIssued(r.invoice, andMail),
    );

  return (
    <DocumentDialog
      title={`Issue an invoice for order ${order.number}`}
      submitLabel="Issue invoice"
      saving={form.saving}
      blocked={problems.length > 0}
      general={form.general}
      onSubmit={() => issue(false)}
      onSubmitAndMail={() => issue(true)}
      onCancel={onCancel}
      className="issue-invoice-dialog"
    >
      <div className="issue-invoice-dialog__body">
        <div className="issue-invoice-dialog__fields">
          <Field label={`Shipping (${order.currency})`} error={shippingError} hint="Optional: a separate line on the invoice; leave empty for none">
            {(a) => <input {...a} name="shipping" inputMode="decimal" className="num" autoFocus value={f.shipping} onChange={(e) => set({ shipping: e.target.value }, 'shipping')} />}
          </Field>
          <Field label="Language of the invoice" error={form.errors.language} hint="By default from the customer's country">
            {(a) => (
              <select {...a} name="language" value={shownLanguage ?? ''} onChange={(e) => set({ language: e.target.value as DocumentLanguage }, 'language')}>
                {shownLanguage === null ? <option value="">From the customer's country</option> : null}
                {DOCUMENT_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DateField
            label="Date of issue"
            name="issuedOn"
            error={issuedOnError}
            hint="The number's year is this date's year; the draft shows the date as it will be printed"
            value={f.issuedOn}
            onChange={(issuedOn) => set({ issuedOn }, 'issuedOn')}
          />
          <p className="muted issue-invoice-dialog__note">Once issued, the invoice, its number and its amounts never change; a correction is a credit note and a new invoice.</p>
          <PreviewProblems problems={problems} />
        </div>
        <InvoicePreviewPane preview={preview.data} title={`Draft invoice for order ${order.number}`} loading={preview.loading} error={previewError} />
      </div>
    </DocumentDialog>
  );
}
