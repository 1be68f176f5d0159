/**
 * What the screens say about a mail, from its outbox row; pure, so the wording is the same in the
 * dialog, a document's history and Home. The rule the issue insists on lives here: only
 * `accepted` ever reads as sent; every other state says what it is, with the server's own words.
 */
import type { MailKind, MailStatus, OutboxMail } from '../../../shared/contract/mail';
import { formatDateTime } from '../../../shared/format/dates';
import { SETTLED_WORDS } from '../reminders/reminder-words';

export const MAIL_KIND_NAMES: Record<MailKind, string> = { invoice: 'invoice', credit_note: 'credit note', reminder: 'reminder' };

/** The short label of a status, for a badge or a column. */
export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  accepted: 'Accepted',
  failed: 'Failed',
  uncertain: 'Uncertain',
};

/** Statuses that will still change by themselves (the sender is working on them). */
export function stillMoving(status: MailStatus): boolean {
  return status === 'queued' || status === 'sending';
}

/** What the server said, or why it did not go through, in one sentence. */
export function mailOutcomeText(mail: Pick<OutboxMail, 'status' | 'attempts' | 'response' | 'error' | 'nextAttemptAt'>, locale: string): string {
  switch (mail.status) {
    case 'accepted':
      return `Accepted by the server${mail.response ? ` (${mail.response})` : ''}.`;
    case 'failed':
      return `Failed: ${mail.error || mail.response || 'the server gave no reason.'}`;
    case 'uncertain':
      return 'Uncertain: Order Desk stopped while handing this mail to the server, so it may or may not have arrived. It is sent again only if you say so.';
    case 'sending':
      return 'Sending…';
    case 'queued':
      if (mail.attempts === 0) return 'Queued…';
      // A temporary refusal: not sent, and said so, with when the next try is.
      return `Not accepted yet: ${mail.error || mail.response}${mail.nextAttemptAt ? ` Trying again at ${formatDateTime(mail.nextAttemptAt, locale)}.` : ''}`;
  }
}

/**
 * "not sent again: INV-2026-00017 was paid since" for a reminder's mail that failed or is
 * uncertain and whose invoice no longer owes anything (mail.retry would only refuse it); null for
 * any other mail, which can be sent again.
 */
export function notSentAgainText(mail: Pick<OutboxMail, 'documentNumber' | 'settledSince'>): string | null {
  return mail.settledSince ? `not sent again: ${mail.documentNumber} was ${SETTLED_WORDS[mail.settledSince]} since` : null;
}

/** The same, beside a status badge (which already says Accepted, Failed…): what the server said or why, without saying the status twice. */
export function mailDetailText(mail: Pick<OutboxMail, 'status' | 'attempts' | 'response' | 'error' | 'nextAttemptAt' | 'settledSince'>, locale: string): string {
  switch (mail.status) {
    case 'accepted':
      return mail.response ? `Server’s answer: ${mail.response}` : 'The server gave no answer text.';
    case 'failed':
      return mail.error || mail.response || 'The server gave no reason.';
    case 'uncertain':
      // A reminder settled since is not sent again at all: offering "if you say so" would be untrue.
      return `Order Desk stopped while handing it to the server: it may or may not have arrived.${mail.settledSince ? '' : ' It is sent again only if you say so.'}`;
    case 'sending':
      return 'Being handed to the server…';
    case 'queued':
      if (mail.attempts === 0) return 'Waiting its turn…';
      return `Refused for now: ${mail.error || mail.response}${mail.nextAttemptAt ? ` Trying again at ${formatDateTime(mail.nextAttemptAt, locale)}.` : ''}`;
  }
}

/** "12.4 KB", "1.2 MB": an attachment's size as a clerk reads it. */
export function fileSize(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}
