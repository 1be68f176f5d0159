/**
 * Money recorded from a bank line, through the payments services (so balances, payment status,
 * the automatic close and the order's audit stay as for a payment typed by hand): a payment per
 * order for a credit, a refund per order for a debit, and a bank-fee write-off when asked. Each
 * movement is linked to the line; the line is recorded once nothing of it is left unallocated.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import { RecordPaymentInput, RefundInput, WriteOffInput } from '../../../shared/contract/payments';
import { fromMinorUnits } from '../../../shared/money/money';
import type { WriteContext } from '../../context';
import type { OrderHead } from '../orders/read';
import { statement } from '../../statements';
import { audit } from '../audit';
import { recordPaymentEntry, recordRefundEntry, recordWriteOffEntry, type Recorded } from '../payments/movements';
import { linkMovement, markRecordedByClerk, unallocatedMinor, type BankLineRow } from './store';

export interface LineAllocation {
  orderId: number;
  amountMinor: number;
}

export interface RecordRequest {
  allocations: LineAllocation[];
  writeOff?: { orderId: number; amountMinor: number; reason: string } | undefined;
  receivedOn: string;
  how: 'automatic' | 'clerk';
  /** The clerk confirmed an overpayment the payments service asks about (never for the import). */
  confirmed?: boolean;
  /** Why these orders, for the note and the audit ("QR reference … of INV-2026-00017"). */
  why: string;
  /** The reference noted on the payment when the line has none of its own (an invoice number). */
  reference?: string;
  /** The statement's file name, when the caller has it (the import): read otherwise. */
  fileName?: string;
  /** The order of the one allocation as the caller read it in this transaction (the import's decision): not read again. */
  order?: OrderHead;
}

function statementFileName(ctx: WriteContext, statementId: number): string {
  return (statement(ctx, 'SELECT file_name FROM bank_statements WHERE id = ?').get(statementId) as { file_name: string }).file_name;
}

/** Input for a payments service, cleaned by its own schema (card-safe text, lengths), or a refusal naming the field. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DomainError('invalid_input', issue.message, issue.path.map(String).join('.'));
}

/** The payments service names its own `amount`; in a split the clerk needs to know which row. */
function recordPaymentOfRow(ctx: WriteContext, input: z.output<typeof RecordPaymentInput>, index: number, order: OrderHead | undefined): Recorded {
  try {
    return recordPaymentEntry(ctx, input, order);
  } catch (error) {
    if (error instanceof DomainError && error.field === 'amount') throw new DomainError(error.code, error.message, `allocations.${index}.amount`);
    throw error;
  }
}

/**
 * Fees the bank kept on a transfer to one order are the payments service's own fee write-off
 * (recorded with the payment, linked to its transfer, reversed with it, counted as bank fees):
 * their amount, or null when the request's write-off is a plain one, recorded after the payments.
 */
export function feesWrittenOffWithTransfer(line: Pick<BankLineRow, 'direction'>, request: Pick<RecordRequest, 'allocations' | 'writeOff'>): number | null {
  const first = request.allocations[0];
  const { writeOff } = request;
  return line.direction === 'credit' && first && writeOff && writeOff.orderId === first.orderId && writeOff.amountMinor <= first.amountMinor ? writeOff.amountMinor : null;
}

/** Records the movements; a caller that answers them asks answerOf (db/services/payments/movements.ts). */
export function recordFromLine(ctx: WriteContext, line: BankLineRow, request: RecordRequest): Recorded[] {
  const fileName = request.fileName ?? statementFileName(ctx, line.statement_id);
  const source = `bank statement ${fileName}, line ${line.id}`.slice(0, 300);
  const bankReference = (line.bank_reference ?? '') || line.end_to_end_id || line.uetr || line.entry_reference;
  const results: Recorded[] = [];
  const feesWithTransfer = feesWrittenOffWithTransfer(line, request);
  request.allocations.forEach((allocation, index) => {
    const amount = fromMinorUnits(allocation.amountMinor, line.currency);
    const result =
      line.direction === 'credit'
        ? recordPaymentOfRow(
            ctx,
            parsed(RecordPaymentInput, {
              orderId: allocation.orderId,
              method: 'bank_transfer',
              receivedOn: request.receivedOn,
              amount,
              reference: (line.reference || request.reference || '').slice(0, 140),
              note: `From ${source}${line.counterparty_name ? `, paid by ${line.counterparty_name}` : ''}: ${request.why}`.slice(0, 1000),
              transfer: {
                bankReference: bankReference.slice(0, 140),
                ...(index === 0 && feesWithTransfer ? { feesDeducted: fromMinorUnits(feesWithTransfer, line.currency) } : {}),
              },
              ...(request.confirmed ? { confirmed: true } : {}),
            }),
            index,
            request.allocations.length === 1 && request.order?.id === allocation.orderId ? request.order : undefined,
          )
        : recordRefundEntry(
            ctx,
            parsed(RefundInput, { orderId: allocation.orderId, amount, paidOn: request.receivedOn, method: 'bank_transfer', reason: `Paid out, ${source}: ${request.why}`.slice(0, 500) }),
          );
    linkMovement(ctx, line.id, result.movement.id);
    if (result.feesWrittenOff) linkMovement(ctx, line.id, result.feesWrittenOff.id);
    results.push(result);
  });
  if (request.writeOff && feesWithTransfer === null) {
    const result = recordWriteOffEntry(
      ctx,
      parsed(WriteOffInput, { orderId: request.writeOff.orderId, amount: fromMinorUnits(request.writeOff.amountMinor, line.currency), reason: request.writeOff.reason, writtenOffOn: request.receivedOn }),
    );
    linkMovement(ctx, line.id, result.movement.id);
    results.push(result);
  }
  // The import stores a line it records as recorded already, as a new line with no status before (import-stage.ts).
  const automatic = request.how === 'automatic';
  if (!automatic && unallocatedMinor(ctx, line) === 0) markRecordedByClerk(ctx, line.id);
  audit(ctx, 'bank_line', line.id, automatic ? 'record_automatically' : 'assign', automatic ? null : { status: line.status }, {
    status: 'recorded',
    why: request.why,
    movements: results.map(({ movement: m }) => {
      const { kind, amount_minor, currency } = m.movements.find((f) => f.id === m.id)!;
      return { id: m.id, kind, orderId: m.order.id, amount: fromMinorUnits(amount_minor, currency), currency };
    }),
  });
  return results;
}

/** A bank-fee write-off's reason, naming what the transfer paid ("INV-2026-00017", "order 2026-00543") and the line it came from. */
export function bankFeeReason(line: BankLineRow, paying: string | null): string {
  return `Bank fees deducted from the transfer${paying ? ` paying ${paying}` : ''} (bank line ${line.id}, booked ${line.booked_on})`;
}
