/** How the Reminders screen says a delivery and the age of the last bank-statement import. */
import type { MailStatus } from '../../../shared/contract/mail';
import type { DueReminder, Reminder, ReminderDeliveryStatus, SettledSince } from '../../../shared/contract/reminders';
import { daysBetween } from '../../../shared/domain/calendar';
import { plural } from '../../../shared/domain/plural';

/** A bank statement older than this many days is said with a warning. */
export const STALE_BANK_IMPORT_DAYS = 3;

export function bankImportAge(lastImport: string | null, today: string): { days: number | null; stale: boolean } {
  if (lastImport === null) return { days: null, stale: true };
  const days = daysBetween(lastImport, today);
  return { days, stale: days > STALE_BANK_IMPORT_DAYS };
}

export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The rule the Send button follows: e-mail where there is an address (and e-mail is set up), a letter to print for the rest. */
export function plannedDelivery(row: Pick<DueReminder, 'email'>, emailReady: boolean): 'email' | 'print' {
  return row.email === '' || !emailReady ? 'print' : 'email';
}

/** Why a reminder whose e-mail did not go out is not sent again: its invoice no longer owes anything for its goods. */
export const SETTLED_WORDS: Record<SettledSince, string> = {
  paid: 'paid',
  credited: 'credited in full',
  covered: 'covered by the customer’s credit',
};

/**
 * How a reminder went, as its mail in the outbox says: "accepted by the mail server" only once a
 * server accepted it, never "sent" before; a failed or uncertain mail says why, in the server's
 * words, or that its invoice was settled since and it is not sent again.
 */
export function deliveryText(reminder: Pick<Reminder, 'deliveryStatus' | 'email' | 'mail' | 'settledSince'>): string {
  const reason = reminder.mail?.error ? `: ${reminder.mail.error}` : '';
  const settled = reminder.settledSince ? `invoice ${SETTLED_WORDS[reminder.settledSince]} since — not sent again` : null;
  switch (reminder.deliveryStatus) {
    case 'to_print':
      return 'Letter to print';
    case 'email_pending':
      return reminder.mail?.error
        ? `E-mail to ${reminder.email}: waiting for another attempt, not sent yet (${reminder.mail.error})`
        : `E-mail to ${reminder.email}: waiting to be sent, not sent yet`;
    case 'email_accepted':
      return `E-mail to ${reminder.email} accepted by the mail server`;
    case 'email_failed':
      return settled ? `E-mail to ${reminder.email} not sent: ${settled}` : `E-mail to ${reminder.email} failed, not sent${reason}`;
    case 'email_uncertain':
      return settled ? `E-mail to ${reminder.email} uncertain: it may or may not have arrived; ${settled}` : `E-mail to ${reminder.email} uncertain: it may or may not have arrived${reason}`;
  }
}

/** What a reminder says while its mail is in each state, as the server keeps it (db/services/reminders/deliver.ts). */
export function reminderStatusOfMail(status: MailStatus): Exclude<ReminderDeliveryStatus, 'to_print'> {
  switch (status) {
    case 'queued':
    case 'sending':
      return 'email_pending';
    case 'accepted':
      return 'email_accepted';
    case 'failed':
      return 'email_failed';
    case 'uncertain':
      return 'email_uncertain';
  }
}

/**
 * A reminder whose mail the clerk can send again: refused or cancelled (failed), or cut off
 * mid-handover (uncertain), while its invoice still owes something (mail.retry refuses the rest).
 */
export function canSendAgain(reminder: Pick<Reminder, 'deliveryStatus' | 'mail' | 'settledSince'>): boolean {
  return reminder.mail !== null && reminder.settledSince === null && (reminder.deliveryStatus === 'email_failed' || reminder.deliveryStatus === 'email_uncertain');
}

/**
 * "2 reminders left out, not sent again: their invoices were paid since" (or "…settled since: 1
 * paid, 1 credited in full"): the undelivered reminders whose invoice was settled since, counted
 * by why; "" for none.
 */
export function leftOutWords(reminders: Pick<Reminder, 'settledSince'>[]): string {
  const settled = reminders.flatMap((r) => (r.settledSince ? [r.settledSince] : []));
  if (settled.length === 0) return '';
  const reasons = (Object.keys(SETTLED_WORDS) as SettledSince[]).map((why) => [why, settled.filter((s) => s === why).length] as const).filter(([, n]) => n > 0);
  const why = reasons.length === 1 ? `${SETTLED_WORDS[reasons[0]![0]]} since` : `settled since: ${reasons.map(([w, n]) => `${n} ${SETTLED_WORDS[w]}`).join(', ')}`;
  return `${plural(settled.length, 'reminder', 'reminders')} left out, not sent again: ${settled.length === 1 ? 'its invoice was' : 'their invoices were'} ${why}`;
}

/** How each delivery is counted, in this order: only "accepted by the mail server" means sent. */
const COUNTED: Array<[ReminderDeliveryStatus, (n: number) => string]> = [
  ['email_accepted', (n) => `${plural(n, 'e-mail', 'e-mails')} accepted by the mail server`],
  ['email_pending', (n) => `${plural(n, 'e-mail', 'e-mails')} waiting to be sent (not sent yet)`],
  ['email_failed', (n) => `${plural(n, 'e-mail', 'e-mails')} failed (not sent)`],
  ['email_uncertain', (n) => `${plural(n, 'e-mail', 'e-mails')} uncertain (may or may not have arrived)`],
  ['to_print', (n) => `${plural(n, 'letter', 'letters')} to print`],
];

/** "1 e-mail accepted by the mail server, 1 letter to print": the deliveries of these reminders, counted. */
export function deliveryCounts(reminders: Pick<Reminder, 'deliveryStatus'>[]): string {
  return COUNTED.map(([status, words]) => {
    const n = reminders.filter((r) => r.deliveryStatus === status).length;
    return n > 0 ? words(n) : '';
  })
    .filter(Boolean)
    .join(', ');
}
