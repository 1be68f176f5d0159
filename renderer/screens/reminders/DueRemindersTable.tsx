import type { DueReminder } from '../../../shared/contract/reminders';
import { formatDate } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { signOf } from '../../../shared/money/money';
import { useLocale } from '../../state/settings';
import { plannedDelivery } from './reminder-words';
import { useEmailReady } from './useEmailReady';

interface DueRemindersTableProps {
  rows: DueReminder[];
  /** Invoice ids the clerk has unticked: everything else is sent. */
  skipped: ReadonlySet<number>;
  onToggle(invoiceId: number): void;
  onToggleAll(send: boolean): void;
  disabled: boolean;
}

/** The invoices due for their next reminder, each with a box the clerk unticks to leave it out (Space toggles). */
export function DueRemindersTable({ rows, skipped, onToggle, onToggleAll, disabled }: DueRemindersTableProps) {
  const locale = useLocale();
  const emailReady = useEmailReady();
  const all = rows.every((r) => !skipped.has(r.invoiceId));
  const none = rows.every((r) => skipped.has(r.invoiceId));
  return (
    <table className="grid reminders-grid" aria-label="Invoices due for a reminder">
      <thead>
        <tr>
          <th scope="col" className="reminders-grid__check">
            <input
              type="checkbox"
              aria-label="Send all"
              checked={all}
              ref={(box) => {
                if (box) box.indeterminate = !all && !none;
              }}
              disabled={disabled}
              onChange={() => onToggleAll(!all)}
            />
          </th>
          <th scope="col">Invoice</th>
          <th scope="col">Customer</th>
          <th scope="col">Level</th>
          <th scope="col" className="num" title="What the order owes now, earlier reminder fees still open included">
            Open amount
          </th>
          <th scope="col" className="num" title="This level's fee: booked on the order when the reminder is issued, and in the amount its payment slip asks for">
            Fee
          </th>
          <th scope="col" className="num" title="What the reminder asks for, its payment slip's amount: the open amount and the fee">
            To pay
          </th>
          <th scope="col" className="num">
            Days overdue
          </th>
          <th scope="col">Last reminder</th>
          <th scope="col">Goes by</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const send = !skipped.has(r.invoiceId);
          return (
            <tr key={r.invoiceId} className={send ? undefined : 'reminders-grid__row--skipped'}>
              <td className="reminders-grid__check">
                <input type="checkbox" aria-label={`Send ${r.levelName.toLowerCase()} for ${r.number}`} checked={send} disabled={disabled} onChange={() => onToggle(r.invoiceId)} />
              </td>
              <td className="reminders__number">
                <AppLink to={{ view: 'invoice', id: r.invoiceId }}>{r.number}</AppLink>
                <div className="reminders-grid__sub">due {formatDate(r.dueOn, locale)}</div>
              </td>
              <td>
                {r.customerId !== null ? (
                  <AppLink to={{ view: 'customer', id: r.customerId }}>
                    <bdi>{r.customerName}</bdi>
                  </AppLink>
                ) : (
                  <bdi>{r.customerName}</bdi>
                )}
                <div className="reminders-grid__sub">Order {r.orderNumber}</div>
              </td>
              <td>
                {r.levelName} <span className="muted reminders__nowrap">(level {r.level})</span>
              </td>
              <td className="money-cell">
                <Money value={r.openAmount} currency={r.currency} />
                {signOf(r.feesOpen) !== 0 ? (
                  <div className="reminders-grid__sub">
                    incl. earlier fees <Money value={r.feesOpen} currency={r.currency} />
                  </div>
                ) : null}
              </td>
              <td className="money-cell">{signOf(r.fee) === 0 ? <span className="muted">—</span> : <Money value={r.fee} currency={r.currency} />}</td>
              <td className="money-cell">
                <Money value={r.total} currency={r.currency} />
              </td>
              <td className="num">{r.daysOverdue}</td>
              <td>{r.lastReminder ? `Level ${r.lastReminder.level}, ${formatDate(r.lastReminder.date, locale)}` : <span className="muted">none yet</span>}</td>
              <td>
                {plannedDelivery(r, emailReady) === 'email' ? (
                  <span className="reminders-grid__email">E-mail to {r.email}</span>
                ) : r.email === '' ? (
                  'Letter to print'
                ) : (
                  'Letter to print (e-mail is not set up)'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
