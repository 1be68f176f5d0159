/**
 * A mail whose content no longer holds is not sent: a kind of document whose mail can go stale
 * while it waits in the outbox (a reminder, once its invoice is paid, credited or covered by the
 * customer's credit) registers a guard here, saying why its mail must not go out any more.
 *
 * The guard is asked at the two doors a mail passes again after it was queued: the clerk's
 * mail.retry (db/services/mail/manage.ts), which is refused with the guard's words, and the
 * sender's claim of the next mail due (the growing delays after a temporary refusal, a retry the
 * clerk asked for), which fails the mail with them instead of handing it over, in the
 * transaction that asked, audited. Invoices and credit notes register none: they are always sent.
 */
import type { MailKind } from '../../shared/contract/mail';
import type { ServiceContext, WriteContext } from '../context';
import { audit } from '../services/audit';
import { cancelQueuedMail, claimMail, mailRow, nextDueId, type MailRow } from './outbox';

/** Why @mail must not be sent (any more), in words for the clerk; null when it may go. */
export type SendGuard = (ctx: ServiceContext, mail: MailRow) => string | null;

const guards = new Map<MailKind, SendGuard>();

/** The guard of one kind of document's mails (one per kind). */
export function guardMailsOf(kind: MailKind, guard: SendGuard): void {
  guards.set(kind, guard);
}

/** Why @mail must not be sent now, or null. */
export function whyNotSend(ctx: ServiceContext, mail: MailRow): string | null {
  return guards.get(mail.kind)?.(ctx, mail) ?? null;
}

/** What the sender's claim found: a mail to hand over, or one failed instead because it must not go out any more. */
export interface Claimed {
  mail: MailRow;
  withheld: boolean;
}

/**
 * The next queued mail that is due: failed with its guard's reason (audited as `withhold`) when
 * it must not go out any more, otherwise marked `sending` by @sender. One mail per call, so each
 * withheld mail is its own transaction; null when none is due.
 */
export function claimOrWithholdNextDue(w: WriteContext, at: string, sender: string): Claimed | null {
  const id = nextDueId(w, at);
  if (id === null) return null;
  const reason = whyNotSend(w, mailRow(w, id));
  if (reason === null) return { mail: claimMail(w, id, at, sender), withheld: false };
  cancelQueuedMail(w, id, at, reason);
  audit(w, 'mail', id, 'withhold', { status: 'queued' }, { status: 'failed', error: reason });
  return { mail: mailRow(w, id), withheld: true };
}
