/** invoices.preview, invoices.issue and invoices.credit. */
import { DomainError } from '../../../shared/api/errors';
import type { Invoice, InvoicePreview } from '../../../shared/contract/invoices';
import type { DocumentLanguage } from '../../../shared/documents/invoice-document';
import { today, type ServiceContext, type StagedWriteContext } from '../../context';
import { statement } from '../../statements';
import { composeInvoice } from './compose';
import { sha256Hex } from '../../sha256';
import { creditNoteSpec, invoiceSpec, issueDocument, rendererOf, type CreditInput, type DocumentSpec, type IssueInput } from './issue';
import { getInvoice } from './read';
import type { KeyedInput as Keyed } from '../../api/idempotency';

const KIND_WORDS = { invoice: 'invoice', credit_note: 'credit note' } as const;

/**
 * A series' numbers follow its dates: a document cannot be dated before the latest one already
 * issued in its series (its kind and year), or INV-2026-00002 could be dated before INV-2026-00001.
 */
function assertNotBeforeSeries(ctx: ServiceContext, spec: Pick<DocumentSpec, 'kind' | 'issuedOn'>): void {
  const year = Number(spec.issuedOn.slice(0, 4));
  const latest = statement(ctx, 'SELECT number, issued_on AS issuedOn FROM invoices WHERE kind = ? AND year = ? ORDER BY issued_on DESC, sequence DESC LIMIT 1').get(spec.kind, year) as
    | { number: string; issuedOn: string }
    | undefined;
  if (latest && spec.issuedOn < latest.issuedOn) {
    throw new DomainError(
      'invalid_input',
      `Date of issue cannot be before ${latest.issuedOn}, the date of ${latest.number}, the latest ${KIND_WORDS[spec.kind]} of ${year}: a series is numbered in the order of its dates.`,
      'issuedOn',
    );
  }
}

/**
 * No document is dated before the latest of its series: checked where it is composed (after the
 * date's own checks there), so also inside the storing transaction (another clerk may issue meanwhile).
 */
function inSeriesOrder(ctx: ServiceContext, spec: DocumentSpec): DocumentSpec {
  return {
    ...spec,
    compose: (number) => {
      const composed = spec.compose(number);
      assertNotBeforeSeries(ctx, spec);
      return composed;
    },
  };
}

/** The PDF that issuing would make now, marked DRAFT and without a number, dated as it would be printed; nothing is stored. */
export async function previewInvoice(
  ctx: ServiceContext,
  input: { orderId: number; shipping?: string | undefined; language?: DocumentLanguage | undefined; issuedOn?: string | undefined },
): Promise<InvoicePreview> {
  const issuedOn = input.issuedOn ?? today(ctx);
  const composed = composeInvoice(ctx, { ...input, issuedOn }, null);
  // Said at the date while the clerk looks at the draft, not only once issuing is refused.
  assertNotBeforeSeries(ctx, { kind: 'invoice', issuedOn });
  const pdf = await rendererOf(ctx).render(composed.document);
  return {
    fileName: `Draft invoice ${composed.document.orderNumber}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: pdf.toString('base64'),
    rows: 1,
    sha256: sha256Hex(pdf),
    document: composed.document,
    problems: composed.problems,
  };
}

/** The answer is read in the transaction that stores the document: an idempotent repeat answers exactly it (db/api/register.ts). */
export async function issueInvoice(ctx: StagedWriteContext, input: IssueInput & Keyed): Promise<{ invoice: Invoice }> {
  return issueDocument(ctx, inSeriesOrder(ctx, invoiceSpec(ctx, input)), rendererOf(ctx), (w, id) => getInvoice(w, { id }));
}

export async function creditInvoice(ctx: StagedWriteContext, input: CreditInput & Keyed): Promise<{ creditNote: Invoice; invoice: Invoice }> {
  return issueDocument(ctx, inSeriesOrder(ctx, creditNoteSpec(ctx, input)), rendererOf(ctx), (w, id) => ({
    creditNote: getInvoice(w, { id }).invoice,
    invoice: getInvoice(w, { id: input.invoiceId }).invoice,
  }));
}
