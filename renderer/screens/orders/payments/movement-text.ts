/** The words for one ledger row, shared by the Payments panel and anything that lists movements. */
import type { MoneyMovement } from '../../../../shared/contract/payments';
import { maskedCard } from '../../../../shared/domain/card-numbers';
import { CARD_BRAND_LABELS, MOVEMENT_KIND_LABELS, PAYMENT_METHOD_LABELS } from '../../../../shared/domain/vocabulary';
import { formatMoney, negateAmount, signOf } from '../../../../shared/money/money';
import type { CurrencyCode } from '../../../../shared/money/currencies';
import { formatDate } from '../../../../shared/format/dates';

export function movementTitle(m: MoneyMovement): string {
  const kind = MOVEMENT_KIND_LABELS[m.kind];
  return m.reversesId !== null ? `Reversal of ${kind.toLowerCase()}` : kind;
}

/** Method and its details: a card shows only its brand and last four digits. */
export function movementDetails(m: MoneyMovement, locale: string): string[] {
  const parts: string[] = [];
  if (m.method) parts.push(PAYMENT_METHOD_LABELS[m.method]);
  if (m.card) {
    const brand = m.card.brand ? CARD_BRAND_LABELS[m.card.brand] : 'Card';
    parts.push(m.card.last4 ? `${brand} ${maskedCard(m.card.last4)}` : brand);
    if (m.card.authorisationCode) parts.push(`authorisation ${m.card.authorisationCode}`);
  }
  if (m.check) {
    if (m.check.number) parts.push(`check no. ${m.check.number}`);
    if (m.check.bank) parts.push(m.check.bank);
  }
  if (m.transfer) {
    if (m.transfer.bankReference) parts.push(`bank reference ${m.transfer.bankReference}`);
    if (m.transfer.feesDeducted) parts.push(`fees deducted ${formatMoney(m.transfer.feesDeducted, m.currency, locale)}`);
  }
  if (m.reference) parts.push(`reference ${m.reference}`);
  return parts;
}

/**
 * The note of a movement made from a bank line without the part the bank link already says
 * ("From bank statement camt054.xml, line 7, paid by …" → "Paid by …").
 */
export function noteBesideBankLine(m: MoneyMovement): string {
  if (!m.bankLine) return m.note;
  const prefix = `From bank statement ${m.bankLine.fileName}, line ${m.bankLine.lineId}`;
  if (!m.note.startsWith(prefix)) return m.note;
  const rest = m.note.slice(prefix.length).replace(/^[,:]\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Where a movement made from a bank statement came from: "from bank statement camt054.xml, booked 12 Nov 2026". */
export function bankLineWords(m: MoneyMovement, locale: string): string | null {
  if (!m.bankLine) return null;
  return `from bank statement ${m.bankLine.fileName}, booked ${formatDate(m.bankLine.bookedOn, locale)}`;
}

/**
 * What an order owes, as the rest of a sentence about it ("The order now …"), in the Payments
 * panel's words: a balance below zero is a credit held for the customer, never "owes -EUR 72.00".
 */
export function owedWords(balance: string, currency: CurrencyCode, locale: string): string {
  const sign = signOf(balance);
  if (sign < 0) return `holds a credit of ${formatMoney(negateAmount(balance, currency), currency, locale)} for the customer`;
  if (sign === 0) return 'owes nothing';
  return `owes ${formatMoney(balance, currency, locale)}`;
}
