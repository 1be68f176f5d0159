import { ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS, type OrderStatus, type PaymentStatus } from '../../shared/domain/vocabulary';
import './status-badges.css';

export function LifecycleBadge({ status }: { status: OrderStatus }) {
  return <span className={`order-status order-status--${status}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

export function PaymentBadge({ status }: { status: PaymentStatus }) {
  return <span className={`payment-status payment-status--${status}`}>{PAYMENT_STATUS_LABELS[status]}</span>;
}

/** The two facts about an order: where it is in its life, and what is paid. */
export function StatusBadges({ status, paymentStatus }: { status: OrderStatus; paymentStatus: PaymentStatus }) {
  return (
    <span className="status-badges">
      <LifecycleBadge status={status} />
      <PaymentBadge status={paymentStatus} />
    </span>
  );
}
