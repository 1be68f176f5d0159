/**
 * Full card numbers must never be kept. A clerk who types or pastes one into any free-text
 * field (reference, note, customer reference, order notes) gets the last four digits kept
 * and is told so; a security code next to it is refused outright.
 */

/**
 * 13 to 19 digits, optionally grouped by single spaces or dashes, starting as card numbers do
 * (2–6: Mastercard, Amex, Visa, Maestro, Discover, UnionPay…), and not glued to letters or
 * other digits nor following an IBAN's country and check digits, so creditor references
 * ("RF18 5390 0754 7034") and IBANs ("CH44 3199 9123 0008 8901 2") are left alone.
 */
const CANDIDATE = /(?<![\p{L}\d-])(?<!\b[A-Z]{2}\d{2}[ -])[2-6](?:[ -]?\d){12,18}(?!\d)/gu;
const SECURITY_CODE = /\b(?:cvv2?|cvc2?|cid|csc|security\s*code|sec\.?\s*code)\b\W{0,3}\d{3,4}\b/i;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export interface CardNumberScan {
  /** The text with every full card number replaced by its last four digits. */
  text: string;
  /** Last four digits of each number that was masked, in order. */
  masked: string[];
  /** True when a security code (CVV) stands in the text near a card number or by its name. */
  securityCode: boolean;
}

export function maskedCard(last4: string): string {
  return `•••• ${last4}`;
}

/**
 * The card number in a digit run: the whole run, or, when the run ends in a 3–4 digit group
 * (the security code typed right after the number: "4111 1111 1111 1111 123"), the run
 * without that group. Only these two cuts are tried, so a long reference is not searched
 * for some Luhn-valid prefix it happens to contain.
 */
function cardPrefix(run: string): string | null {
  const code = /[ -]\d{3,4}$/.exec(run);
  for (const part of code ? [run, run.slice(0, code.index)] : [run]) {
    const digits = part.replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return part;
  }
  return null;
}

export function scanForCardNumbers(text: string): CardNumberScan {
  const masked: string[] = [];
  let nearCode = false;
  const out = text.replace(CANDIDATE, (whole, offset: number) => {
    const card = cardPrefix(whole);
    if (card === null) return whole;
    const last4 = card.replace(/[ -]/g, '').slice(-4);
    masked.push(last4);
    // A bare 3–4 digit group right after the number ("… 1111 123", "… / 123") is read as its CVV.
    if (/^\s*[/,;:-]?\s*\d{3,4}\b(?![ -]?\d)/.test(text.slice(offset + card.length))) nearCode = true;
    return maskedCard(last4) + whole.slice(card.length);
  });
  const securityCode = nearCode || SECURITY_CODE.test(text);
  return { text: out, masked, securityCode };
}

export const SECURITY_CODE_MESSAGE = 'must not hold a card security code (CVV): it is never written down anywhere.';

export function cardNoticeFor(label: string, masked: readonly string[]): string {
  return `${label}: a full card number was typed; only its last four digits (${masked.join(', ')}) are kept.`;
}
