/**
 * The one seam between payment reminders and the mail outbox (issue 17, "Sending").
 *
 * A reminder issued for e-mail starts `email_pending`; handing it to the outbox happens here, in
 * the transaction that stores it, and nowhere else. Until the outbox is part of Order Desk it
 * queues nothing and answers `{ emailed: false }`: the reminder stays pending, shown as such, and
 * is never claimed as sent. Once the outbox lands, queueReminderEmail adds the outbox row for the
 * stored PDF and markReminderDelivery is what the outbox calls when the server accepts or refuses it.
 */
import type { ReminderDeliveryStatus } from '../../../shared/contract/reminders';
import type { WriteContext } from '../../context';
import { statement } from '../../statements';

export interface ReminderToEmail {
  id: number;
  email: string;
}

export function queueReminderEmail(_ctx: WriteContext, _reminder: ReminderToEmail): { emailed: boolean } {
  return { emailed: false };
}

/** The only change an issued reminder allows (the table's trigger refuses any other). */
export function markReminderDelivery(ctx: WriteContext, id: number, status: Exclude<ReminderDeliveryStatus, 'to_print'>): void {
  statement(ctx, "UPDATE reminders SET delivery_status = ? WHERE id = ? AND delivery = 'email'").run(status, id);
}
