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
import { getOrderHead, type OrderHead } from '../orders/read';
import { balanceOf, movementFacts, type MovementFacts } from './ledger';
import { invoicedAmounts } from '../invoices/order-amounts';

export function syncOrderMoney(ctx: WriteContext, orderId: number, on?: string): Balance {
  return syncMoneyOf(ctx, getOrderHead(ctx, orderId), on).balance;
}

/** The order after its money was brought in step, and the movements that were read to do it. */
export interface MoneyInStep {
  balance: Balance;
  order: OrderHead;
  movements: MovementFacts[];
}

/**
 * syncOrderMoney for a caller that holds the order as it is now (read in the same transaction,
 * or as the previous step answered it): a payment does not change what the order is, only what
 * it owes, so reading it again for each movement of a bank statement would be wasted.
 */
export function syncMoneyOf(ctx: WriteContext, order: OrderHead, on?: string): MoneyInStep {
  const movements = movementFacts(ctx, order.id);
  const balance = balanceOf(order, movements, invoicedAmounts(ctx, order.id, order.currency));
  const status = lifecycleAfterMoney(order.status, balance.paymentStatus, order.closeReason !== '');
  const closedOn = status === 'closed' ? (order.closedOn ?? on ?? today(ctx)) : null;
  const balanceMinor = toMinorUnits(balance.balance, order.currency);
  if (status === order.status && closedOn === order.closedOn) {
    // Most payments leave the order's status as it is, and SQLite rewrites the entries of every
    // index on a column the UPDATE sets (three of the orders' indexes hold the status), same value or not.
    statement(ctx, 'UPDATE orders SET payment_status = ?, balance_minor = ? WHERE id = ?').run(balance.paymentStatus, balanceMinor, order.id);
  } else {
    statement(ctx, 'UPDATE orders SET payment_status = ?, balance_minor = ?, status = ?, closed_on = ? WHERE id = ?').run(balance.paymentStatus, balanceMinor, status, closedOn, order.id);
  }
  return { balance, order: { ...order, status, closedOn, paymentStatus: balance.paymentStatus, balance: balance.balance }, movements };
}
