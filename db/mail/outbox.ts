/**
 * The outbox table (migration 0011): every change of a mail's status is one of these functions,
 * each run inside its caller's transaction. The sender (sender.ts) commits `sending` before it
 * hands a mail over, and its outcome afterwards.
 *
 * A document that follows its mail (a reminder's delivery status) is told of every status its
 * mail takes by a listener registered for its kind (onMailStatus), called from the one place
 * every status is written (changeStatus), in the same transaction: it can never disagree with
 * the outbox, and nothing polls.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/api/errors';
import type { MailKind, MailStatus, OutboxMail } from '../../shared/contract/mail';
import type { DocumentLanguage } from '../../shared/documents/invoice-document';
import type { ServiceContext, WriteContext } from '../context';
import { statement } from '../statements';

export interface MailRow {
  id: number;
  kind: MailKind;
  document_id: number;
  document_number: string;
  language: DocumentLanguage;
  batch_id: string | null;
  to_address: string;
  copy_to: string;
  subject: string;
  text: string;
  attachment_name: string;
  attachment_size: number;
  attachment_sha256: string;
  status: MailStatus;
  attempts: number;
  next_attempt_at: string | null;
  message_id: string;
  response: string;
  error: string;
  sender: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  sending_at: string | null;
  accepted_at: string | null;
}

export function toOutboxMail(row: MailRow): OutboxMail {
  return {
    id: row.id,
    kind: row.kind,
    documentId: row.document_id,
    documentNumber: row.document_number,
    language: row.language,
    to: row.to_address,
    copyTo: row.copy_to,
    subject: row.subject,
    text: row.text,
    attachment: { fileName: row.attachment_name, mimeType: 'application/pdf', size: row.attachment_size, sha256: row.attachment_sha256 },
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    response: row.response,
    error: row.error,
    messageId: row.message_id,
    batchId: row.batch_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    sendingAt: row.sending_at,
    acceptedAt: row.accepted_at,
  };
}

export function mailRow(ctx: ServiceContext, id: number): MailRow {
  const row = statement(ctx, 'SELECT * FROM mails WHERE id = ?').get(id) as MailRow | undefined;
  if (!row) throw new DomainError('not_found', `Mail ${id} does not exist.`, 'id');
  return row;
}

export interface NewMail {
  kind: MailKind;
  documentId: number;
  documentNumber: string;
  language: DocumentLanguage;
  to: string;
  copyTo: string;
  subject: string;
  text: string;
  attachment: { fileName: string; size: number; sha256: string };
  /** The sender address: its domain ends the Message-ID. */
  fromAddress: string;
  batchId: string | null;
}

/** A Message-ID of our own, made once per mail: every attempt carries it, so the server's logs and the recipient can tell one mail sent twice. */
function newMessageId(fromAddress: string): string {
  const domain = /@([^@\s>]+)$/.exec(fromAddress)?.[1] ?? 'order-desk.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/** Writes the mail as queued, due at once. The caller's transaction commits it before any sender can see it. */
export function insertQueuedMail(w: WriteContext, mail: NewMail, at: string): MailRow {
  const { lastInsertRowid } = statement(
    w,
    `INSERT INTO mails (kind, document_id, document_number, language, batch_id, to_address, copy_to, subject, text,
       attachment_name, attachment_size, attachment_sha256, status, attempts, next_attempt_at, message_id, created_by, created_at, updated_at)
     VALUES (@kind, @documentId, @documentNumber, @language, @batchId, @to, @copyTo, @subject, @text,
       @fileName, @size, @sha256, 'queued', 0, @at, @messageId, @actor, @at, @at)`,
  ).run({
    kind: mail.kind,
    documentId: mail.documentId,
    documentNumber: mail.documentNumber,
    language: mail.language,
    batchId: mail.batchId,
    to: mail.to,
    copyTo: mail.copyTo,
    subject: mail.subject,
    text: mail.text,
    fileName: mail.attachment.fileName,
    size: mail.attachment.size,
    sha256: mail.attachment.sha256,
    at,
    messageId: newMessageId(mail.fromAddress),
    actor: w.actor,
  });
  const row = mailRow(w, Number(lastInsertRowid));
  told(w, row);
  return row;
}

/** Told of a mail's status, inside the transaction that set it. */
export type MailStatusListener = (w: WriteContext, mail: MailRow) => void;

const statusListeners = new Map<MailKind, MailStatusListener>();

/** The kind of document whose own state follows its mail's (reminders); one listener per kind. */
export function onMailStatus(kind: MailKind, listener: MailStatusListener): void {
  statusListeners.set(kind, listener);
}

function told(w: WriteContext, row: MailRow): void {
  statusListeners.get(row.kind)?.(w, row);
}

/**
 * Every status change after a mail was queued: the UPDATE (only where `only` still holds, so a
 * mail cancelled or retried meanwhile is not overwritten), then the listener of its kind.
 * Answers whether the mail changed.
 */
function changeStatus(w: WriteContext, id: number, set: string, only: string, values: Record<string, unknown>): boolean {
  const { changes } = statement(w, `UPDATE mails SET ${set}, updated_at = @at WHERE id = @id AND ${only}`).run({ id, ...values });
  if (changes === 0) return false;
  told(w, mailRow(w, id));
  return true;
}

/** The next queued mail that is due, or null when none is. */
export function nextDueId(ctx: ServiceContext, at: string): number | null {
  const due = statement(ctx, "SELECT id FROM mails WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1").get(at) as { id: number } | undefined;
  return due?.id ?? null;
}

/** Queued mail @id marked `sending` by `sender` (one more attempt): committed by the caller before the mail is handed over. */
export function claimMail(w: WriteContext, id: number, at: string, sender: string): MailRow {
  changeStatus(w, id, "status = 'sending', attempts = attempts + 1, next_attempt_at = NULL, sending_at = @at, sender = @sender", "status = 'queued'", { at, sender });
  return mailRow(w, id);
}

/**
 * The next queued mail that is due, marked `sending` by `sender` (one more attempt): committed by
 * the caller before the mail is handed over. Null when none is due. (The sender claims through
 * send-guard.ts, which first asks whether the mail may still go out.)
 */
export function claimNextDue(w: WriteContext, at: string, sender: string): MailRow | null {
  const id = nextDueId(w, at);
  return id === null ? null : claimMail(w, id, at, sender);
}

/** When the next queued mail is due (ISO), or null when none is queued. */
export function nextDueAt(ctx: ServiceContext): string | null {
  const row = statement(ctx, "SELECT min(next_attempt_at) AS at FROM mails WHERE status = 'queued'").get() as { at: string | null };
  return row.at;
}

/** Each outcome applies only to a mail still `sending`: a mail cancelled or retried meanwhile is not overwritten. */
function finish(w: WriteContext, id: number, set: string, values: Record<string, unknown>): void {
  changeStatus(w, id, set, "status = 'sending'", values);
}

export function markAccepted(w: WriteContext, id: number, at: string, response: string): void {
  finish(w, id, "status = 'accepted', accepted_at = @at, response = @response, error = ''", { at, response });
}

export function markFailed(w: WriteContext, id: number, at: string, error: string, response: string): void {
  finish(w, id, "status = 'failed', error = @error, response = @response", { at, error, response });
}

export function markForRetry(w: WriteContext, id: number, at: string, nextAttemptAt: string, error: string, response: string): void {
  finish(w, id, "status = 'queued', next_attempt_at = @next, error = @error, response = @response", { at, next: nextAttemptAt, error, response });
}

export function markUncertain(w: WriteContext, id: number, at: string, error: string): void {
  finish(w, id, "status = 'uncertain', error = @error", { at, error });
}

/** The clerk's retry of a failed or uncertain mail (or a queued one, now): due at once, its attempts counted afresh, its Message-ID kept. */
export function requeueMail(w: WriteContext, id: number, at: string): boolean {
  return changeStatus(w, id, "status = 'queued', attempts = 0, next_attempt_at = @at, error = '', response = ''", "status IN ('queued', 'failed', 'uncertain')", { at });
}

/** A queued mail stopped before its handover: failed, saying why. */
export function cancelQueuedMail(w: WriteContext, id: number, at: string, error: string): boolean {
  return changeStatus(w, id, "status = 'failed', next_attempt_at = NULL, error = @error", "status = 'queued'", { at, error });
}

export const INTERRUPTED_MESSAGE =
  'Order Desk stopped while this mail was being handed to the mail server: the server may or may not have taken it. ' +
  'Check with the recipient (or the server’s log, by its Message-ID) before sending it again (Send again…).';

/** A sender host:pid of this computer whose process still runs: its handover is live, not interrupted. */
function stillSending(sender: string, alive: (pid: number) => boolean): boolean {
  const at = sender.lastIndexOf(':');
  if (at < 0 || sender.slice(0, at) !== os.hostname()) return false;
  const pid = Number(sender.slice(at + 1));
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At start-up: every mail left `sending` by a process that no longer runs becomes `uncertain`. It
 * is sent again only when the clerk says so (mail.retry): no silent duplicate, no silent loss.
 */
export function markInterrupted(w: WriteContext, at: string, alive: (pid: number) => boolean = processAlive): number[] {
  const sending = statement(w, "SELECT id, sender FROM mails WHERE status = 'sending' ORDER BY id").all() as { id: number; sender: string }[];
  const interrupted = sending.filter((m) => !stillSending(m.sender, alive)).map((m) => m.id);
  for (const id of interrupted) markUncertain(w, id, at, INTERRUPTED_MESSAGE);
  return interrupted;
}
