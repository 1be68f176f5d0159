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
import { amount, roundToCurrency, toDecimalString, zero, type Amount } from './money';

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

/** What the movements of each kind add up to, reversals subtracted, each rounded as the balance shows it: one pass over them. */
function sumsByKind(movements: readonly BalanceMovement[], currency: CurrencyCode): Record<MovementKind, Amount> {
  const sums: Record<MovementKind, Amount> = { payment: zero(), refund: zero(), write_off: zero(), credit_in: zero(), credit_out: zero() };
  for (const m of movements) sums[m.kind] = m.reversal ? sums[m.kind].minus(amount(m.amount)) : sums[m.kind].plus(amount(m.amount));
  for (const kind of Object.keys(sums) as MovementKind[]) sums[kind] = roundToCurrency(sums[kind], currency);
  return sums;
}

export function computeBalance(input: BalanceInput): Balance {
  const { currency } = input;
  const creditedAmount = roundToCurrency(amount(input.credited ?? '0'), currency);
  const invoicedAmount = input.invoiced === undefined || input.invoiced === null ? null : roundToCurrency(amount(input.invoiced), currency);
  const owed = invoicedAmount ?? amount(input.total);
  const feesAmount = roundToCurrency(amount(input.fees ?? '0'), currency);
  const dueAmount = input.cancelled ? zero() : roundToCurrency(owed.minus(creditedAmount).plus(feesAmount), currency);
  const sums = sumsByKind(input.movements, currency);
  // The kinds' sums are whole minor units already: adding them needs no rounding.
  const heldAmount = sums.payment.minus(sums.refund).plus(sums.credit_in).minus(sums.credit_out);
  const settled = input.cancelled ? heldAmount : heldAmount.plus(sums.write_off);
  const balanceAmount = roundToCurrency(dueAmount.minus(settled), currency);
  const text = (value: Amount) => toDecimalString(value, currency);
  return {
    total: text(amount(input.total)),
    invoiced: invoicedAmount === null ? null : text(invoicedAmount),
    credited: text(creditedAmount),
    fees: text(feesAmount),
    due: text(dueAmount),
    paid: text(sums.payment),
    refunded: text(sums.refund),
    writtenOff: text(sums.write_off),
    creditIn: text(sums.credit_in),
    creditOut: text(sums.credit_out),
    held: text(heldAmount),
    balance: text(balanceAmount),
    paymentStatus: paymentStatusOf({ cancelled: input.cancelled, due: dueAmount, held: heldAmount, balance: balanceAmount, gaveBack: sums.refund.plus(sums.credit_out).greaterThan(0), settled }),
  };
}

function paymentStatusOf(f: { cancelled: boolean; due: Amount; held: Amount; balance: Amount; gaveBack: boolean; settled: Amount }): PaymentStatus {
  if (f.cancelled) {
    if (f.held.greaterThan(0)) return 'refund_due';
    return f.gaveBack ? 'refunded' : 'unpaid';
  }
  if (f.balance.lessThan(0)) return 'overpaid';
  if (f.balance.isZero()) return f.due.isZero() && f.gaveBack ? 'refunded' : 'paid';
  return f.settled.greaterThan(0) ? 'partially_paid' : 'unpaid';
}
