/**
 * Issues a batch one invoices.issue call at a time, in order. Each call is one transaction on
 * the server (number, PDF, hash and lifecycle together), so checking `stopRequested` only
 * between calls is what makes Cancel clean: every invoice is complete or not started, and the
 * numbers issued are contiguous. Pure of React, so its rules are tested without a browser.
 *
 * A clerk expects a batch to get through what it can: an order that cannot be invoiced (no
 * bank account for its currency, changed meanwhile) is noted with the reason and the batch goes
 * on. A failure that would only repeat for every order — Order Desk unreachable or failing, the
 * database damaged — stops the batch at once instead of listing the same error forty times.
 *
 * A batch run has one idempotency key; each order's call sends a key made from it and the
 * order's id (batchCallKey). A run sent again with the same key — restarted after a call whose
 * answer was lost, from the list as it was — sends the very same calls: an invoice already made
 * for one of them is answered again (db/api/idempotency.ts), never issued twice nor listed as
 * failed because its order is invoiced meanwhile.
 */
import type { ApiError, ApiErrorCode, Result } from '../../../../shared/api/errors';
import type { UninvoicedOrder } from '../../../../shared/contract/invoice-batch';

export interface IssuedEntry {
  order: UninvoicedOrder;
  invoiceId: number;
  invoiceNumber: string;
}

export interface FailedEntry {
  order: UninvoicedOrder;
  message: string;
}

export interface BatchOutcome {
  issued: IssuedEntry[];
  failed: FailedEntry[];
  notStarted: UninvoicedOrder[];
  /** Why the batch stopped before the end: the clerk's Cancel, or a failure that every order would hit. */
  stopped: { by: 'cancel' } | { by: 'error'; message: string } | null;
}

export type BatchStep = { kind: 'issued'; entry: IssuedEntry } | { kind: 'failed'; entry: FailedEntry };

export interface BatchProgress {
  /** Orders answered so far (issued or failed). */
  done: number;
  total: number;
  /** The order being issued now, or null between calls and at the end. */
  current: UninvoicedOrder | null;
  last: BatchStep | null;
}

/** Errors that are about this one order; anything else would fail every order after it. */
const ORDER_ERRORS: readonly ApiErrorCode[] = ['invalid_input', 'conflict', 'not_found'];

export function stopsTheBatch(error: ApiError): boolean {
  return !ORDER_ERRORS.includes(error.code);
}

export type IssueOne = (orderId: number, idempotencyKey: string) => Promise<Result<{ invoice: { id: number; number: string } }>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key of one order's call in a run: the run's key (a random UUID) with the order id mixed
 * into its last 48 bits. One order, one key, within the run; two orders never share one, as the
 * mixing cannot map two ids to the same bits; and it stays a UUID, as the contract asks.
 */
export function batchCallKey(runKey: string, orderId: number): string {
  if (!UUID.test(runKey)) throw new Error('A batch run key must be a UUID.');
  const head = runKey.slice(0, 24);
  const tail = (BigInt(`0x${runKey.slice(24)}`) ^ BigInt(orderId)) & 0xffff_ffff_ffffn;
  return `${head}${tail.toString(16).padStart(12, '0')}`.toLowerCase();
}

export interface BatchOptions {
  /** The run's idempotency key: the same key sends the same calls again. */
  runKey: string;
  stopRequested(): boolean;
  onProgress(progress: BatchProgress): void;
}

export async function runBatch(orders: readonly UninvoicedOrder[], issue: IssueOne, options: BatchOptions): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { issued: [], failed: [], notStarted: [], stopped: null };
  let last: BatchStep | null = null;
  for (const [index, order] of orders.entries()) {
    if (options.stopRequested()) {
      outcome.stopped = { by: 'cancel' };
      outcome.notStarted = orders.slice(index);
      break;
    }
    options.onProgress({ done: index, total: orders.length, current: order, last });
    const result = await issue(order.id, batchCallKey(options.runKey, order.id));
    if (result.ok) {
      const entry = { order, invoiceId: result.value.invoice.id, invoiceNumber: result.value.invoice.number };
      outcome.issued.push(entry);
      last = { kind: 'issued', entry };
    } else if (stopsTheBatch(result.error)) {
      outcome.stopped = { by: 'error', message: result.error.message };
      // Not issued: a failed issue stores nothing, so this order is as untouched as those after it.
      outcome.notStarted = orders.slice(index);
      break;
    } else {
      const entry = { order, message: result.error.message };
      outcome.failed.push(entry);
      last = { kind: 'failed', entry };
    }
  }
  options.onProgress({ done: outcome.issued.length + outcome.failed.length, total: orders.length, current: null, last });
  return outcome;
}
