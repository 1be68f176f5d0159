/**
 * "Never a reminder for an invoice that is paid, fully credited, or covered by the customer's
 * credit" (issue 17) holds after a reminder was issued too: a reminder whose e-mail failed or
 * waits for another attempt is not sent once its invoice no longer owes anything for its goods
 * (a bank statement import recorded its payment, a credit note, credit the customer holds). The
 * rule is reminders.due's (goodsStandings in due.ts), as of the unit's day, never a second one.
 *
 * The outbox asks it before a reminder's mail is queued again or handed over (send-guard.ts);
 * reminders.list says it of each reminder whose e-mail failed or is uncertain (read.ts), and
 * mail.outbox of each such reminder mail (settledSinceOfMails, for Home and a delivery history).
 */
import type { SettledSince } from '../../../shared/contract/reminders';
import { today, type ServiceContext } from '../../context';
import type { MailRow } from '../../mail/outbox';
import { guardMailsOf } from '../../mail/send-guard';
import { statement } from '../../statements';
import { goodsStandings } from './due';

/** Of @invoiceIds, those whose goods are no longer owed today, and why. */
export function settledSince(ctx: ServiceContext, invoiceIds: number[]): Map<number, SettledSince> {
  const settled = new Map<number, SettledSince>();
  for (const [id, standing] of goodsStandings(ctx, [...new Set(invoiceIds)], today(ctx))) {
    if (standing !== 'owed') settled.set(id, standing);
  }
  return settled;
}

/** Of @mails, the reminder mails that failed or are uncertain whose invoice is settled since, by mail id: they are not sent again. */
export function settledSinceOfMails(ctx: ServiceContext, mails: Pick<MailRow, 'id' | 'kind' | 'status' | 'document_id'>[]): Map<number, SettledSince> {
  const undelivered = mails.filter((m) => m.kind === 'reminder' && (m.status === 'failed' || m.status === 'uncertain'));
  const bySince = new Map<number, SettledSince>();
  if (undelivered.length === 0) return bySince;
  const invoiceOf = new Map(
    (
      statement(ctx, 'SELECT id, invoice_id FROM reminders WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(undelivered.map((m) => m.document_id))])) as {
        id: number;
        invoice_id: number;
      }[]
    ).map((r) => [r.id, r.invoice_id]),
  );
  const settled = settledSince(ctx, [...invoiceOf.values()]);
  for (const mail of undelivered) {
    const since = settled.get(invoiceOf.get(mail.document_id) ?? 0);
    if (since) bySince.set(mail.id, since);
  }
  return bySince;
}

const SINCE_WORDS: Record<SettledSince, string> = {
  paid: 'has been paid',
  credited: 'has been credited in full',
  covered: "has been covered by credit the customer holds on other orders (move the credit onto it)",
};

/** "INV-2026-00017 has been paid since this reminder was made (Reminder, level 1, issued 2026-12-14): it is not sent again." */
export function notSentAgainWords(invoiceNumber: string, since: SettledSince, reminder: { levelName: string; level: number; issuedOn: string }): string {
  return `${invoiceNumber} ${SINCE_WORDS[since]} since this reminder was made (${reminder.levelName}, level ${reminder.level}, issued ${reminder.issuedOn}): it is not sent again.`;
}

/** Why reminder @reminderId must not be e-mailed (again) now, or null while its invoice is still owed. */
export function whyReminderNotSent(ctx: ServiceContext, reminderId: number): string | null {
  const reminder = statement(ctx, 'SELECT r.invoice_id, r.level, r.level_name, r.issued_on, i.number FROM reminders r JOIN invoices i ON i.id = r.invoice_id WHERE r.id = ?').get(reminderId) as
    | { invoice_id: number; level: number; level_name: string; issued_on: string; number: string }
    | undefined;
  if (!reminder) return null;
  const since = settledSince(ctx, [reminder.invoice_id]).get(reminder.invoice_id);
  return since ? notSentAgainWords(reminder.number, since, { levelName: reminder.level_name, level: reminder.level, issuedOn: reminder.issued_on }) : null;
}

guardMailsOf('reminder', (ctx, mail) => whyReminderNotSent(ctx, mail.document_id));
