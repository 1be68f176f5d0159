import { useEffect, useRef } from 'react';
import type { Reminder } from '../../../shared/contract/reminders';
import { plural } from '../../../shared/domain/plural';
import { deliveryCounts } from './reminder-words';
import { SendAgainOutcome, SentReminderRow, useReminderRetry } from './ReminderSendAgain';
import { SaveReminderPdfs } from './SaveReminderPdfs';
import { useFollowedReminders } from './useFollowedReminders';

export interface SendOutcome {
  reminders: Reminder[];
  /** A call that was refused (nothing of it was issued), in the API's words. */
  errors: string[];
}

function summary(reminders: Reminder[]): string {
  return `${plural(reminders.length, 'reminder', 'reminders')} issued: ${deliveryCounts(reminders)}.`;
}


/** What the last Send did: each reminder with how it goes and its PDF, the letters to print, and what was refused. */
export function SentReminders({ outcome, onOpen }: { outcome: SendOutcome; onOpen(reminder: Reminder): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);
  const { reminders, queuedAgain } = useFollowedReminders(outcome.reminders);
  const retry = useReminderRetry('sent', queuedAgain);
  const letters = reminders.filter((r) => r.delivery === 'print').map((r) => r.id);
  return (
    <section className="reminders-sent" aria-labelledby="reminders-sent-heading">
      <h2 id="reminders-sent-heading" ref={heading} tabIndex={-1}>
        {reminders.length > 0 ? summary(reminders) : 'No reminder was issued.'}
      </h2>
      {outcome.errors.map((message) => (
        <p key={message} className="banner banner--error" role="alert">
          {message}
        </p>
      ))}
      {reminders.length > 0 ? (
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
            {reminders.map((r) => (
              <SentReminderRow key={r.id} reminder={r} scope="sent" retry={retry} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      ) : null}
      <SendAgainOutcome retry={retry} />
      {letters.length > 0 ? <SaveReminderPdfs ids={letters} /> : null}
    </section>
  );
}
