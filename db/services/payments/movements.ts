/**
 * Recording money movements: payments, refunds, write-offs, credit moved between two
 * orders of one customer, and reversals. Every one is a new ledger row; none is edited or
 * deleted. Each runs in one transaction that also rewrites the order's payment status and
 * writes the audit record, and answers what the order owes afterwards.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { ApplyCreditInput, CreditMoveResult, MovementResult, RecordPaymentInput, RefundInput, ReverseInput, WriteOffInput } from '../../../shared/contract/payments';
import { whyNot, type OrderAction } from '../../../shared/domain/order-rules';
import { overpaymentQuestion, overpaymentToConfirm } from '../../../shared/domain/overpayment';
import type { MovementKind, PaymentMethod } from '../../../shared/domain/vocabulary';
import { currencyExponent } from '../../../shared/money/currencies';
import { compareAmounts, decimalPlaces, formatMoney, fromMinorUnits, negateAmount, toMinorUnits } from '../../../shared/money/money';
import { timestamp, today, type ServiceContext, type WriteContext } from '../../context';
import { statement } from '../../statements';
import type { AuditAction } from '../../../shared/contract/audit';
import { audit } from '../audit';
import { getOrderHead, type OrderHead } from '../orders/read';
import { ledgerRowOf, movementRow, type MovementFacts, type MovementRow } from './ledger';
import { syncMoneyOf } from './sync';
import { checkDate } from '../date-check';

function orderFor(ctx: ServiceContext, orderId: number, field: string): OrderHead {
  try {
    return getOrderHead(ctx, orderId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') throw new DomainError('not_found', `Order ${orderId} does not exist.`, field);
    throw error;
  }
}

function assertAllowed(action: OrderAction, order: OrderHead, field: string): void {
  const reason = whyNot(action, order);
  if (reason) throw new DomainError('conflict', reason, field);
}

/** Integer minor units of an amount typed in the order's currency, refusing sub-cent amounts. */
function minorOf(value: string, order: OrderHead, field: string, label: string): number {
  const places = currencyExponent(order.currency);
  if (decimalPlaces(value) > places) throw new DomainError('invalid_input', `${label} can have at most ${places} decimals in ${order.currency}.`, field);
  return toMinorUnits(value, order.currency);
}

/** At most what is left: a write-off or refund beyond it would turn into a debt or a gift. */
function checkAtMost(value: string, limit: string, order: OrderHead, field: string, what: string): void {
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
  currency: OrderHead['currency'];
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
  /** The transfer whose deducted bank fees this write-off (or its reversal) is. */
  feesOfId?: number | null;
}

function insertMovement(ctx: WriteContext, m: NewMovement): number {
  const result = statement(ctx, `
    INSERT INTO payments (order_id, kind, reverses_id, on_date, method, currency, amount_minor, reference, note, reason, check_number, check_bank,
      bank_reference, fees_deducted_minor, card_brand, card_last4, card_authorisation, counterpart_order_id, fees_of_id, recorded_by, created_at)
    VALUES (@orderId, @kind, @reversesId, @on, @method, @currency, @amountMinor, @reference, @note, @reason, @checkNumber, @checkBank,
      @bankReference, @feesDeductedMinor, @cardBrand, @cardLast4, @cardAuthorisation, @counterpartOrderId, @feesOfId, @actor, @now)`).run({
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
    feesOfId: null,
    ...m,
    actor: ctx.actor,
    now: timestamp(ctx),
  });
  return Number(result.lastInsertRowid);
}

/**
 * What a movement left: the order as it now is (for a next step), its movements as read to bring
 * it in step, and what it owes. The movement's ledger row is read only for an answer (answerOf):
 * a bank statement's import records thousands and answers none of them.
 */
export interface Settled {
  id: number;
  balance: string;
  paymentStatus: MovementResult['paymentStatus'];
  order: OrderHead;
  movements: MovementFacts[];
}

/** A movement recorded, with the bank fees written off with it (a transfer's), if any. */
export interface Recorded {
  movement: Settled;
  feesWrittenOff: Settled | null;
}

/**
 * Rewrites the order's money columns, writes the audit record and answers what the movement
 * left. `before` is the order as it is now, in this transaction: nothing is read twice.
 */
function settle(ctx: WriteContext, before: OrderHead, movement: StoredMovement, on: string, action: AuditAction<'order'>): Settled {
  const { balance, order: after, movements } = syncMoneyOf(ctx, before, on);
  audit(
    ctx,
    'order',
    before.id,
    action,
    { status: before.status, paymentStatus: before.paymentStatus, balance: before.balance },
    { status: after.status, paymentStatus: after.paymentStatus, balance: after.balance, movement: summaryOf(movement) },
  );
  return { id: movement.id, balance: balance.balance, paymentStatus: balance.paymentStatus, order: after, movements };
}

function ledgerRow(ctx: ServiceContext, settled: Settled): MovementResult['payment'] {
  return ledgerRowOf(settled.order, settled.movements, movementRow(ctx, settled.id)!);
}

/** The answer of the public methods: the movement's ledger row and what the order owes after everything recorded. */
export function answerOf(ctx: ServiceContext, { movement, feesWrittenOff }: Recorded): MovementResult {
  const last = feesWrittenOff ?? movement;
  return {
    payment: ledgerRow(ctx, movement),
    balance: last.balance,
    paymentStatus: last.paymentStatus,
    ...(feesWrittenOff ? { feesWrittenOff: ledgerRow(ctx, feesWrittenOff) } : {}),
  };
}

function alone(movement: Settled): Recorded {
  return { movement, feesWrittenOff: null };
}

/** A movement as inserted, with the number of the order a credit moved from or to. */
interface StoredMovement extends NewMovement {
  id: number;
  counterpartNumber?: string | null;
}

function store(ctx: WriteContext, m: NewMovement, counterpartNumber: string | null = null): StoredMovement {
  return { ...m, id: insertMovement(ctx, m), counterpartNumber };
}

/** What the history shows of a movement: never more of a card than its brand and last four digits. */
function summaryOf(m: StoredMovement) {
  const card = m.kind === 'payment' && m.method === 'credit_card' ? (m.cardLast4 ?? null) : null;
  return {
    id: m.id,
    kind: m.kind,
    on: m.on,
    amount: fromMinorUnits(m.amountMinor, m.currency),
    currency: m.currency,
    ...(m.method ? { method: m.method } : {}),
    ...(m.reference ? { reference: m.reference } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
    ...(card ? { cardLast4: card } : {}),
    ...(m.reversesId ? { reverses: m.reversesId } : {}),
    ...(m.counterpartNumber ? { counterpartOrder: m.counterpartNumber } : {}),
  };
}

export function recordPayment(ctx: WriteContext, input: z.output<typeof RecordPaymentInput>): MovementResult {
  return answerOf(ctx, recordPaymentEntry(ctx, input));
}

/**
 * payments.record without its answer: for a caller that records many and answers none (the bank
 * import). `current` is the order as that caller just read it in this transaction, if it did.
 */
export function recordPaymentEntry(ctx: WriteContext, input: z.output<typeof RecordPaymentInput>, current?: OrderHead): Recorded {
  const order = current?.id === input.orderId ? current : orderFor(ctx, input.orderId, 'orderId');
  assertAllowed('pay', order, 'orderId');
  const amountMinor = minorOf(input.amount, order, 'amount', 'Amount');
  const fees = input.transfer?.feesDeducted;
  const feesMinor = fees === undefined ? null : minorOf(fees, order, 'transfer.feesDeducted', 'Fees deducted');
  if (feesMinor !== null && feesMinor > amountMinor) {
    throw new DomainError('invalid_input', `Fees deducted (${formatMoney(fees!, order.currency)}) cannot be more than the amount received (${formatMoney(input.amount, order.currency)}).`, 'transfer.feesDeducted');
  }
  const on = checkDate(ctx, input.receivedOn, { field: 'receivedOn', label: 'Date received', order });
  const over = overpaymentToConfirm(input.amount, order.balance, order.currency);
  if (over && input.confirmed !== true) {
    throw new DomainError('needs_confirmation', overpaymentQuestion(input.amount, order.balance, order.currency, over), 'amount');
  }
  const transferReference = input.transfer?.bankReference ?? '';
  const payment = store(ctx, {
    orderId: order.id,
    kind: 'payment',
    on,
    method: input.method,
    currency: order.currency,
    amountMinor,
    reference: input.reference,
    note: input.note,
    checkNumber: input.check?.number ?? '',
    checkBank: input.check?.bank ?? '',
    bankReference: transferReference,
    feesDeductedMinor: feesMinor,
    cardBrand: input.card?.brand ?? '',
    cardLast4: input.card?.last4 ?? null,
    cardAuthorisation: input.card?.authorisationCode ?? '',
  });
  const paid = settle(ctx, order, payment, on, 'payment');
  const transfer = input.method === 'bank_transfer' && transferReference ? `transfer ${transferReference}` : `the transfer of ${on}`;
  return { movement: paid, feesWrittenOff: feesMinor ? writeOffFees(ctx, payment, feesMinor, paid, transfer) : null };
}

/**
 * The fees the banks kept on the way are what the customer did not pay: written off with the
 * transfer, in its transaction, up to what the order still owes after it (a customer who paid
 * the fees too owes nothing more). The write-off points at its transfer, is reversed with it,
 * and is counted in reports as bank fees only (db/services/reports/sections.ts).
 */
function writeOffFees(ctx: WriteContext, payment: StoredMovement, feesMinor: number, paid: Settled, transfer: string): Settled | null {
  const order = paid.order;
  const owedMinor = toMinorUnits(order.balance, order.currency);
  const amountMinor = Math.min(feesMinor, owedMinor);
  if (amountMinor <= 0) return null;
  const on = payment.on;
  const writeOff = store(ctx, {
    orderId: order.id,
    kind: 'write_off',
    on,
    currency: order.currency,
    amountMinor,
    reason: `Bank fees deducted from ${transfer} (${order.currency} ${fromMinorUnits(feesMinor, order.currency)})`,
    feesOfId: payment.id,
  });
  return settle(ctx, order, writeOff, on, 'write_off');
}

export function recordRefund(ctx: WriteContext, input: z.output<typeof RefundInput>): MovementResult {
  return answerOf(ctx, recordRefundEntry(ctx, input));
}

/** payments.refund without its answer (see recordPaymentEntry). */
export function recordRefundEntry(ctx: WriteContext, input: z.output<typeof RefundInput>): Recorded {
  const order = orderFor(ctx, input.orderId, 'orderId');
  assertAllowed('refund', order, 'orderId');
  const amountMinor = minorOf(input.amount, order, 'amount', 'Amount');
  checkAtMost(input.amount, negateAmount(order.balance, order.currency), order, 'amount', 'A refund');
  const on = checkDate(ctx, input.paidOn, { field: 'paidOn', label: 'Date paid', order });
  const refund = store(ctx, { orderId: order.id, kind: 'refund', on, method: input.method, currency: order.currency, amountMinor, reason: input.reason });
  return alone(settle(ctx, order, refund, on, 'refund'));
}

export function recordWriteOff(ctx: WriteContext, input: z.output<typeof WriteOffInput>): MovementResult {
  return answerOf(ctx, recordWriteOffEntry(ctx, input));
}

/** payments.writeOff without its answer (see recordPaymentEntry). */
export function recordWriteOffEntry(ctx: WriteContext, input: z.output<typeof WriteOffInput>): Recorded {
  const order = orderFor(ctx, input.orderId, 'orderId');
  assertAllowed('writeOff', order, 'orderId');
  const amountMinor = minorOf(input.amount, order, 'amount', 'Amount');
  checkAtMost(input.amount, order.balance, order, 'amount', 'A write-off');
  const on = checkDate(ctx, input.writtenOffOn ?? today(ctx), { field: 'writtenOffOn', label: 'Date written off', order });
  const writeOff = store(ctx, { orderId: order.id, kind: 'write_off', on, currency: order.currency, amountMinor, reason: input.reason });
  return alone(settle(ctx, order, writeOff, on, 'write_off'));
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
  const out = store(ctx, { orderId: from.id, kind: 'credit_out', on, currency: from.currency, amountMinor, counterpartOrderId: to.id, reason: `Moved to order ${to.number}` }, to.number);
  const into = store(ctx, { orderId: to.id, kind: 'credit_in', on, currency: to.currency, amountMinor, counterpartOrderId: from.id, reason: `Moved from order ${from.number}` }, from.number);
  statement(ctx, 'UPDATE payments SET counterpart_id = ? WHERE id = ?').run(into.id, out.id);
  statement(ctx, 'UPDATE payments SET counterpart_id = ? WHERE id = ?').run(out.id, into.id);
  return { from: answerOf(ctx, alone(settle(ctx, from, out, on, 'credit_out'))), to: answerOf(ctx, alone(settle(ctx, to, into, on, 'credit_in'))) };
}

export function reverseMovement(ctx: WriteContext, input: z.output<typeof ReverseInput>): MovementResult {
  const row = movementRow(ctx, input.paymentId);
  if (!row) throw new DomainError('not_found', `Payment ${input.paymentId} does not exist.`, 'paymentId');
  if (row.reverses_id !== null) throw new DomainError('conflict', 'This row is itself a reversal; record the movement again instead.', 'paymentId');
  if (row.reversed_by_id !== null) throw new DomainError('conflict', 'This movement has already been reversed.', 'paymentId');
  if (row.fees_of_id !== null) {
    const transfer = movementRow(ctx, row.fees_of_id)!;
    throw new DomainError(
      'conflict',
      `These are the bank fees deducted from the transfer of ${transfer.on_date}; reverse that payment, and its fees are reversed with it.`,
      'paymentId',
    );
  }
  const order = orderFor(ctx, row.order_id, 'paymentId');
  const on = checkDate(ctx, input.reversedOn ?? today(ctx), { field: 'reversedOn', label: 'Date reversed', order, after: { date: row.on_date, what: 'the movement itself' } });
  const undo = (r: MovementRow, o: OrderHead): StoredMovement =>
    store(
      ctx,
      {
        orderId: o.id,
        kind: r.kind,
        reversesId: r.id,
        on,
        method: r.method,
        currency: r.currency,
        amountMinor: r.amount_minor,
        counterpartOrderId: r.counterpart_order_id,
        feesOfId: r.fees_of_id,
        reason: input.reason,
      },
      r.counterpart_number,
    );
  const result = settle(ctx, order, undo(row, order), on, 'reverse');
  // A credit moved between two orders is one act: undoing one side undoes the other.
  const counterpartId = (statement(ctx, 'SELECT counterpart_id AS id FROM payments WHERE id = ?').get(row.id) as { id: number | null }).id;
  if (counterpartId !== null) {
    const other = movementRow(ctx, counterpartId)!;
    const otherOrder = getOrderHead(ctx, other.order_id);
    settle(ctx, otherOrder, undo(other, otherOrder), on, 'reverse');
  }
  // So is a transfer and the bank fees written off with it.
  const feesId = statement(ctx, 'SELECT id FROM payments WHERE fees_of_id = ? AND reverses_id IS NULL').pluck().get(row.id) as number | undefined;
  if (feesId !== undefined) {
    const fees = movementRow(ctx, feesId)!;
    if (fees.reversed_by_id === null) return answerOf(ctx, { movement: result, feesWrittenOff: settle(ctx, result.order, undo(fees, order), on, 'reverse') });
  }
  return answerOf(ctx, alone(result));
}
