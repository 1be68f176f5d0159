/**
 * The one function that says what an order still owes. Every screen, service, document
 * and export calls it (or reads the columns it wrote), so a balance can never be worked
 * out two ways.
 *
 *   balance = owed − payments + refunds − write-offs − credit moved in + credit moved out
 *   owed    = the order's total while it has no invoice; once invoiced, its invoices − its credit notes,
 *             plus the reminder fees booked on it and not waived
 *
 * An invoice fixes what is owed, shipping included; a credit note (lines and shipping) lowers it
 * exactly as a payment would. An order whose invoice is credited in full owes nothing until a
 * corrected invoice is issued.
 *
 * A reminder fee (db/migrations/0014_reminder_fees.ts) is owed like the goods from the reminder's
 * day until paid or waived; it is no sale, so it is kept apart (`fees`) from what was invoiced.
 * A credit note does not cancel it: only a waiver does.
 *
 * all exact, in the order's currency. A cancelled order owes nothing: its balance is
 * minus the money it kept, which is then due back to the customer. (An order with a reminder fee
 * booked is not cancelled before the fee is waived: db/services/orders/lifecycle.ts.)
 */
import type { MovementKind, PaymentStatus } from '../domain/vocabulary';
import type { CurrencyCode } from './currencies';
import { amount, sumAmounts, toDecimalString, zero, type Amount } from './money';

export interface BalanceMovement {
  kind: MovementKind;
  /** Always positive; the kind says which way it moves the balance. */
  amount: string;
  /** True for the movement that undoes an earlier one of the same kind. */
  reversal?: boolean;
}

export interface BalanceInput {
  currency: CurrencyCode;
  total: string;
  cancelled: boolean;
  /** Sum of the order's invoice totals (shipping included); null or missing while it has none. */
  invoiced?: string | null;
  /** Sum of the order's credit notes. */
  credited?: string;
  /** Sum of the reminder fees booked on the order and not waived. */
  fees?: string;
  movements: readonly BalanceMovement[];
}

export interface Balance {
  total: string;
  /** Sum of the invoices, or null while the order has none. */
  invoiced: string | null;
  credited: string;
  /** Reminder fees booked on the order and not waived (in `due`, never in `invoiced`). */
  fees: string;
  /** What the customer owes before any money moved, reminder fees included: nothing once cancelled. */
  due: string;
  paid: string;
  refunded: string;
  writtenOff: string;
  creditIn: string;
  creditOut: string;
  /** Money the unit holds for this order: paid − refunded + credit moved in − credit moved out. */
  held: string;
  /** Positive: still owed; negative: a credit for the customer (overpaid, or money kept on a cancelled order). */
  balance: string;
  paymentStatus: PaymentStatus;
}

/** How a movement of this kind changes what is settled (+) or unsettled (−) on its order. */
const SETTLES: Record<MovementKind, 1 | -1> = { payment: 1, refund: -1, write_off: 1, credit_in: 1, credit_out: -1 };

/** The signed effect of one movement on what is settled, for the column SQL sums (aging, reports). */
export function settlementSign(kind: MovementKind, reversal = false): 1 | -1 {
  const sign = SETTLES[kind];
  return reversal ? (-sign as 1 | -1) : sign;
}

function sumOf(movements: readonly BalanceMovement[], kind: MovementKind, currency: CurrencyCode): string {
  let total: Amount = zero();
  for (const m of movements) {
    if (m.kind !== kind) continue;
    total = m.reversal ? total.minus(amount(m.amount)) : total.plus(amount(m.amount));
  }
  return toDecimalString(total, currency);
}

export function computeBalance(input: BalanceInput): Balance {
  const { currency, movements } = input;
  const credited = toDecimalString(amount(input.credited ?? '0'), currency);
  const invoiced = input.invoiced === undefined || input.invoiced === null ? null : toDecimalString(amount(input.invoiced), currency);
  const owed = invoiced === null ? amount(input.total) : amount(invoiced);
  const fees = toDecimalString(amount(input.fees ?? '0'), currency);
  const due = input.cancelled ? toDecimalString(zero(), currency) : toDecimalString(owed.minus(amount(credited)).plus(amount(fees)), currency);
  const paid = sumOf(movements, 'payment', currency);
  const refunded = sumOf(movements, 'refund', currency);
  const writtenOff = sumOf(movements, 'write_off', currency);
  const creditIn = sumOf(movements, 'credit_in', currency);
  const creditOut = sumOf(movements, 'credit_out', currency);
  const held = sumAmounts([paid, `-${refunded}`, creditIn, `-${creditOut}`].map(normaliseSign), currency);
  // A cancelled order's write-offs no longer matter: nothing is owed, only money held is.
  const settled = input.cancelled ? amount(held) : amount(held).plus(amount(writtenOff));
  const balance = toDecimalString(amount(due).minus(settled), currency);
  return {
    total: toDecimalString(amount(input.total), currency),
    invoiced,
    credited,
    fees,
    due,
    paid,
    refunded,
    writtenOff,
    creditIn,
    creditOut,
    held,
    balance,
    paymentStatus: paymentStatusOf({ cancelled: input.cancelled, due, held, balance, refunded, creditOut, settled: toDecimalString(settled, currency) }),
  };
}

/** "--5.00" → "5.00": lets sumAmounts take negated strings without a second code path. */
function normaliseSign(text: string): string {
  return text.startsWith('--') ? text.slice(2) : text;
}

function paymentStatusOf(f: { cancelled: boolean; due: string; held: string; balance: string; refunded: string; creditOut: string; settled: string }): PaymentStatus {
  const balance = amount(f.balance);
  const gaveBack = amount(f.refunded).plus(amount(f.creditOut)).greaterThan(0);
  if (f.cancelled) {
    if (amount(f.held).greaterThan(0)) return 'refund_due';
    return gaveBack ? 'refunded' : 'unpaid';
  }
  if (balance.lessThan(0)) return 'overpaid';
  if (balance.isZero()) return amount(f.due).isZero() && gaveBack ? 'refunded' : 'paid';
  return amount(f.settled).greaterThan(0) ? 'partially_paid' : 'unpaid';
}
