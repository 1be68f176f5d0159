/**
 * What the clerk decides for a line to review: bank.assign records it on one or several orders
 * (one transfer paying three invoices), with a bank-fee write-off for a difference if asked;
 * bank.setAside keeps a line that is no order's money (interest, a grant, an internal transfer)
 * out of the way, with the reason. Reversing a payment made from a line (payments.reverse)
 * returns the line to review.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { BankAssignInput, BankAssignResult, BankLine, BankSetAsideInput } from '../../../shared/contract/bank';
import type { ReverseInput } from '../../../shared/contract/payments';
import { currencyExponent, type CurrencyCode } from '../../../shared/money/currencies';
import { decimalPlaces, formatMoney, fromMinorUnits, toMinorUnits } from '../../../shared/money/money';
import type { ServiceContext, WriteContext } from '../../context';
import { statement } from '../../statements';
import { audit } from '../audit';
import { answerOf, reverseMovement } from '../payments/movements';
import { lineById } from './read';
import { openInvoiceNumber } from './match';
import { bankFeeReason, recordFromLine } from './record';
import { bankLineRow, lineOfMovement, linkedMovements, markForReview, markSetAside, unallocatedMinor, type BankLineRow } from './store';

function lineFor(ctx: WriteContext, lineId: number): BankLineRow {
  const line = bankLineRow(ctx, lineId);
  if (!line) throw new DomainError('not_found', `Bank line ${lineId} does not exist.`, 'lineId');
  return line;
}

/** What the assignment checks of an order it pays: its number and currency; undefined when there is no such order. */
function orderOf(ctx: ServiceContext, id: number): { number: string; currency: CurrencyCode } | undefined {
  return statement(ctx, 'SELECT number, currency FROM orders WHERE id = ?').get(id) as { number: string; currency: CurrencyCode } | undefined;
}

function minorOf(value: string, line: BankLineRow, field: string, label: string): number {
  const places = currencyExponent(line.currency);
  if (decimalPlaces(value) > places) throw new DomainError('invalid_input', `${label} can have at most ${places} decimals in ${line.currency}.`, field);
  return toMinorUnits(value, line.currency);
}

export function assignLine(ctx: WriteContext, input: z.output<typeof BankAssignInput>): BankAssignResult {
  const line = lineFor(ctx, input.lineId);
  if (line.status === 'recorded') throw new DomainError('conflict', `Bank line ${line.id} is already recorded; reverse its payment on the order first to assign it again.`, 'lineId');
  if (line.status === 'set_aside') throw new DomainError('conflict', `Bank line ${line.id} was set aside (${line.set_aside_reason}).`, 'lineId');
  if (line.undetailed_batch !== null) {
    throw new DomainError('conflict', `Bank line ${line.id} is a batch of ${line.undetailed_batch} payments without their details: import the bank’s camt.054 for ${line.booked_on} instead.`, 'lineId');
  }
  const allocations = input.allocations.map((a, index) => {
    const order = orderOf(ctx, a.orderId);
    if (!order) throw new DomainError('not_found', `Order ${a.orderId} does not exist.`, `allocations.${index}.orderId`);
    if (order.currency !== line.currency) {
      throw new DomainError('conflict', `Order ${order.number} is in ${order.currency}, the bank line in ${line.currency}; currencies are never mixed.`, `allocations.${index}.orderId`);
    }
    return { orderId: a.orderId, orderNumber: order.number, amountMinor: minorOf(a.amount, line, `allocations.${index}.amount`, 'Amount') };
  });
  const open = unallocatedMinor(ctx, line);
  const allocated = allocations.reduce((sum, a) => sum + a.amountMinor, 0);
  if (allocated !== open) {
    const money = (minor: number) => formatMoney(fromMinorUnits(minor, line.currency), line.currency);
    throw new DomainError('invalid_input', `The amounts add up to ${money(allocated)}, but ${money(open)} of the bank line is left to assign; they must be equal.`, 'allocations');
  }
  let writeOff: { orderId: number; amountMinor: number; reason: string } | undefined;
  if (input.writeOff) {
    if (line.direction === 'debit') throw new DomainError('invalid_input', 'A bank-fee write-off goes with money received, not with money paid out.', 'writeOff');
    const allocation = allocations.find((a) => a.orderId === input.writeOff!.orderId);
    if (!allocation) throw new DomainError('invalid_input', 'The write-off must be on one of the orders the line pays.', 'writeOff.orderId');
    writeOff = {
      orderId: input.writeOff.orderId,
      amountMinor: minorOf(input.writeOff.amount, line, 'writeOff.amount', 'Write-off amount'),
      reason: input.writeOff.reason || bankFeeReason(line, openInvoiceNumber(ctx, allocation.orderId) ?? `order ${allocation.orderNumber}`),
    };
  }
  const names = allocations.map((a) => a.orderNumber).join(', ');
  const movements = recordFromLine(ctx, line, {
    allocations,
    writeOff,
    receivedOn: input.receivedOn ?? line.booked_on,
    how: 'clerk',
    confirmed: input.confirmed === true,
    why: `assigned by ${ctx.actor} to order${allocations.length > 1 ? 's' : ''} ${names}`,
  });
  return { line: lineById(ctx, line.id), movements: movements.map((recorded) => answerOf(ctx, recorded)) };
}

export function setAsideLine(ctx: WriteContext, input: z.output<typeof BankSetAsideInput>): { line: BankLine } {
  const line = lineFor(ctx, input.lineId);
  if (line.status === 'recorded') throw new DomainError('conflict', `Bank line ${line.id} is recorded on an order; reverse that payment first.`, 'lineId');
  if (linkedMovements(ctx, line.id).some((m) => !m.reversed)) {
    throw new DomainError('conflict', `Part of bank line ${line.id} is recorded on an order; reverse that payment first or assign the rest.`, 'lineId');
  }
  markSetAside(ctx, line.id, input.reason);
  audit(ctx, 'bank_line', line.id, 'set_aside', { status: line.status, reason: line.review_reason }, { status: 'set_aside', reason: input.reason });
  return { line: lineById(ctx, line.id) };
}

/**
 * payments.reverse, and for a movement made from a bank line: the line's fee write-off on the
 * same order is reversed with it (it only existed because of that payment), and the line
 * goes back to review with the reason.
 */
export function reverseMovementAndLine(ctx: WriteContext, input: z.output<typeof ReverseInput>) {
  const lineId = lineOfMovement(ctx, input.paymentId);
  const result = reverseMovement(ctx, input);
  if (lineId === null) return result;
  const line = bankLineRow(ctx, lineId)!;
  const reversed = linkedMovements(ctx, lineId).find((m) => m.payment_id === input.paymentId)!;
  if (reversed.kind !== 'write_off') {
    for (const m of linkedMovements(ctx, lineId)) {
      if (m.kind === 'write_off' && !m.reversed && m.order_id === reversed.order_id) {
        reverseMovement(ctx, { paymentId: m.payment_id, reason: input.reason, ...(input.reversedOn ? { reversedOn: input.reversedOn } : {}) });
      }
    }
  }
  if (unallocatedMinor(ctx, line) > 0) {
    const reason = `The ${reversed.kind === 'write_off' ? 'write-off' : reversed.kind} on order ${reversed.order_number} made from this line was reversed by ${ctx.actor}: ${input.reason}`;
    markForReview(ctx, lineId, 'payment_reversed', reason);
    audit(ctx, 'bank_line', lineId, 'to_review', { status: line.status }, { status: 'to_review', code: 'payment_reversed', reason });
  }
  return result;
}
