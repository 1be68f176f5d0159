/**
 * "Send again" for a reminder whose e-mail failed or is uncertain: mail.retry through the same
 * hook as an invoice's delivery history (an uncertain mail is sent again only after the clerk
 * confirms it may already have arrived). The reminder then follows its mail again; the cursor
 * goes to its delivery, which says what the server does with it. Also the row of a reminder sent
 * that carries it, shared by the last Send's table and the list of mails not delivered.
 */
import type { OutboxMail } from '../../../shared/contract/mail';
import type { Reminder, ReminderDeliveryStatus } from '../../../shared/contract/reminders';
import { formatDate } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { useLocale } from '../../state/settings';
import { useMailRetry, type MailRetry } from '../mail/useMailRetry';
import { canSendAgain, deliveryText } from './reminder-words';

/** The id of a reminder's delivery cell, where the cursor goes once its mail is queued again. */
export function deliveryCellId(scope: string, reminderId: number): string {
  return `${scope}-delivery-${reminderId}`;
}

export interface ReminderRetry {
  retry(reminder: Reminder): void;
  again: MailRetry;
}

export function useReminderRetry(scope: string, queuedAgain: (mail: OutboxMail) => void): ReminderRetry {
  const again = useMailRetry((mail) => {
    queuedAgain(mail);
    // After the re-render without the button: the delivery cell says "waiting to be sent", then the server's answer.
    window.requestAnimationFrame(() => document.getElementById(deliveryCellId(scope, mail.documentId))?.focus());
  });
  return {
    again,
    retry(reminder) {
      if (!reminder.mail || !canSendAgain(reminder)) return;
      again.retry({ id: reminder.mail.id, status: reminder.mail.status, to: reminder.email, sendingAt: reminder.mail.sendingAt, documentNumber: reminder.invoiceNumber, kind: 'reminder' });
    },
  };
}

export function SendAgainButton({ reminder, retry }: { reminder: Reminder; retry: ReminderRetry }) {
  if (!canSendAgain(reminder)) return null;
  const uncertain = reminder.deliveryStatus === 'email_uncertain';
  const label = uncertain ? 'Send again…' : 'Send again';
  return (
    <button type="button" disabled={retry.again.busy} aria-label={`${label} the reminder for ${reminder.invoiceNumber}`} onClick={() => retry.retry(reminder)}>
      {label}
    </button>
  );
}

const DELIVERY_CLASS: Partial<Record<ReminderDeliveryStatus, string>> = {
  email_pending: 'reminders-sent__pending',
  email_uncertain: 'reminders-sent__pending',
  email_failed: 'reminders-sent__failed',
};

/**
 * A reminder's row in a table of reminders sent (the last Send's, the mails not delivered): its
 * invoice, customer, level, the issue day where `issued`, what it asks for, how its delivery goes,
 * Send again and Open PDF.
 */
export function SentReminderRow({ reminder, issued = false, scope, retry, onOpen }: { reminder: Reminder; issued?: boolean; scope: string; retry: ReminderRetry; onOpen(reminder: Reminder): void }) {
  const locale = useLocale();
  return (
    <tr>
      <td className="reminders__number">
        <AppLink to={{ view: 'invoice', id: reminder.invoiceId }}>{reminder.invoiceNumber}</AppLink>
      </td>
      <td>
        <bdi>{reminder.customerName}</bdi>
      </td>
      <td>{reminder.levelName}</td>
      {issued ? <td className="reminders__nowrap">{formatDate(reminder.issuedOn, locale)}</td> : null}
      <td className="money-cell">
        <Money value={reminder.total} currency={reminder.currency} />
      </td>
      <td id={deliveryCellId(scope, reminder.id)} tabIndex={-1} aria-live="polite" className={DELIVERY_CLASS[reminder.deliveryStatus]}>
        {deliveryText(reminder)}
      </td>
      <td className="reminders__actions">
        <SendAgainButton reminder={reminder} retry={retry} />{' '}
        <button type="button" aria-label={`Open the reminder for ${reminder.invoiceNumber}`} onClick={() => onOpen(reminder)}>
          Open PDF
        </button>
      </td>
    </tr>
  );
}

/** What the last Send again could not do, and the confirmation it asks for. */
export function SendAgainOutcome({ retry }: { retry: ReminderRetry }) {
  return (
    <>
      {retry.again.error ? (
        <p className="banner banner--error" role="alert">
          {retry.again.error}
        </p>
      ) : null}
      {retry.again.dialog}
    </>
  );
}
