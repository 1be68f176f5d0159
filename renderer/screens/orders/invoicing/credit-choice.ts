/**
 * The credit note dialog's arithmetic and checks, free of React: which lines and how many
 * copies the clerk chose, whether that is everything still creditable, and the amount it
 * credits — by the same functions the service issues it with (shared/documents).
 */
import type { ApiError } from '../../../../shared/api/errors';
import type { Invoice } from '../../../../shared/contract/invoices';
import { documentTotals } from '../../../../shared/documents/build-invoice-document';
import { creditedLineTotal } from '../../../../shared/documents/credit-lines';
import type { CurrencyCode } from '../../../../shared/money/currencies';
import { compareAmounts, decimalPlaces, isDecimalString, signOf, sumAmounts } from '../../../../shared/money/money';
import { currencyExponent } from '../../../../shared/money/currencies';

/** One invoice line that can still be credited. */
export interface CreditRow {
  position: number;
  title: string;
  /** Copies not yet credited. */
  left: number;
  /** Their amount (the line less what earlier notes credited of it). */
  leftAmount: string;
  unitPrice: string;
  discountPercent: string | null;
}

export function creditRowsOf(invoice: Invoice): CreditRow[] {
  return (invoice.creditable?.lines ?? []).map((left) => {
    const line = invoice.document.lines.find((l) => l.position === left.position);
    return {
      position: left.position,
      title: left.title,
      left: left.quantity,
      leftAmount: left.amount,
      unitPrice: line?.unitPrice ?? '0',
      discountPercent: line?.discountPercent ?? null,
    };
  });
}

/** The form field of a line's quantity, also the key of its error. */
export const lineField = (position: number) => `line.${position}`;

export interface CreditChoice {
  /** Lines with a quantity above zero, in invoice order. */
  lines: { position: number; quantity: number }[];
  shipping: string;
  /** By field: line.N, shipping. */
  errors: Record<string, string>;
  /** What the note will credit; null while a field is wrong. */
  total: string | null;
  /** Everything still creditable is chosen: a full credit note. */
  full: boolean;
}

export function creditChoiceOf(rows: readonly CreditRow[], quantities: Readonly<Record<number, string>>, shippingText: string, shippingLeft: string, currency: CurrencyCode): CreditChoice {
  const errors: Record<string, string> = {};
  const lines: { position: number; quantity: number }[] = [];
  const lineTotals: string[] = [];
  let everyLine = true;
  for (const row of rows) {
    const text = (quantities[row.position] ?? '').trim();
    const quantity = text === '' ? 0 : /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(quantity)) {
      errors[lineField(row.position)] = `Line ${row.position}: the quantity to credit must be a whole number.`;
    } else if (quantity > row.left) {
      errors[lineField(row.position)] = `Line ${row.position}: only ${row.left} can still be credited.`;
    } else if (quantity > 0) {
      lines.push({ position: row.position, quantity });
      lineTotals.push(creditedLineTotal(row, quantity, { quantity: row.left, amount: row.leftAmount }, currency));
    }
    if (quantity !== row.left) everyLine = false;
  }

  const shippingTyped = shippingText.trim();
  let shipping = sumAmounts(['0'], currency);
  if (shippingTyped !== '') {
    if (!isDecimalString(shippingTyped)) errors.shipping = 'Shipping to credit must be an amount such as 12.50.';
    else if (decimalPlaces(shippingTyped) > currencyExponent(currency)) errors.shipping = `Shipping can have at most ${currencyExponent(currency)} decimals in ${currency}.`;
    else if (compareAmounts(shippingTyped, shippingLeft) > 0) errors.shipping = `Shipping to credit cannot be more than the ${shippingLeft} ${currency} left.`;
    else shipping = sumAmounts([shippingTyped], currency);
  }

  const ok = Object.keys(errors).length === 0;
  const total = ok ? documentTotals(lineTotals, shipping, currency).total : null;
  const somethingLeft = rows.length > 0 || signOf(shippingLeft) > 0;
  const full = ok && somethingLeft && everyLine && compareAmounts(shipping, shippingLeft) === 0;
  return { lines, shipping, errors, total, full };
}

/** What invoices.credit gets: a full note is sent without lines, so the service credits exactly what is left. */
export function creditInput(invoiceId: number, choice: CreditChoice, reason: string, issuedOn: string) {
  return {
    invoiceId,
    ...(choice.full ? {} : { lines: choice.lines, shipping: choice.shipping }),
    reason,
    issuedOn,
  };
}

/**
 * The service names a line by its index in what was sent (lines.0.quantity); the dialog shows
 * every line, so put the message at the line's own field.
 */
export function atLineFields(error: ApiError, sent: readonly { position: number }[]): ApiError {
  const field = (name: string) => {
    const match = /^lines\.(\d+)\.(quantity|position)$/.exec(name);
    const line = match ? sent[Number(match[1])] : undefined;
    return line ? lineField(line.position) : name;
  };
  return {
    ...error,
    ...(error.field ? { field: field(error.field) } : {}),
    ...(error.issues ? { issues: error.issues.map((i) => ({ ...i, field: field(i.field) })) } : {}),
  };
}
