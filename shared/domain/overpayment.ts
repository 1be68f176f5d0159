/**
 * A payment far above what the order owes is more likely a slip of the keyboard (37,125.00
 * typed for 3,712.50) than money really received, so the clerk confirms it before it is
 * recorded. The service refuses it with `needs_confirmation` (the same call with
 * `confirmed: true` goes through) and the payment dialog asks; both use this one rule.
 *
 * The rule: the part of a payment above what is owed (all of it on an order that owes nothing)
 * may be up to the larger of 10 % of what is owed and 10.00 in the order's currency. A customer
 * rounding up, paying a small fee twice or adding a few francs is recorded without a question;
 * anything beyond needs the clerk's word.
 */
import type { CurrencyCode } from '../money/currencies';
import { amount, formatMoney, roundToCurrency, signOf, toDecimalString, zero } from '../money/money';

/** Share of what is owed that a payment may exceed it by without a question. */
export const OVERPAYMENT_SHARE = '0.10';
/** ... or this much in the order's currency, whichever is larger. */
export const OVERPAYMENT_FLOOR = '10.00';

export interface Overpayment {
  /** What the payment is above what is owed. */
  excess: string;
  /** The most it could have been above without a question. */
  allowance: string;
}

/** How far a payment of `value` goes beyond what is owed (`balance`, signed), when that is too far to record without asking; else null. */
export function overpaymentToConfirm(value: string, balance: string, currency: CurrencyCode): Overpayment | null {
  // decimal.js numbers throughout, written out once: every payment recorded asks this, thousands in a bank import.
  const balanceAmount = amount(balance);
  const owed = balanceAmount.greaterThan(0) ? balanceAmount : zero();
  const excess = roundToCurrency(amount(value).minus(owed), currency);
  const share = roundToCurrency(owed.times(OVERPAYMENT_SHARE), currency);
  const floor = roundToCurrency(amount(OVERPAYMENT_FLOOR), currency);
  const allowance = share.greaterThan(floor) ? share : floor;
  return excess.greaterThan(allowance) ? { excess: toDecimalString(excess, currency), allowance: toDecimalString(allowance, currency) } : null;
}

/** The question, in words a clerk can answer: how much over what is owed, and what confirming does. */
export function overpaymentQuestion(value: string, balance: string, currency: CurrencyCode, over: Overpayment, locale?: string): string {
  const money = (v: string) => formatMoney(v, currency, locale);
  const how =
    signOf(balance) > 0
      ? `${money(value)} is ${money(over.excess)} more than the ${money(balance)} the order owes.`
      : `The order owes nothing: all of ${money(value)} would be paid too much.`;
  return `${how} Is the amount right? Confirm to record it as it is (what is paid too much is kept as a credit for the customer), or correct it.`;
}
