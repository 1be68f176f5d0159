/**
 * A new catalogue price far from the one it replaces is more likely a slip (640 typed for 64)
 * than a decision, and it takes effect for every order keyed from its date. So a price that
 * differs from the current one (in force on its date, in its currency) by more than a factor
 * of 3, up or down, is set only once the clerk confirms it: the service answers
 * `needs_confirmation` and the catalogue screen asks. A first price, or one within the factor,
 * is set at once.
 */
import type { CurrencyCode } from '../money/currencies';
import { amount, formatMoney } from '../money/money';

export const PRICE_CHANGE_FACTOR = 3;

/** True when `next` is more than 3 times `current`, or less than a third of it. */
export function priceChangeNeedsConfirmation(current: string, next: string): boolean {
  const was = amount(current);
  const now = amount(next);
  if (was.equals(now)) return false;
  return now.greaterThan(was.times(PRICE_CHANGE_FACTOR)) || now.times(PRICE_CHANGE_FACTOR).lessThan(was);
}

/** "EUR 640.00 for … is 10 times the current price (EUR 64.00)…": the question the service and the screen ask. */
export function priceChangeQuestion(title: string, currency: CurrencyCode, current: string, next: string, locale?: string): string {
  const was = amount(current);
  const now = amount(next);
  const money = (v: string) => formatMoney(v, currency, locale);
  const how = was.isZero()
    ? `while the current price is ${money(current)}`
    : now.greaterThan(was)
      ? `${now.dividedBy(was).toDecimalPlaces(1).toString()} times the current price (${money(current)})`
      : `less than a third of the current price (${money(current)})`;
  return `${money(next)} for ${title} is ${how}. Is it right? Confirm to set it, or correct it.`;
}
