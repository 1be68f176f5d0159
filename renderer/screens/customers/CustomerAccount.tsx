import { useState } from 'react';
import type { CustomerBalance } from '../../../shared/contract/customers';
import { ORDER_STATUS_LABELS } from '../../../shared/domain/vocabulary';
import { compareAmounts } from '../../../shared/money/money';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { formatDate } from '../../../shared/format/dates';

const PAGE_SIZE = 25;

/** What the customer owes per currency; currencies are never added together. */
export function BalanceTable({ balances }: { balances: CustomerBalance[] }) {
  if (balances.length === 0) return <p className="muted">No orders yet, so nothing is owed.</p>;
  // Reminder fees are owed besides what was ordered: a column only when some are booked.
  const withFees = balances.some((b) => compareAmounts(b.fees, '0') !== 0);
  return (
    <table className="grid balance-table">
      <caption>Balance per currency</caption>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col" className="num">
            Ordered
          </th>
          {withFees ? (
            <th scope="col" className="num" title="Fees of payment reminders, booked on the orders and not waived">
              Reminder fees
            </th>
          ) : null}
          <th scope="col" className="num">
            Paid
          </th>
          <th scope="col" className="num">
            Balance
          </th>
        </tr>
      </thead>
      <tbody>
        {balances.map((b) => {
          const sign = compareAmounts(b.balance, '0');
          return (
            <tr key={b.currency}>
              <th scope="row">
                {b.currency} <span className="muted">({b.orderCount === 1 ? '1 order' : `${b.orderCount} orders`})</span>
              </th>
              <td className="num">
                <Money value={b.ordered} currency={b.currency} />
              </td>
              {withFees ? (
                <td className="num">
                  <Money value={b.fees} currency={b.currency} />
                </td>
              ) : null}
              <td className="num">
                <Money value={b.paid} currency={b.currency} />
              </td>
              <td className={`num balance balance--${sign > 0 ? 'owed' : sign < 0 ? 'credit' : 'settled'}`}>
                {/* An overpayment reads "… credit": clearer to a clerk than a minus sign. */}
                {sign < 0 ? (
                  <>
                    <Money value={b.balance.slice(1)} currency={b.currency} /> credit
                  </>
                ) : (
                  <Money value={b.balance} currency={b.currency} />
                )}
                {sign === 0 ? ' settled' : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The customer's orders, newest first, each linking to its record. */
export function CustomerOrders({ customerId, total }: { customerId: number; total: number }) {
  const locale = useLocale();
  // Read again when the count changes (an order merged in), starting over at the first page.
  const read = useApiRead(() => orderDesk().customers.orders({ id: customerId, limit: PAGE_SIZE, offset: 0 }), [customerId, total]);
  const rows = read.data?.rows ?? [];
  const [moreError, setMoreError] = useState<string | null>(null);

  async function showMore() {
    const r = await orderDesk().customers.orders({ id: customerId, limit: PAGE_SIZE, offset: rows.length });
    if (r.ok) read.update((page) => ({ ...page, rows: [...page.rows, ...r.value.rows] }));
    else setMoreError(r.error.message);
  }

  const error = read.error?.message ?? moreError;
  if (error) return <p className="banner banner--error">{error}</p>;
  if (total === 0) return <p className="muted">No orders from this customer yet.</p>;
  return (
    <>
      <table className="grid customer-orders">
        <caption>Orders ({total})</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Received</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className={o.status === 'cancelled' ? 'customer-orders--cancelled' : ''}>
              <th scope="row">
                <AppLink to={{ view: 'order', id: o.id }}>{o.number}</AppLink>
              </th>
              <td>{formatDate(o.receivedOn, locale)}</td>
              <td>{ORDER_STATUS_LABELS[o.status]}</td>
              <td className="num">
                <Money value={o.total} currency={o.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < total ? (
        <button type="button" className="customer-orders__more" onClick={() => void showMore()}>
          Show more orders ({total - rows.length} more)
        </button>
      ) : null}
    </>
  );
}
