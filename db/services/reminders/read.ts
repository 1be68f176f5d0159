/**
 * reminders.list and reminders.pdf: issued reminders as stored, the PDF checked against its hash on
 * every read; a reminder whose e-mail was not delivered says whether its invoice was settled since.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { InvoicePdfFile } from '../../../shared/contract/invoices';
import type { MailStatus } from '../../../shared/contract/mail';
import type { Reminder, ReminderDelivery, ReminderDeliveryStatus, RemindersListInput, SettledSince } from '../../../shared/contract/reminders';
import type { DocumentLanguage } from '../../../shared/documents/invoice-document';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { sha256Hex } from '../../sha256';
import { statement } from '../../statements';
import { settledSince } from './settled-since';

interface ReminderRow {
  id: number;
  invoice_id: number;
  invoice_number: string;
  order_id: number;
  order_number: string;
  customer_id: number | null;
  customer_name: string;
  level: number;
  level_name: string;
  issued_on: string;
  currency: CurrencyCode;
  language: DocumentLanguage;
  open_minor: number;
  fee_minor: number;
  total_minor: number;
  delivery: ReminderDelivery;
  delivery_status: ReminderDeliveryStatus;
  email: string;
  pdf_sha256: string;
  created_by: string;
  created_at: string;
  mail_id: number | null;
  mail_status: MailStatus | null;
  mail_response: string | null;
  mail_error: string | null;
  mail_sending_at: string | null;
  mail_accepted_at: string | null;
}

/** Without the PDF bytes, which only reminders.pdf reads. The customer is the order's now (a merge moves orders); the mail is the reminder's latest in the outbox. */
const REMINDERS = `
  SELECT r.id, r.invoice_id, i.number AS invoice_number, r.order_id, o.number AS order_number, o.customer_id, o.customer_name,
         r.level, r.level_name, r.issued_on, r.currency, r.language, r.open_minor, r.fee_minor, r.total_minor,
         r.delivery, r.delivery_status, r.email, r.pdf_sha256, r.created_by, r.created_at,
         m.id AS mail_id, m.status AS mail_status, m.response AS mail_response, m.error AS mail_error, m.sending_at AS mail_sending_at, m.accepted_at AS mail_accepted_at
  FROM reminders r JOIN invoices i ON i.id = r.invoice_id JOIN orders o ON o.id = r.order_id
  LEFT JOIN mails m ON m.id = (SELECT max(id) FROM mails WHERE document_id = r.id AND kind = 'reminder')`;

export function reminderFileName(invoiceNumber: string, level: number): string {
  return `${invoiceNumber} reminder ${level}.pdf`;
}

/** The reminders whose e-mail could be sent again: only of those is it asked whether their invoice is still owed. */
const NOT_DELIVERED: ReadonlySet<ReminderDeliveryStatus> = new Set(['email_failed', 'email_uncertain']);

function withSettled(ctx: ServiceContext, rows: ReminderRow[]): Reminder[] {
  const asked = rows.filter((r) => NOT_DELIVERED.has(r.delivery_status)).map((r) => r.invoice_id);
  const settled = settledSince(ctx, asked);
  return rows.map((row) => toReminder(row, NOT_DELIVERED.has(row.delivery_status) ? (settled.get(row.invoice_id) ?? null) : null));
}

function toReminder(row: ReminderRow, settledSince: SettledSince | null): Reminder {
  const money = (minor: number) => fromMinorUnits(minor, row.currency);
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    level: row.level,
    levelName: row.level_name,
    issuedOn: row.issued_on,
    currency: row.currency,
    openAmount: money(row.open_minor),
    fee: money(row.fee_minor),
    total: money(row.total_minor),
    language: row.language,
    delivery: row.delivery,
    deliveryStatus: row.delivery_status,
    email: row.email,
    fileName: reminderFileName(row.invoice_number, row.level),
    mail:
      row.mail_id === null
        ? null
        : { id: row.mail_id, status: row.mail_status!, response: row.mail_response!, error: row.mail_error!, sendingAt: row.mail_sending_at, acceptedAt: row.mail_accepted_at },
    settledSince,
    sha256: row.pdf_sha256,
    issuedBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function getReminder(ctx: ServiceContext, id: number): Reminder {
  const row = statement(ctx, `${REMINDERS} WHERE r.id = ?`).get(id) as ReminderRow | undefined;
  if (!row) throw new DomainError('not_found', `Reminder ${id} does not exist.`, 'id');
  return withSettled(ctx, [row])[0]!;
}

export function listReminders(ctx: ServiceContext, input: z.output<typeof RemindersListInput>): { reminders: Reminder[] } {
  const rows = statement(
    ctx,
    `${REMINDERS}
     WHERE (@invoiceId IS NULL OR r.invoice_id = @invoiceId) AND (@customerId IS NULL OR o.customer_id = @customerId)
       AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids)))
       AND (@statuses IS NULL OR r.delivery_status IN (SELECT value FROM json_each(@statuses)))
     ORDER BY r.issued_on DESC, r.id DESC LIMIT @limit`,
  ).all({
    invoiceId: input.invoiceId ?? null,
    customerId: input.customerId ?? null,
    ids: input.ids ? JSON.stringify(input.ids) : null,
    statuses: input.deliveryStatus ? JSON.stringify(input.deliveryStatus) : null,
    limit: input.limit,
  }) as ReminderRow[];
  return { reminders: withSettled(ctx, rows) };
}

/** The bytes stored at issue; a PDF that no longer matches its hash is never sent. */
export function reminderPdf(ctx: ServiceContext, input: { id: number }): InvoicePdfFile {
  const row = statement(ctx, 'SELECT r.level, r.pdf, r.pdf_sha256, i.number FROM reminders r JOIN invoices i ON i.id = r.invoice_id WHERE r.id = ?').get(input.id) as
    | { level: number; pdf: Buffer; pdf_sha256: string; number: string }
    | undefined;
  if (!row) throw new DomainError('not_found', `Reminder ${input.id} does not exist.`, 'id');
  const fileName = reminderFileName(row.number, row.level);
  if (sha256Hex(row.pdf) !== row.pdf_sha256) {
    throw new DomainError('database_damaged', `The stored PDF of ${fileName} does not match the hash taken when it was issued. Restore a backup and tell IT.`);
  }
  return { fileName, mimeType: 'application/pdf', contentBase64: row.pdf.toString('base64'), rows: 1, sha256: row.pdf_sha256 };
}
