import { useState } from 'react';
import type { Reminder } from '../../../shared/contract/reminders';
import { formatDate } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { useLocale } from '../../state/settings';
import { ReminderPdfDialog } from '../reminders/ReminderPdfDialog';
import { deliveryText } from '../reminders/reminder-words';

/** Every payment reminder sent for the customer's invoices, newest first, each with its stored PDF. */
export function CustomerReminders({ reminders }: { reminders: Reminder[] }) {
  const locale = useLocale();
  const [open, setOpen] = useState<Reminder | null>(null);
  if (reminders.length === 0) return <p className="muted">No payment reminder sent to this customer.</p>;
  return (
    <>
      <table className="grid customer-reminders">
        <caption>Payment reminders ({reminders.length})</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Invoice</th>
            <th scope="col">Level</th>
            <th scope="col" className="num">
              Asked for
            </th>
            <th scope="col">Delivery</th>
            <th scope="col">PDF</th>
          </tr>
        </thead>
        <tbody>
          {reminders.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.issuedOn, locale)}</td>
              <th scope="row">
                <AppLink to={{ view: 'invoice', id: r.invoiceId }}>{r.invoiceNumber}</AppLink>
              </th>
              <td>{r.levelName}</td>
              <td className="num">
                <Money value={r.total} currency={r.currency} />
              </td>
              <td>{deliveryText(r)}</td>
              <td>
                <button type="button" aria-label={`Open the reminder for ${r.invoiceNumber}`} onClick={() => setOpen(r)}>
                  Open PDF
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? <ReminderPdfDialog reminder={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
