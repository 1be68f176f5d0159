import { useRef } from 'react';
import type { Dashboard } from '../../../shared/contract/receivables';
import type { OrderSummary } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { AgingChart } from '../../components/charts/AgingChart';
import { Money } from '../../components/Money';
import { ReadStatus } from '../../components/ReadStatus';
import { StatusBadges } from '../../components/StatusBadges';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { useApiRead } from '../../hooks/useApiRead';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { BalanceWords } from '../orders/payments/PaymentsPanel';
import { MailsToCheck } from '../mail/MailsToCheck';
import { NoMailPassword } from '../mail/NoMailPassword';
import './home.css';

function OrderLink({ order }: { order: OrderSummary }) {
  const go = useNavigation((s) => s.go);
  return (
    <a
      href={`#/order/${order.id}`}
      onClick={(e) => {
        e.preventDefault();
        go({ view: 'order', id: order.id });
      }}
    >
      {order.number}
    </a>
  );
}

function OpenBalances({ dashboard }: { dashboard: Dashboard }) {
  const { totals } = dashboard.aging;
  if (totals.length === 0) return <p className="muted">Nothing is owed to the unit today.</p>;
  return (
    <ul className="home-balances">
      {totals.map((t) => (
        <li key={t.currency}>
          <span className="home-balances__currency">{t.currency}</span>
          <span className="home-balances__amount">
            <Money value={t.total} currency={t.currency} />
          </span>
          <span className="muted">{t.orders === 1 ? 'on 1 order' : `on ${t.orders} orders`}</span>
        </li>
      ))}
    </ul>
  );
}

function WaitingTable({ dashboard }: { dashboard: Dashboard }) {
  const locale = useLocale();
  if (dashboard.waiting.length === 0) return <p className="muted">No order is waiting for payment.</p>;
  return (
    <table className="grid home-table">
      <caption className="visually-hidden">Orders waiting for payment, longest first</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Customer</th>
          <th scope="col">Received</th>
          <th scope="col" className="num">
            Days waiting
          </th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Balance due
          </th>
        </tr>
      </thead>
      <tbody>
        {dashboard.waiting.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <OrderLink order={o} />
            </th>
            <td>
              <bdi>{o.customerName}</bdi>
            </td>
            <td className="nowrap">{formatDate(o.receivedOn, locale)}</td>
            <td className="num">{o.daysWaiting}</td>
            <td>
              <StatusBadges status={o.status} paymentStatus={o.paymentStatus} />
            </td>
            <td className="num">
              <Money value={o.balance} currency={o.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RefundsTable({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.refundsDue.length === 0) return <p className="muted">No money is held for a customer.</p>;
  return (
    <table className="grid home-table">
      <caption className="visually-hidden">Refunds due and credits held</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Customer</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Held for the customer
          </th>
        </tr>
      </thead>
      <tbody>
        {dashboard.refundsDue.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <OrderLink order={o} />
            </th>
            <td>
              <bdi>{o.customerName}</bdi>
            </td>
            <td>
              <StatusBadges status={o.status} paymentStatus={o.paymentStatus} />
            </td>
            <td className="num">
              <BalanceWords balance={o.balance} currency={o.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** When the bank's last file came and what of it waits for a person, with the way to the Bank screen. */
function BankNote({ dashboard }: { dashboard: Dashboard }) {
  const locale = useLocale();
  const { lastImport, toReview } = dashboard.bank;
  return (
    <p className="home-bank" data-testid="home-bank">
      {lastImport ? (
        <>
          Last statement imported {formatDateTime(lastImport.importedAt, locale)} (<bdi>{lastImport.fileName}</bdi>).{' '}
        </>
      ) : (
        <>No bank statement imported yet. </>
      )}
      {toReview > 0 ? (
        <>
          <strong>{toReview === 1 ? '1 line waits' : `${toReview} lines wait`} for review.</strong> <AppLink to={{ view: 'bank' }}>Review {toReview === 1 ? 'it' : 'them'} on the Bank screen</AppLink>
        </>
      ) : (
        <>
          No line waits for review. <AppLink to={{ view: 'bank' }}>{lastImport ? 'Bank screen' : 'Import a statement on the Bank screen'}</AppLink>
        </>
      )}
    </p>
  );
}

/** The first screen: e-mails not delivered, what is owed per currency and by age, who waits longest, and what is due back. */
export function HomeScreen() {
  const locale = useLocale();
  const read = useApiRead(() => orderDesk().dashboard.summary({ limit: 10 }), []);
  const dashboard = read.data;
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section className="screen home">
      <h1 ref={heading} tabIndex={-1}>
        Home
      </h1>
      <NoMailPassword />
      <MailsToCheck />
      <ReadStatus read={read} />
      {dashboard ? (
        <>
          <p className="muted">As of {formatDate(dashboard.asOf, locale)}. Amounts in different currencies are never added together.</p>
          <section aria-labelledby="home-balances-title">
            <h2 id="home-balances-title">Open balances</h2>
            <OpenBalances dashboard={dashboard} />
          </section>
          <section aria-labelledby="home-bank-title">
            <h2 id="home-bank-title">Bank statements</h2>
            <BankNote dashboard={dashboard} />
          </section>
          {dashboard.aging.totals.length > 0 ? (
            <section aria-labelledby="home-aging-title">
              <h2 id="home-aging-title">Aging, from the invoice date (or the day received)</h2>
              <div className="home-charts">
                {dashboard.aging.totals.map((t) => (
                  <AgingChart key={t.currency} total={t} customers={dashboard.aging.customers} />
                ))}
              </div>
            </section>
          ) : null}
          <div className="home-lists">
            <section aria-labelledby="home-waiting-title">
              <h2 id="home-waiting-title">Waiting longest for payment</h2>
              <WaitingTable dashboard={dashboard} />
            </section>
            <section aria-labelledby="home-refunds-title">
              <h2 id="home-refunds-title">Refunds due and credits held</h2>
              <RefundsTable dashboard={dashboard} />
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}
