/** invoices.preview, invoices.issue and invoices.credit. */
import type { Invoice, InvoicePreview } from '../../../shared/contract/invoices';
import type { DocumentLanguage } from '../../../shared/documents/invoice-document';
import { today, type ServiceContext, type StagedWriteContext } from '../../context';
import { composeInvoice } from './compose';
import { sha256Hex } from '../../sha256';
import { creditNoteSpec, invoiceSpec, issueDocument, rendererOf, type CreditInput, type IssueInput } from './issue';
import { getInvoice } from './read';

/** The PDF that issuing would make now, marked DRAFT and without a number; nothing is stored. */
export async function previewInvoice(ctx: ServiceContext, input: { orderId: number; shipping?: string | undefined; language?: DocumentLanguage | undefined }): Promise<InvoicePreview> {
  const composed = composeInvoice(ctx, { ...input, issuedOn: today(ctx) }, null);
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

export async function issueInvoice(ctx: StagedWriteContext, input: IssueInput): Promise<{ invoice: Invoice }> {
  const id = await issueDocument(ctx, invoiceSpec(ctx, input), rendererOf(ctx));
  return getInvoice(ctx, { id });
}

export async function creditInvoice(ctx: StagedWriteContext, input: CreditInput): Promise<{ creditNote: Invoice; invoice: Invoice }> {
  const id = await issueDocument(ctx, creditNoteSpec(ctx, input), rendererOf(ctx));
  return { creditNote: getInvoice(ctx, { id }).invoice, invoice: getInvoice(ctx, { id: input.invoiceId }).invoice };
}
