/**
 * Keeps an order's payment status, balance and automatic close in step with its money
 * movements and documents (invoiced shipping, credit notes). Called inside the transaction of every change that moves money or changes
 * what is owed, so the listing columns are never stale.
 */
import { lifecycleAfterMoney } from '../../../shared/domain/order-rules';
import type { Balance } from '../../../shared/money/balance';
import { toMinorUnits } from '../../../shared/money/money';
import { today, type WriteContext } from '../../context';
import { statement } from '../../statements';
import { getOrderById } from '../orders/read';
import { balanceOf, movementRows } from './ledger';
import { invoicedAmounts } from '../invoices/order-amounts';

export function syncOrderMoney(ctx: WriteContext, orderId: number, on?: string): Balance {
  const order = getOrderById(ctx, orderId);
  const balance = balanceOf(order, movementRows(ctx, orderId), invoicedAmounts(ctx, orderId, order.currency));
  const status = lifecycleAfterMoney(order.status, balance.paymentStatus, order.closeReason !== '');
  const closedOn = status === 'closed' ? (order.closedOn ?? on ?? today(ctx)) : null;
  statement(ctx, 'UPDATE orders SET payment_status = ?, balance_minor = ?, status = ?, closed_on = ? WHERE id = ?').run(
    balance.paymentStatus,
    toMinorUnits(balance.balance, order.currency),
    status,
    closedOn,
    orderId,
  );
  return balance;
}
