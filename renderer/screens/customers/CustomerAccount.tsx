import { useEffect, useState } from 'react';
import type { CustomerBalance } from '../../../shared/contract/customers';
import type { OrderSummary } from '../../../shared/contract/types';
import { ORDER_STATUS_LABELS } from '../../../shared/domain/vocabulary';
import { compareAmounts } from '../../../shared/money/money';
import { orderDesk } from '../../api/client';
import { Money } from '../../components/Money';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { formatDate } from '../../format/dates';

const PAGE_SIZE = 25;

/** What the customer owes per currency; currencies are never added together. */
export function BalanceTable({ balances }: { balances: CustomerBalance[] }) {
  if (balances.length === 0) return <p className="muted">No orders yet, so nothing is owed.</p>;
  return (
    <table className="grid balance-table">
      <caption>Balance per currency</caption>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col" className="num">
            Ordered
          </th>
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
  const go = useNavigation((s) => s.go);
  const [rows, setRows] = useState<OrderSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void orderDesk()
      .customers.orders({ id: customerId, limit: PAGE_SIZE, offset: 0 })
      .then((r) => {
        if (!current) return;
        if (r.ok) setRows(r.value.rows);
        else setError(r.error.message);
      });
    return () => {
      current = false;
    };
  }, [customerId, total]);

  async function showMore() {
    const r = await orderDesk().customers.orders({ id: customerId, limit: PAGE_SIZE, offset: rows.length });
    if (r.ok) setRows((before) => [...before, ...r.value.rows]);
    else setError(r.error.message);
  }

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
                <a
                  href={`#/order/${o.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    go({ view: 'order', id: o.id });
                  }}
                >
                  {o.number}
                </a>
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
