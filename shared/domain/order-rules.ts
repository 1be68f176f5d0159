/**
 * Which actions an order allows in which state. The services refuse with these words and
 * the screens show or hide their buttons with the same answers, so the two can never
 * disagree about what a clerk may do.
 */
import { amount } from '../money/money';
import { ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS, type OrderStatus, type PaymentStatus } from './vocabulary';

export const ORDER_ACTIONS = ['edit', 'cancel', 'ship', 'close', 'invoice', 'pay', 'refund', 'writeOff', 'moveCreditOut', 'receiveCredit'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export interface OrderState {
  number: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  /** Signed decimal string: positive is owed, negative is a credit. */
  balance: string;
  /** The order's invoice that credit notes do not yet cover in full, if any (an order has at most one). */
  openInvoice?: string | null;
}

/** null when the action is allowed; otherwise the sentence that tells the clerk why not. */
export function whyNot(action: OrderAction, order: OrderState): string | null {
  const { status } = order;
  const label = ORDER_STATUS_LABELS[status].toLowerCase();
  const balance = amount(order.balance);
  const cancelled = status === 'cancelled';
  switch (action) {
    case 'edit':
      if (status === 'received') return null;
      return cancelled
        ? `Order ${order.number} is cancelled and can no longer be edited.`
        : `Order ${order.number} is ${label} and can no longer be edited: its invoice fixes what was ordered. Issue a credit note to correct it.`;
    case 'cancel':
      if (status === 'received' || status === 'invoiced') return null;
      return cancelled ? `Order ${order.number} is already cancelled.` : `Order ${order.number} is ${label}; it cannot be cancelled.`;
    case 'ship':
      if (status === 'received' || status === 'invoiced') return null;
      return cancelled ? `Order ${order.number} is cancelled; it cannot be shipped.` : `Order ${order.number} is already ${label}.`;
    case 'close':
      if (status === 'closed') return `Order ${order.number} is already closed.`;
      return cancelled ? `Order ${order.number} is cancelled; there is nothing to close.` : null;
    case 'invoice':
      if (cancelled) return `Order ${order.number} is cancelled; it cannot be invoiced.`;
      return order.openInvoice
        ? `Order ${order.number} already has invoice ${order.openInvoice}. To correct it, credit it in full with a credit note, then issue a new invoice.`
        : null;
    case 'pay':
      return cancelled ? `Order ${order.number} is cancelled; no payment can be recorded on it (record a refund of what was kept).` : null;
    case 'refund':
      if (balance.lessThan(0)) return null;
      return `Order ${order.number} holds no money to pay back (${PAYMENT_STATUS_LABELS[order.paymentStatus].toLowerCase()}).`;
    case 'writeOff':
      if (cancelled) return `Order ${order.number} is cancelled; nothing is owed on it to write off.`;
      return balance.greaterThan(0) ? null : `Order ${order.number} has nothing left to pay, so there is nothing to write off.`;
    case 'moveCreditOut':
      return balance.lessThan(0) ? null : `Order ${order.number} has no credit to move.`;
    case 'receiveCredit':
      if (cancelled) return `Order ${order.number} is cancelled; a credit cannot be moved to it.`;
      return balance.greaterThan(0) ? null : `Order ${order.number} has nothing left to pay; a credit cannot be moved to it.`;
  }
}

export function isAllowed(action: OrderAction, order: OrderState): boolean {
  return whyNot(action, order) === null;
}

export function allowedActions(order: OrderState): Record<OrderAction, boolean> {
  return Object.fromEntries(ORDER_ACTIONS.map((a) => [a, isAllowed(a, order)])) as Record<OrderAction, boolean>;
}

/**
 * After a shipment or a money movement: a shipped order that is settled closes by itself,
 * and one that was closed that way opens again if a reversal unsettles it. An order closed
 * by hand (with a reason) stays closed.
 */
export function lifecycleAfterMoney(status: OrderStatus, paymentStatus: PaymentStatus, closedByHand: boolean): OrderStatus {
  const settled = paymentStatus === 'paid' || paymentStatus === 'refunded';
  if (status === 'shipped' && settled) return 'closed';
  if (status === 'closed' && !settled && !closedByHand) return 'shipped';
  return status;
}
