/**
 * The reminders whose e-mail did not reach a mail server: refused or cancelled (failed), or cut
 * off mid-handover (uncertain), with the server's reason and "Send again" on each, by keyboard.
 * A reminder sent again stays in the list, following its mail until the server answers, so the
 * clerk sees "accepted by the mail server" (or the new refusal) where the failure was. The
 * reminders a Send on this screen just issued are left out: the table of that Send shows them.
 *
 * So are those whose invoice was paid, credited in full or covered by the customer's credit since
 * (settledSince): they are not sent again (mail.retry refuses them), so there is nothing to do
 * about them; a line counts them, so none goes missing unexplained. One that becomes so while
 * followed here stays, saying it is not sent again, without Send again.
 */
import { useMemo } from 'react';
import type { Reminder, ReminderDeliveryStatus } from '../../../shared/contract/reminders';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';
import { deliveryCounts, leftOutWords } from './reminder-words';
import { SendAgainOutcome, SentReminderRow, useReminderRetry } from './ReminderSendAgain';
import { useFollowedReminders } from './useFollowedReminders';

const UNDELIVERED: ReminderDeliveryStatus[] = ['email_failed', 'email_uncertain'];
const SHOWN = 200;
const NONE: Reminder[] = [];
const SCOPE = 'undelivered';


interface Props {
  /** Changes when the list should be read again (a new Send). */
  version: unknown;
  /** Reminders listed elsewhere on the screen (the last Send's). */
  shownAbove: ReadonlySet<number>;
  onOpen(reminder: Reminder): void;
}

export function UndeliveredReminders({ version, shownAbove, onOpen }: Props) {
  const read = useApiRead(() => orderDesk().reminders.list({ deliveryStatus: UNDELIVERED, limit: SHOWN }), [version]);
  const notShownAbove = useMemo(() => (read.data?.reminders ?? NONE).filter((r) => !shownAbove.has(r.id)), [read.data, shownAbove]);
  const listed = useMemo(() => notShownAbove.filter((r) => r.settledSince === null), [notShownAbove]);
  const leftOut = leftOutWords(notShownAbove);
  const { reminders, queuedAgain } = useFollowedReminders(listed);
  const retry = useReminderRetry(SCOPE, queuedAgain);

  if (read.error) {
    return (
      <p className="banner banner--error" role="alert">
        The reminders whose e-mail was not delivered could not be read: {read.error.message}
      </p>
    );
  }
  if (reminders.length === 0) return null;
  return (
    <section className="reminders-undelivered" aria-labelledby="reminders-undelivered-heading">
      <h2 id="reminders-undelivered-heading">Reminder e-mails not delivered</h2>
      <p className="muted" data-testid="reminders-undelivered-counts">
        {deliveryCounts(reminders)}. Not sent means not sent: send it again once the reason is dealt with, or print the reminder and post it.
        {read.data && read.data.reminders.length >= SHOWN ? ` The ${SHOWN} newest are listed.` : ''}
      </p>
      {leftOut ? (
        <p className="muted" data-testid="reminders-undelivered-left-out">
          {leftOut}.
        </p>
      ) : null}
      <table className="grid reminders-sent__table" aria-label="Reminders whose e-mail was not delivered">
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Customer</th>
            <th scope="col">Level</th>
            <th scope="col">Issued</th>
            <th scope="col" className="num">
              To pay
            </th>
            <th scope="col">Delivery</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reminders.map((r) => (
            <SentReminderRow key={r.id} reminder={r} issued scope={SCOPE} retry={retry} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
      <SendAgainOutcome retry={retry} />
    </section>
  );
}
