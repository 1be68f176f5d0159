/**
 * Reminder fees booked on orders (issue 17, migration 14): booked with the reminder that charges
 * them, in its transaction; read for the order's payments panel; waived by a clerk with a reason.
 *
 * A fee raises what the order owes from the reminder's day (shared/money/balance.ts `fees`), so
 * the order's balance, the invoice list, aging, the customer account and bank matching (which
 * reads the order's balance column) all count it, and a payment of the reminder's slip (open
 * amount + fee) settles the order exactly. It is no sale: the report's ordered, invoiced and
 * credited amounts never see it.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { ReminderFee, WaiveReminderFeeInput, WaiveReminderFeeResult } from '../../../shared/contract/payments';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { formatMoney } from '../../../shared/money/money';
import { timestamp, today, type ServiceContext, type WriteContext } from '../../context';
import { statement } from '../../statements';
import { audit } from '../audit';
import { checkDate } from '../date-check';
import { getOrderById } from '../orders/read';
import { syncOrderMoney } from '../payments/sync';
import { feeById, orderReminderFees } from './fee-read';
import { reminderFeeLabel } from '../../../shared/domain/reminder-levels';

export interface NewReminderFee {
  reminderId: number;
  orderId: number;
  invoiceId: number;
  invoiceNumber: string;
  level: number;
  currency: CurrencyCode;
  amountMinor: number;
  chargedOn: string;
}

/**
 * Books a reminder's fee on its order, inside the transaction that stores the reminder, and
 * rewrites the order's balance and payment status. Checked here before SQLite's UNIQUE would be:
 * a level is charged once per invoice, as it is reminded once.
 */
export function bookReminderFee(ctx: WriteContext, fee: NewReminderFee): ReminderFee {
  if (!Number.isSafeInteger(fee.amountMinor) || fee.amountMinor <= 0) throw new Error(`A reminder fee must be more than zero, not ${fee.amountMinor} minor units.`);
  const charged = statement(ctx, 'SELECT id FROM reminder_fees WHERE invoice_id = ? AND level = ?').get(fee.invoiceId, fee.level);
  if (charged) throw new DomainError('conflict', `The fee of level ${fee.level} was already charged on ${fee.invoiceNumber}; it is never charged twice.`, 'invoiceIds');
  const id = Number(
    statement(
      ctx,
      `INSERT INTO reminder_fees (reminder_id, order_id, invoice_id, level, currency, amount_minor, charged_on, created_by, created_at)
       VALUES (@reminderId, @orderId, @invoiceId, @level, @currency, @amountMinor, @chargedOn, @actor, @now)`,
    ).run({ ...fee, actor: ctx.actor, now: timestamp(ctx) }).lastInsertRowid,
  );
  syncOrderMoney(ctx, fee.orderId, fee.chargedOn);
  return feeById(ctx, id)!;
}

/**
 * payments.waiveReminderFee: the clerk gives up a fee, once, with a reason. From today it is no
 * longer owed (a past day's aging still counts it); the order's balance, status and audit change
 * in the same transaction. Money already received stays where it is: waiving a fee the customer
 * paid leaves the order overpaid by it, a credit to refund or move like any other.
 */
export function waiveReminderFee(ctx: WriteContext, input: z.output<typeof WaiveReminderFeeInput>): WaiveReminderFeeResult {
  const fee = feeById(ctx, input.feeId);
  if (!fee) throw new DomainError('not_found', `Reminder fee ${input.feeId} does not exist.`, 'feeId');
  if (fee.waived) {
    throw new DomainError('conflict', `${reminderFeeLabel(fee)} was already waived on ${fee.waived.on} by ${fee.waived.by}.`, 'feeId');
  }
  const before = getOrderById(ctx, fee.orderId);
  const on = checkDate(ctx, today(ctx), { field: 'feeId', label: 'The waiver date (today)', after: { date: fee.chargedOn, what: 'the reminder that charged the fee' } });
  statement(ctx, 'UPDATE reminder_fees SET waived_on = ?, waived_reason = ?, waived_by = ?, waived_at = ? WHERE id = ?').run(on, input.reason, ctx.actor, timestamp(ctx), fee.id);
  const balance = syncOrderMoney(ctx, fee.orderId, on);
  const after = getOrderById(ctx, fee.orderId);
  const waived = feeById(ctx, fee.id)!;
  audit(
    ctx,
    'order',
    fee.orderId,
    'waive_reminder_fee',
    { paymentStatus: before.paymentStatus, balance: before.balance },
    {
      paymentStatus: after.paymentStatus,
      balance: after.balance,
      fee: { id: fee.id, level: fee.level, invoiceNumber: fee.invoiceNumber, amount: fee.amount, currency: fee.currency, chargedOn: fee.chargedOn, waivedOn: on, reason: input.reason },
    },
  );
  return { fee: waived, balance: balance.balance, paymentStatus: balance.paymentStatus };
}

/** Refuses to cancel an order while a reminder fee booked on it is not waived: cancelling would silently drop it. */
export function refuseCancelWithFees(ctx: ServiceContext, orderId: number, orderNumber: string): void {
  const open = orderReminderFees(ctx, orderId).filter((f) => !f.waived);
  if (open.length === 0) return;
  const named = open.map((f) => `${reminderFeeLabel(f)}, ${formatMoney(f.amount, f.currency)}`).join('; ');
  throw new DomainError(
    'conflict',
    `Order ${orderNumber} has reminder fees booked (${named}). Waive them first in the order's payments, with a reason; then cancel the order.`,
    'id',
  );
}
