/**
 * Moving an order along its lifecycle: shipping, closing by hand, cancelling. Which move is
 * allowed when is decided by shared/domain/order-rules, the same rule the screens show.
 */
import { DomainError } from '../../../shared/api/errors';
import type { Order } from '../../../shared/contract/types';
import { whyNot, type OrderAction } from '../../../shared/domain/order-rules';
import { today, type WriteContext } from '../../context';
import { statement } from '../../statements';
import type { AuditAction } from '../../../shared/contract/audit';
import { audit } from '../audit';
import { syncOrderMoney } from '../payments/sync';
import { getOrderById } from './read';
import { nextVersion } from './write';
import { checkDate } from '../date-check';
import { refuseCancelWithFees } from '../reminders/fees';

/** `on` is the day the change happened, which is also the day a shipped and settled order closes. */
function changeOrder(ctx: WriteContext, id: number, action: OrderAction, auditAction: AuditAction<'order'>, on: string, change: (before: Order) => void): { order: Order } {
  const before = getOrderById(ctx, id);
  const reason = whyNot(action, before);
  if (reason) throw new DomainError('conflict', reason, 'id');
  change(before);
  statement(ctx, 'UPDATE orders SET updated_at = ? WHERE id = ?').run(nextVersion(ctx, before.updatedAt), id);
  syncOrderMoney(ctx, id, on);
  const after = getOrderById(ctx, id);
  audit(ctx, 'order', id, auditAction, before, after);
  return { order: after };
}

export function shipOrder(ctx: WriteContext, input: { id: number; shippedOn: string; carrier: string; tracking: string }): { order: Order } {
  return changeOrder(ctx, input.id, 'ship', 'ship', input.shippedOn, (before) => {
    checkDate(ctx, input.shippedOn, { field: 'shippedOn', label: 'Date shipped', order: before, closedMonthAllowed: true });
    statement(ctx, "UPDATE orders SET status = 'shipped', shipped_on = ?, carrier = ?, tracking = ? WHERE id = ?").run(input.shippedOn, input.carrier, input.tracking, input.id);
  });
}

export function closeOrder(ctx: WriteContext, input: { id: number; reason: string }): { order: Order } {
  return changeOrder(ctx, input.id, 'close', 'close', today(ctx), () => {
    checkDate(ctx, today(ctx), { field: 'id', label: 'The closing date (today)' });
    statement(ctx, "UPDATE orders SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?").run(today(ctx), input.reason, input.id);
  });
}

export function cancelOrder(ctx: WriteContext, input: { id: number; reason: string }): { order: Order } {
  return changeOrder(ctx, input.id, 'cancel', 'cancel', today(ctx), (before) => {
    checkDate(ctx, today(ctx), { field: 'id', label: 'The cancellation date (today)' });
    // A cancelled order owes nothing: a reminder fee would vanish unsaid. The clerk waives it first.
    refuseCancelWithFees(ctx, input.id, before.number);
    statement(ctx, "UPDATE orders SET status = 'cancelled', cancel_reason = ?, cancelled_on = ? WHERE id = ?").run(input.reason, today(ctx), input.id);
  });
}

/**
 * An invoice was issued for the order: a received order becomes invoiced (a later lifecycle
 * step is kept), in the transaction that stores the invoice.
 */
export function markInvoiced(ctx: WriteContext, input: { id: number; invoiceNumber: string; issuedOn: string }): { order: Order } {
  const before = getOrderById(ctx, input.id);
  const reason = whyNot('invoice', before);
  if (reason) throw new DomainError('conflict', reason, 'orderId');
  if (before.status === 'received') {
    statement(ctx, "UPDATE orders SET status = 'invoiced', updated_at = ? WHERE id = ?").run(nextVersion(ctx, before.updatedAt), input.id);
  }
  const after = getOrderById(ctx, input.id);
  audit(ctx, 'order', input.id, 'invoice', { status: before.status }, { status: after.status, invoiceNumber: input.invoiceNumber, invoicedOn: input.issuedOn });
  return { order: after };
}
