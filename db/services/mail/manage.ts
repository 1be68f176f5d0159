/** mail.outbox, mail.retry and mail.cancel: reading the outbox, and the clerk's two ways to change it. */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { MailCancelInput, MailOutboxInput, OutboxMail } from '../../../shared/contract/mail';
import type { ServiceContext, WriteContext } from '../../context';
import { mailRuntime } from '../../mail/jobs';
import { cancelQueuedMail, mailRow, requeueMail, toOutboxMail, type MailRow } from '../../mail/outbox';
import { whyNotSend } from '../../mail/send-guard';
import { statement } from '../../statements';
import { settledSinceOfMails } from '../reminders/settled-since';
import { audit } from '../audit';

export function listOutbox(ctx: ServiceContext, input: z.output<typeof MailOutboxInput>): { mails: OutboxMail[]; total: number } {
  const where = [
    '(@status IS NULL OR status = @status)',
    '(@kind IS NULL OR kind = @kind)',
    // Reminders are numbered apart from invoices: a documentId names a reminder only with its kind.
    "(@documentId IS NULL OR (document_id = @documentId AND (@kind IS NOT NULL OR kind <> 'reminder')))",
    `(@invoiceId IS NULL OR (kind <> 'reminder' AND document_id = @invoiceId)
      OR (kind = 'reminder' AND document_id IN (SELECT id FROM reminders WHERE invoice_id = @invoiceId)))`,
    '(@batchId IS NULL OR batch_id = @batchId)',
  ].join(' AND ');
  const params = {
    status: input.status ?? null,
    kind: input.kind ?? null,
    documentId: input.documentId ?? null,
    invoiceId: input.invoiceId ?? null,
    batchId: input.batchId ?? null,
  };
  const rows = statement(ctx, `SELECT * FROM mails WHERE ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: input.limit, offset: input.offset }) as MailRow[];
  const { total } = statement(ctx, `SELECT count(*) AS total FROM mails WHERE ${where}`).get(params) as { total: number };
  // A reminder's mail that can only be refused now says so, so the screens offer no Retry for it.
  const settled = settledSinceOfMails(ctx, rows);
  return { mails: rows.map((row) => ({ ...toOutboxMail(row), settledSince: settled.get(row.id) ?? null })), total };
}

/**
 * A failed or uncertain mail queued again by the clerk, due now, with its attempts counted afresh
 * (and its Message-ID kept). An accepted mail is never sent again this way: mail.send makes a new one;
 * nor one whose content no longer holds (a reminder whose invoice was paid since: send-guard.ts).
 */
export function retryMail(w: WriteContext, input: { id: number }): { mail: OutboxMail } {
  const runtime = mailRuntime(w);
  const before = mailRow(w, input.id);
  if (before.status === 'accepted') {
    throw new DomainError('conflict', `Mail ${before.id} was accepted by the mail server on ${before.accepted_at?.slice(0, 10)}: to send ${before.document_number} again, e-mail it anew.`, 'id');
  }
  if (before.status === 'sending') throw new DomainError('conflict', `Mail ${before.id} is being handed to the mail server right now.`, 'id');
  const stale = whyNotSend(w, before);
  if (stale !== null) throw new DomainError('conflict', stale, 'id');
  requeueMail(w, before.id, runtime.clock().toISOString());
  const after = mailRow(w, before.id);
  audit(w, 'mail', before.id, 'retry', { status: before.status, error: before.error }, { status: after.status });
  runtime.sender?.wake();
  return { mail: toOutboxMail(after) };
}

/** Queued mails stopped before their handover; a mail being handed over finishes (it is past stopping). */
export function cancelMails(w: WriteContext, input: z.output<typeof MailCancelInput>): { cancelled: OutboxMail[] } {
  const runtime = mailRuntime(w);
  const ids = new Set(input.ids ?? []);
  if (input.batchId !== undefined) {
    for (const id of statement(w, "SELECT id FROM mails WHERE batch_id = ? AND status = 'queued'").pluck().all(input.batchId) as number[]) ids.add(id);
  }
  const at = runtime.clock().toISOString();
  const cancelled: OutboxMail[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    if (!cancelQueuedMail(w, id, at, `Cancelled by ${w.actor} before it was sent.`)) continue;
    audit(w, 'mail', id, 'cancel', { status: 'queued' }, { status: 'failed' });
    cancelled.push(toOutboxMail(mailRow(w, id)));
  }
  return { cancelled };
}
