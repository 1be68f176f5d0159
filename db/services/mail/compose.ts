/**
 * The mail of one invoice or credit note, as it would be sent: recipient (the order's e-mail by
 * default), subject and text from the template of its kind and language with the placeholders
 * filled in the document's language, and its stored PDF as attachment.
 */
import { DomainError } from '../../../shared/api/errors';
import type { MailPreview } from '../../../shared/contract/mail';
import { documentLocale, formatDocumentMoney } from '../../../shared/documents/document-labels';
import type { DocumentKind, DocumentLanguage } from '../../../shared/documents/invoice-document';
import { formatLongDate } from '../../../shared/format/dates';
import { fillTemplate, type MailValues } from '../../../shared/mail/templates';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { StagedWriteContext } from '../../context';
import { checkedAttachment } from '../../mail/attachments';
import { settingsProblem } from '../../mail/jobs';
import { statement } from '../../statements';
import { invoicePdf } from '../invoices/pdf';
import { getSettings } from '../settings';

interface DocumentForMail {
  id: number;
  kind: DocumentKind;
  number: string;
  language: DocumentLanguage;
  currency: CurrencyCode;
  total_minor: number;
  due_on: string | null;
  has_pdf: number;
  order_number: string;
  customer_name: string;
  customer_email: string;
}

function documentForMail(ctx: StagedWriteContext, documentId: number, field: string): DocumentForMail {
  const row = statement(
    ctx,
    `SELECT i.id, i.kind, i.number, i.language, i.currency, i.total_minor, i.due_on, i.pdf IS NOT NULL AS has_pdf,
            o.number AS order_number, o.customer_name, o.customer_email
     FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.id = ?`,
  ).get(documentId) as DocumentForMail | undefined;
  if (!row) throw new DomainError('not_found', `Document ${documentId} does not exist: give the id of an invoice or credit note.`, field);
  return row;
}

/** The placeholders' values, formatted in the document's language. */
export function documentMailValues(row: DocumentForMail, unitName: string): MailValues {
  const locale = documentLocale(row.language);
  return {
    customerName: row.customer_name,
    documentNumber: row.number,
    amount: formatDocumentMoney(fromMinorUnits(row.total_minor, row.currency), row.currency, row.language),
    dueDate: row.due_on ? formatLongDate(row.due_on, locale) : '',
    orderNumber: row.order_number,
    unitName,
  };
}

export interface DraftOptions {
  to?: string | undefined;
  subject?: string | undefined;
  text?: string | undefined;
  /** The input field naming the document, for errors ("documentId", "documentIds.3"). */
  field?: string;
}

/**
 * The mail of a document, with what would stop it being sent now. A document stored without its
 * PDF (legacy and demo invoices) gets it made and stored first, as invoices.pdf does.
 */
export async function draftDocumentMail(ctx: StagedWriteContext, documentId: number, options: DraftOptions = {}): Promise<MailPreview> {
  const field = options.field ?? 'documentId';
  let row = documentForMail(ctx, documentId, field);
  if (!row.has_pdf) {
    await invoicePdf(ctx, { id: documentId });
    row = documentForMail(ctx, documentId, field);
  }
  const attachment = checkedAttachment(ctx, row.kind, row.id);
  const { settings } = getSettings(ctx);
  const template = settings.mailTemplates[row.kind][row.language];
  const values = documentMailValues(row, settings.issuer.name);
  const to = options.to || row.customer_email;
  const problems: MailPreview['problems'] = [];
  const setUp = settingsProblem(settings.mail, ctx.mail);
  if (setUp) problems.push(setUp);
  if (to === '') problems.push({ field: 'to', message: `The order of ${row.number} has no e-mail address: type the recipient, or print the document instead.` });
  return {
    documentId: row.id,
    kind: row.kind,
    documentNumber: row.number,
    language: row.language,
    to,
    orderEmail: row.customer_email,
    from: settings.mail.fromAddress === '' ? '' : settings.mail.fromName ? `${settings.mail.fromName} <${settings.mail.fromAddress}>` : settings.mail.fromAddress,
    replyTo: settings.mail.replyTo,
    copyTo: settings.mail.copyTo,
    subject: options.subject || fillTemplate(template.subject, values),
    text: options.text || fillTemplate(template.text, values),
    attachment: { fileName: attachment.fileName, mimeType: 'application/pdf', size: attachment.bytes.length, sha256: attachment.sha256 },
    problems,
  };
}
