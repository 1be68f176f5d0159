import { useEffect, useRef } from 'react';
import type { Reminder } from '../../../shared/contract/reminders';
import { plural } from '../../../shared/domain/plural';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { deliveryText } from './reminder-words';
import { SaveReminderPdfs } from './SaveReminderPdfs';

export interface SendOutcome {
  reminders: Reminder[];
  /** A call that was refused (nothing of it was issued), in the API's words. */
  errors: string[];
}

function summary(reminders: Reminder[]): string {
  const emails = reminders.filter((r) => r.delivery === 'email').length;
  const letters = reminders.length - emails;
  const parts = [emails > 0 ? `${plural(emails, 'e-mail', 'e-mails')} waiting for the mail outbox (not sent yet)` : '', letters > 0 ? `${plural(letters, 'letter', 'letters')} to print` : ''].filter(Boolean);
  return `${plural(reminders.length, 'reminder', 'reminders')} issued: ${parts.join(', ')}.`;
}

/** What the last Send did: each reminder with how it goes and its PDF, the letters to print, and what was refused. */
export function SentReminders({ outcome, onOpen }: { outcome: SendOutcome; onOpen(reminder: Reminder): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);
  const letters = outcome.reminders.filter((r) => r.delivery === 'print').map((r) => r.id);
  return (
    <section className="reminders-sent" aria-labelledby="reminders-sent-heading">
      <h2 id="reminders-sent-heading" ref={heading} tabIndex={-1}>
        {outcome.reminders.length > 0 ? summary(outcome.reminders) : 'No reminder was issued.'}
      </h2>
      {outcome.errors.map((message) => (
        <p key={message} className="banner banner--error" role="alert">
          {message}
        </p>
      ))}
      {outcome.reminders.length > 0 ? (
        <table className="grid reminders-sent__table" aria-label="Reminders issued">
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Customer</th>
              <th scope="col">Level</th>
              <th scope="col" className="num">
                To pay
              </th>
              <th scope="col">Delivery</th>
              <th scope="col">PDF</th>
            </tr>
          </thead>
          <tbody>
            {outcome.reminders.map((r) => (
              <tr key={r.id}>
                <td className="reminders__number">
                  <AppLink to={{ view: 'invoice', id: r.invoiceId }}>{r.invoiceNumber}</AppLink>
                </td>
                <td>
                  <bdi>{r.customerName}</bdi>
                </td>
                <td>{r.levelName}</td>
                <td className="money-cell">
                  <Money value={r.total} currency={r.currency} />
                </td>
                <td className={r.deliveryStatus === 'email_pending' ? 'reminders-sent__pending' : undefined}>{deliveryText(r)}</td>
                <td>
                  <button type="button" aria-label={`Open the reminder for ${r.invoiceNumber}`} onClick={() => onOpen(r)}>
                    Open PDF
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {letters.length > 0 ? <SaveReminderPdfs ids={letters} /> : null}
    </section>
  );
}
