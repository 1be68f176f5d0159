import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Order } from '../../../shared/contract/types';
import { PAYMENT_METHOD_LABELS, RECEIVED_VIA_LABELS } from '../../../shared/domain/vocabulary';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import { StatusBadges } from '../../components/StatusBadges';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { CancelOrderDialog } from './CancelOrderDialog';
import { countryName } from '../../../shared/domain/countries';
import { formatDate } from '../../../shared/format/dates';
import { OrderHistory } from './OrderHistory';
import { OrderLinesTable } from './OrderLinesTable';
import { OrderInvoices } from './OrderInvoices';
import { LifecycleActions } from './lifecycle/LifecycleActions';
import { InvoiceActions } from './invoicing/InvoiceActions';
import { BalanceWords, PaymentsPanel } from './payments/PaymentsPanel';
import { useOrdersList } from './orders-list-store';
import './orders.css';

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="order-facts">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          {/* Text is isolated (bdi) so an Arabic name or address does not reorder the page around it. */}
          <dd>{value === '' || value === null ? <span className="muted">—</span> : typeof value === 'string' ? <bdi>{value}</bdi> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CustomerPanel({ order }: { order: Order }) {
  const locale = useLocale();
  const c = order.customer;
  return (
    <section className="order-panel" aria-labelledby="order-customer-title">
      <h2 id="order-customer-title">Customer</h2>
      <Facts
        items={[
          ['Name', c.name],
          ['Address', c.address],
          ['Country', c.country ? `${countryName(c.country, locale)} (${c.country})` : ''],
          ['City/Zip Code', [c.postalCode, c.city].filter(Boolean).join(' ')],
          ['Tel.', c.phone],
          ['E-mail', c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''],
        ]}
      />
      {order.customerId ? (
        <p>
          <AppLink to={{ view: 'customer', id: order.customerId }}>Customer record and other orders</AppLink>
        </p>
      ) : null}
    </section>
  );
}

function OrderPanel({ order }: { order: Order }) {
  const locale = useLocale();
  return (
    <section className="order-panel" aria-labelledby="order-facts-title">
      <h2 id="order-facts-title">Order</h2>
      <Facts
        items={[
          ['Received', `${formatDate(order.receivedOn, locale)} by ${RECEIVED_VIA_LABELS[order.receivedVia].toLowerCase()}`],
          ['Currency', order.currency],
          ['Payment method', order.paymentMethod ? PAYMENT_METHOD_LABELS[order.paymentMethod] : ''],
          ['Customer reference', order.customerReference],
          ['Notes', order.notes],
          ['Status', <StatusBadges key="s" status={order.status} paymentStatus={order.paymentStatus} />],
          ...(order.shippedOn ? ([['Shipped', [formatDate(order.shippedOn, locale), order.carrier, order.tracking].filter(Boolean).join(' · ')]] as [string, ReactNode][]) : []),
          ...(order.closedOn ? ([['Closed', `${formatDate(order.closedOn, locale)}${order.closeReason ? ` by hand: ${order.closeReason}` : ' (shipped and settled)'}`]] as [string, ReactNode][]) : []),
        ]}
      />
    </section>
  );
}

/** Everything that was on the paper form, plus what happened to the order since. */
export function OrderDetailScreen({ id }: { id: number }) {
  const go = useNavigation((s) => s.go);
  const read = useApiRead(() => orderDesk().orders.get({ id }), [id]);
  const record = read.data;
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each time the order has been read (on arrival and after a change), focus goes to the heading.
  useEffect(() => {
    if (!read.loading) requestAnimationFrame(() => headingRef.current?.focus());
  }, [read.loading]);

  // Esc goes back to the list (where search, filters and page are as they were left).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !cancelling && !e.defaultPrevented) go({ view: 'orders' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, cancelling]);

  const back = (
    <AppLink to={{ view: 'orders' }} aria-keyshortcuts="Escape">
      ← Back to orders
    </AppLink>
  );

  if (read.error) {
    return (
      <section className="screen">
        <h1>Order</h1>
        <ReadStatus read={read} />
        {back}
      </section>
    );
  }
  if (!record) return <p className="screen">Loading…</p>;

  const { order } = record;
  // After a payment, shipment or the like: say so, reload the order, and refresh the list behind it.
  const changed = (text: ReactNode) => {
    setNotice(text);
    void useOrdersList.getState().load();
    read.reload();
  };
  const editable = record.allowed.edit;
  const cancellable = record.allowed.cancel;

  return (
    <section className="screen order-detail">
      <p>{back}</p>
      <div className="order-detail__head">
        <h1 ref={headingRef} tabIndex={-1}>
          Order {order.number}
        </h1>
        <StatusBadges status={order.status} paymentStatus={order.paymentStatus} />
        <span className="order-detail__balance">
          {order.balance.startsWith('-') ? 'Credit held: ' : 'Balance due: '}
          <BalanceWords balance={order.balance} currency={order.currency} />
        </span>
        {order.needsReview ? <span className="tag tag--warn">Needs review: a title is not in the catalogue</span> : null}
      </div>
      {notice ? (
        <p className="banner status" role="status">
          {notice}
        </p>
      ) : null}
      <div className="order-detail__actions">
        {editable ? (
          <AppLink className="button-link" to={{ view: 'edit-order', id: order.id }}>
            Edit
          </AppLink>
        ) : null}
        {/* Says why the order cannot be edited (naming its invoice) and offers the credit note. */}
        <InvoiceActions record={record} onChanged={changed} />
        {cancellable ? (
          <button type="button" onClick={() => setCancelling(true)}>
            Cancel order…
          </button>
        ) : null}
        <LifecycleActions record={record} onChanged={changed} />
      </div>
      {order.status === 'cancelled' ? (
        <p className="banner banner--warning order-cancelled-note">
          <strong>Cancelled.</strong> Reason: <bdi>{order.cancelReason || '—'}</bdi>
        </p>
      ) : null}
      <div className="order-detail__grid">
        <CustomerPanel order={order} />
        <OrderPanel order={order} />
      </div>
      <section className="order-section" aria-labelledby="order-lines-title">
        <h2 id="order-lines-title">Books</h2>
        <OrderLinesTable order={order} />
      </section>
      <OrderInvoices orderId={order.id} currency={order.currency} version={record} />
      <PaymentsPanel record={record} onChanged={changed} />
      <section className="order-section" aria-labelledby="order-history-title">
        <h2 id="order-history-title">History</h2>
        <OrderHistory entries={record.history} currency={order.currency} />
      </section>
      {cancelling ? (
        <CancelOrderDialog
          order={order}
          onClose={() => setCancelling(false)}
          onCancelled={(cancelled) => {
            setCancelling(false);
            setNotice(`Order ${cancelled.number} is cancelled.`);
            // The list shows the new status when the clerk goes back.
            void useOrdersList.getState().load();
            read.reload();
          }}
        />
      ) : null}
    </section>
  );
}
