/**
 * The one seam between payment reminders and the mail outbox (issue 17, "Sending").
 *
 * A reminder issued for e-mail is handed to the outbox here, in the transaction that stores it:
 * one mail of kind `reminder` whose `documentId` is the reminder's id, to the address the
 * reminder was issued for (the order's e-mail), with the reminder template in the invoice's
 * language and the stored reminder PDF attached byte for byte (its SHA-256 checked again before
 * every attempt, db/mail/attachments.ts).
 *
 * From then on the reminder's delivery status is its mail's: the outbox tells the listener below
 * of every status the mail takes, in the transaction that sets it (db/mail/outbox.ts
 * onMailStatus), so "accepted" on a reminder always means a mail server accepted it. A reminder
 * whose invoice was paid, credited or covered since is neither queued again nor handed over
 * (its guard: settled-since.ts).
 */
import { DomainError } from '../../../shared/api/errors';
import type { ReminderDeliveryStatus } from '../../../shared/contract/reminders';
import type { MailStatus } from '../../../shared/contract/mail';
import { documentLocale, formatDocumentMoney } from '../../../shared/documents/document-labels';
import type { DocumentLanguage } from '../../../shared/documents/invoice-document';
import { formatLongDate } from '../../../shared/format/dates';
import { fillTemplate } from '../../../shared/mail/templates';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext, WriteContext } from '../../context';
import { checkedAttachment, registerAttachmentSource, type StoredAttachment } from '../../mail/attachments';
import { mailRuntime } from '../../mail/jobs';
import { insertQueuedMail, onMailStatus } from '../../mail/outbox';
import { statement } from '../../statements';
import { audit } from '../audit';
import { getSettings } from '../settings';
import { reminderFileName } from './read';
// Registers the guard that keeps a reminder of an invoice settled since from going out.
import './settled-since';

export interface ReminderToEmail {
  id: number;
  email: string;
}

interface ReminderForMail {
  id: number;
  level: number;
  language: DocumentLanguage;
  currency: CurrencyCode;
  total_minor: number;
  due_on: string;
  invoice_number: string;
  order_number: string;
  customer_name: string;
}

function reminderForMail(ctx: ServiceContext, id: number): ReminderForMail {
  return statement(
    ctx,
    `SELECT r.id, r.level, r.language, r.currency, r.total_minor, json_extract(r.snapshot, '$.invoices[0].dueOn') AS due_on,
            i.number AS invoice_number, o.number AS order_number, o.customer_name
     FROM reminders r JOIN invoices i ON i.id = r.invoice_id JOIN orders o ON o.id = r.order_id WHERE r.id = ?`,
  ).get(id) as ReminderForMail;
}

/** The stored reminder PDF, named as reminders.pdf names it ("INV-2026-00012 reminder 1.pdf"). */
function storedReminderPdf(ctx: ServiceContext, documentId: number): StoredAttachment {
  const row = statement(ctx, 'SELECT r.level, r.pdf, r.pdf_sha256, i.number FROM reminders r JOIN invoices i ON i.id = r.invoice_id WHERE r.id = ?').get(documentId) as
    | { level: number; pdf: Buffer; pdf_sha256: string; number: string }
    | undefined;
  if (!row) throw new DomainError('not_found', `Reminder ${documentId} does not exist.`, 'documentId');
  return { number: reminderFileName(row.number, row.level).replace(/\.pdf$/, ''), pdf: row.pdf, sha256: row.pdf_sha256 };
}

registerAttachmentSource('reminder', storedReminderPdf);

/**
 * Queues the reminder's mail. The caller's transaction commits it with the reminder; the caller
 * wakes the sender after the commit. The Settings it needs were checked before rendering
 * (issue.ts), so a mail queued here can be sent.
 */
export function queueReminderEmail(w: WriteContext, reminder: ReminderToEmail): { emailed: boolean; mailId: number } {
  const runtime = mailRuntime(w);
  const { settings } = getSettings(w);
  const row = reminderForMail(w, reminder.id);
  const template = settings.mailTemplates.reminder[row.language];
  const values = {
    customerName: row.customer_name,
    documentNumber: row.invoice_number,
    // What the reminder asks for: once it is issued (its fee booked), what the order owes.
    amount: formatDocumentMoney(fromMinorUnits(row.total_minor, row.currency), row.currency, row.language),
    dueDate: formatLongDate(row.due_on, documentLocale(row.language)),
    orderNumber: row.order_number,
    unitName: settings.issuer.name,
  };
  const attachment = checkedAttachment(w, 'reminder', row.id);
  const mail = insertQueuedMail(
    w,
    {
      kind: 'reminder',
      documentId: row.id,
      // The invoice reminded: "Reminder INV-2026-00012" wherever the outbox is listed.
      documentNumber: row.invoice_number,
      language: row.language,
      to: reminder.email,
      copyTo: settings.mail.copyTo,
      subject: fillTemplate(template.subject, values),
      text: fillTemplate(template.text, values),
      attachment: { fileName: attachment.fileName, size: attachment.bytes.length, sha256: attachment.sha256 },
      fromAddress: settings.mail.fromAddress,
      batchId: null,
    },
    runtime.clock().toISOString(),
  );
  audit(w, 'mail', mail.id, 'queue', null, { documentNumber: mail.document_number, reminderId: row.id, to: mail.to_address, subject: mail.subject, batchId: null });
  return { emailed: true, mailId: mail.id };
}

/** What a reminder says while its mail is in each state: only an accepted mail is a sent reminder. */
export const REMINDER_STATUS_OF_MAIL: Record<MailStatus, Exclude<ReminderDeliveryStatus, 'to_print'>> = {
  queued: 'email_pending',
  sending: 'email_pending',
  accepted: 'email_accepted',
  failed: 'email_failed',
  uncertain: 'email_uncertain',
};

/** The only change an issued reminder allows (the table's trigger refuses any other). */
export function markReminderDelivery(ctx: WriteContext, id: number, status: Exclude<ReminderDeliveryStatus, 'to_print'>): void {
  statement(ctx, "UPDATE reminders SET delivery_status = ? WHERE id = ? AND delivery = 'email' AND delivery_status <> ?").run(status, id, status);
}

onMailStatus('reminder', (w, mail) => markReminderDelivery(w, mail.document_id, REMINDER_STATUS_OF_MAIL[mail.status]));
