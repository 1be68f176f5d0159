/**
 * Recording money movements: payments, refunds, write-offs, credit moved between two
 * orders of one customer, and reversals. Every one is a new ledger row; none is edited or
 * deleted. Each runs in one transaction that also rewrites the order's payment status and
 * writes the audit record, and answers what the order owes afterwards.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { ApplyCreditInput, CreditMoveResult, MovementResult, RecordPaymentInput, RefundInput, ReverseInput, WriteOffInput } from '../../../shared/contract/payments';
import type { Order } from '../../../shared/contract/types';
import { whyNot, type OrderAction } from '../../../shared/domain/order-rules';
import type { MovementKind, PaymentMethod } from '../../../shared/domain/vocabulary';
import { currencyExponent } from '../../../shared/money/currencies';
import { compareAmounts, decimalPlaces, formatMoney, negateAmount, toMinorUnits } from '../../../shared/money/money';
import { timestamp, today, type ServiceContext, type WriteContext } from '../../context';
import { statement } from '../../statements';
import type { AuditAction } from '../../../shared/contract/audit';
import { audit } from '../audit';
import { getOrderById } from '../orders/read';
import { ledgerOf, movementRow, movementRows } from './ledger';
import { syncOrderMoney } from './sync';
import { checkDate } from '../date-check';

function orderFor(ctx: ServiceContext, orderId: number, field: string): Order {
  try {
    return getOrderById(ctx, orderId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') throw new DomainError('not_found', `Order ${orderId} does not exist.`, field);
    throw error;
  }
}

function assertAllowed(action: OrderAction, order: Order, field: string): void {
  const reason = whyNot(action, order);
  if (reason) throw new DomainError('conflict', reason, field);
}

/** Integer minor units of an amount typed in the order's currency, refusing sub-cent amounts. */
function minorOf(value: string, order: Order, field: string, label: string): number {
  const places = currencyExponent(order.currency);
  if (decimalPlaces(value) > places) throw new DomainError('invalid_input', `${label} can have at most ${places} decimals in ${order.currency}.`, field);
  return toMinorUnits(value, order.currency);
}

/** At most what is left: a write-off or refund beyond it would turn into a debt or a gift. */
function checkAtMost(value: string, limit: string, order: Order, field: string, what: string): void {
  if (compareAmounts(value, limit) > 0) {
    throw new DomainError('invalid_input', `${what} is at most ${formatMoney(limit, order.currency)} on order ${order.number}.`, field);
  }
}

interface NewMovement {
  orderId: number;
  kind: MovementKind;
  reversesId?: number | null;
  on: string;
  method?: PaymentMethod | null;
  currency: Order['currency'];
  amountMinor: number;
  reference?: string;
  note?: string;
  reason?: string;
  checkNumber?: string;
  checkBank?: string;
  bankReference?: string;
  feesDeductedMinor?: number | null;
  cardBrand?: string;
  cardLast4?: string | null;
  cardAuthorisation?: string;
  counterpartOrderId?: number | null;
}

function insertMovement(ctx: WriteContext, m: NewMovement): number {
  const result = statement(ctx, `
    INSERT INTO payments (order_id, kind, reverses_id, on_date, method, currency, amount_minor, reference, note, reason, check_number, check_bank,
      bank_reference, fees_deducted_minor, card_brand, card_last4, card_authorisation, counterpart_order_id, recorded_by, created_at)
    VALUES (@orderId, @kind, @reversesId, @on, @method, @currency, @amountMinor, @reference, @note, @reason, @checkNumber, @checkBank,
      @bankReference, @feesDeductedMinor, @cardBrand, @cardLast4, @cardAuthorisation, @counterpartOrderId, @actor, @now)`).run({
    reversesId: null,
    method: null,
    reference: '',
    note: '',
    reason: '',
    checkNumber: '',
    checkBank: '',
    bankReference: '',
    feesDeductedMinor: null,
    cardBrand: '',
    cardLast4: null,
    cardAuthorisation: '',
    counterpartOrderId: null,
    ...m,
    actor: ctx.actor,
    now: timestamp(ctx),
  });
  return Number(result.lastInsertRowid);
}

/** Rewrites the order's money columns, writes the audit record and answers the movement with the new balance. */
function settle(ctx: WriteContext, before: Order, movementId: number, action: AuditAction<'order'>): MovementResult {
  const balance = syncOrderMoney(ctx, before.id, movementRow(ctx, movementId)!.on_date);
  const after = getOrderById(ctx, before.id);
  const payment = ledgerOf(after, movementRows(ctx, before.id)).find((m) => m.id === movementId)!;
  audit(
    ctx,
    'order',
    before.id,
    action,
    { status: before.status, paymentStatus: before.paymentStatus, balance: before.balance },
    { status: after.status, paymentStatus: after.paymentStatus, balance: after.balance, movement: summaryOf(payment) },
  );
  return { payment, balance: balance.balance, paymentStatus: balance.paymentStatus };
}

/** What the history shows of a movement: never more of a card than its brand and last four digits. */
function summaryOf(m: MovementResult['payment']) {
  return {
    id: m.id,
    kind: m.kind,
    on: m.on,
    amount: m.amount,
    currency: m.currency,
    ...(m.method ? { method: m.method } : {}),
    ...(m.reference ? { reference: m.reference } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
    ...(m.card?.last4 ? { cardLast4: m.card.last4 } : {}),
    ...(m.reversesId ? { reverses: m.reversesId } : {}),
    ...(m.counterpartOrderNumber ? { counterpartOrder: m.counterpartOrderNumber } : {}),
  };
}

export function recordPayment(ctx: WriteContext, input: z.output<typeof RecordPaymentInput>): MovementResult {
  const order = orderFor(ctx, input.orderId, 'orderId');
  assertAllowed('pay', order, 'orderId');
  const amountMinor = minorOf(input.amount, order, 'amount', 'Amount');
  const fees = input.transfer?.feesDeducted;
  const id = insertMovement(ctx, {
    orderId: order.id,
    kind: 'payment',
    on: checkDate(ctx, input.receivedOn, { field: 'receivedOn', label: 'Date received', order }),
    method: input.method,
    currency: order.currency,
    amountMinor,
    reference: input.reference,
    note: input.note,
    checkNumber: input.check?.number ?? '',
    checkBank: input.check?.bank ?? '',
    bankReference: input.transfer?.bankReference ?? '',
    feesDeductedMinor: fees === undefined ? null : minorOf(fees, order, 'transfer.feesDeducted', 'Fees deducted'),
    cardBrand: input.card?.brand ?? '',
    cardLast4: input.card?.last4 ?? null,
    cardAuthorisation: input.card?.authorisationCode ?? '',
  });
  return settle(ctx, order, id, 'payment');
}

export function recordRefund(ctx: WriteContext, input: z.output<typeof RefundInput>): MovementResult {
  const order = orderFor(ctx, input.orderId, 'orderId');
  assertAllowed('refund', order, 'orderId');
  const amountMinor = minorOf(input.amount, order, 'amount', 'Amount');
  checkAtMost(input.amount, negateAmount(order.balance, order.currency), order, 'amount', 'A refund');
  const id = insertMovement(ctx, {
    orderId: order.id,
    kind: 'refund',
    on: checkDate(ctx, input.paidOn, { field: 'paidOn', label: 'Date paid', order }),
    method: input.method,
    currency: order.currency,
    amountMinor,
    reason: input.reason,
  });
  return settle(ctx, order, id, 'refund');
}

export function recordWriteOff(ctx: WriteContext, input: z.output<typeof WriteOffInput>): MovementResult {
  const order = orderFor(ctx, input.orderId, 'orderId');
  assertAllowed('writeOff', order, 'orderId');
  const amountMinor = minorOf(input.amount, order, 'amount', 'Amount');
  checkAtMost(input.amount, order.balance, order, 'amount', 'A write-off');
  const id = insertMovement(ctx, {
    orderId: order.id,
    kind: 'write_off',
    on: checkDate(ctx, input.writtenOffOn ?? today(ctx), { field: 'writtenOffOn', label: 'Date written off', order }),
    currency: order.currency,
    amountMinor,
    reason: input.reason,
  });
  return settle(ctx, order, id, 'write_off');
}

export function applyCredit(ctx: WriteContext, input: z.output<typeof ApplyCreditInput>): CreditMoveResult {
  const from = orderFor(ctx, input.fromOrderId, 'fromOrderId');
  const to = orderFor(ctx, input.toOrderId, 'toOrderId');
  assertAllowed('moveCreditOut', from, 'fromOrderId');
  assertAllowed('receiveCredit', to, 'toOrderId');
  if (from.customerId === null || from.customerId !== to.customerId) {
    throw new DomainError('conflict', `Order ${to.number} is not an order of ${from.customer.name}; a credit only moves between one customer's orders.`, 'toOrderId');
  }
  if (from.currency !== to.currency) {
    throw new DomainError('conflict', `Order ${to.number} is in ${to.currency}, the credit is in ${from.currency}; currencies are never mixed.`, 'toOrderId');
  }
  const amountMinor = minorOf(input.amount, from, 'amount', 'Amount');
  checkAtMost(input.amount, negateAmount(from.balance, from.currency), from, 'amount', 'The credit to move');
  checkAtMost(input.amount, to.balance, to, 'amount', 'What can be moved to it');
  const on = input.movedOn ?? today(ctx);
  checkDate(ctx, on, { field: 'movedOn', label: 'Date moved', order: from });
  checkDate(ctx, on, { field: 'movedOn', label: 'Date moved', order: to });
  const outId = insertMovement(ctx, { orderId: from.id, kind: 'credit_out', on, currency: from.currency, amountMinor, counterpartOrderId: to.id, reason: `Moved to order ${to.number}` });
  const inId = insertMovement(ctx, { orderId: to.id, kind: 'credit_in', on, currency: to.currency, amountMinor, counterpartOrderId: from.id, reason: `Moved from order ${from.number}` });
  statement(ctx, 'UPDATE payments SET counterpart_id = ? WHERE id = ?').run(inId, outId);
  statement(ctx, 'UPDATE payments SET counterpart_id = ? WHERE id = ?').run(outId, inId);
  return { from: settle(ctx, from, outId, 'credit_out'), to: settle(ctx, to, inId, 'credit_in') };
}

export function reverseMovement(ctx: WriteContext, input: z.output<typeof ReverseInput>): MovementResult {
  const row = movementRow(ctx, input.paymentId);
  if (!row) throw new DomainError('not_found', `Payment ${input.paymentId} does not exist.`, 'paymentId');
  if (row.reverses_id !== null) throw new DomainError('conflict', 'This row is itself a reversal; record the movement again instead.', 'paymentId');
  if (row.reversed_by_id !== null) throw new DomainError('conflict', 'This movement has already been reversed.', 'paymentId');
  const order = orderFor(ctx, row.order_id, 'paymentId');
  const on = checkDate(ctx, input.reversedOn ?? today(ctx), { field: 'reversedOn', label: 'Date reversed', order, after: { date: row.on_date, what: 'the movement itself' } });
  const undo = (r: NonNullable<typeof row>, o: Order): number =>
    insertMovement(ctx, { orderId: o.id, kind: r.kind, reversesId: r.id, on, method: r.method, currency: r.currency, amountMinor: r.amount_minor, counterpartOrderId: r.counterpart_order_id, reason: input.reason });
  const id = undo(row, order);
  const result = settle(ctx, order, id, 'reverse');
  // A credit moved between two orders is one act: undoing one side undoes the other.
  const counterpartId = (statement(ctx, 'SELECT counterpart_id AS id FROM payments WHERE id = ?').get(row.id) as { id: number | null }).id;
  if (counterpartId !== null) {
    const other = movementRow(ctx, counterpartId)!;
    const otherOrder = getOrderById(ctx, other.order_id);
    settle(ctx, otherOrder, undo(other, otherOrder), 'reverse');
  }
  return result;
}
