/** How the Reminders screen says a delivery and the age of the last bank-statement import. */
import type { DueReminder, Reminder } from '../../../shared/contract/reminders';
import { daysBetween } from '../../../shared/domain/calendar';

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

/**
 * How a reminder went, as its mail in the outbox says: "accepted by the mail server" only once a
 * server accepted it, never "sent" before; a failed or uncertain mail says why, in the server's words.
 */
export function deliveryText(reminder: Pick<Reminder, 'deliveryStatus' | 'email' | 'mail'>): string {
  const reason = reminder.mail?.error ? `: ${reminder.mail.error}` : '';
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
      return `E-mail to ${reminder.email} failed, not sent${reason}`;
    case 'email_uncertain':
      return `E-mail to ${reminder.email} uncertain: it may or may not have arrived${reason}`;
  }
}
