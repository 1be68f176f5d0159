/**
 * What a credit note credits, line by line: one rule for the service that issues it and the
 * dialog that shows the amount before it is issued, so the two can never disagree by a cent.
 */
import type { CurrencyCode } from '../money/currencies';
import { lineTotal } from '../money/money';

/** What of one invoice line is not yet credited. */
export interface LineLeft {
  quantity: number;
  /** The line's total less what earlier credit notes credited of it. */
  amount: string;
}

/**
 * The amount credited for `quantity` copies of an invoice line: quantity × price less discount,
 * except that the last part of a line credits exactly what is left of it, so the parts of a
 * line credited over several notes add up to the line to the cent.
 */
export function creditedLineTotal(line: { unitPrice: string; discountPercent: string | null }, quantity: number, left: LineLeft, currency: CurrencyCode): string {
  if (quantity === left.quantity) return left.amount;
  return lineTotal({ quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent }, currency);
}
