/**
 * What a free-text field does when the clerk leaves it: a full card number is cut to its
 * last four digits on the spot (and the clerk told so), and a security code next to one
 * is an error. The contract does the same again, so this is for the clerk's benefit only.
 */
import { cardNoticeFor, scanForCardNumbers, SECURITY_CODE_MESSAGE } from '../../shared/domain/card-numbers';

export interface ScreenedText {
  /** The text to put back into the field. */
  text: string;
  /** Tells the clerk a number was masked, or null. */
  notice: string | null;
  /** Refuses a security code, or null. */
  error: string | null;
}

export function screenCardText(label: string, text: string): ScreenedText {
  const scan = scanForCardNumbers(text);
  // With a CVV beside it the text is refused as typed, so the clerk sees what to remove;
  // it is never saved (the contract refuses it) and never kept in a draft (see draft-storage).
  if (scan.securityCode) return { text, notice: null, error: `${label} ${SECURITY_CODE_MESSAGE}` };
  if (scan.masked.length === 0) return { text, notice: null, error: null };
  return { text: scan.text, notice: cardNoticeFor(label, scan.masked), error: null };
}

const SECURITY_CODE_WORDS = /\b(?:cvv2?|cvc2?|cid|csc|security\s*code|sec\.?\s*code)\b\W{0,3}\d{3,4}\b/gi;
const MASK_THEN_CODE = /(•••• \d{4})\s*[/,;:-]?\s*\d{3,4}\b(?![ -]?\d)/g;

/**
 * Text safe to keep in browser storage: card numbers masked and any security code
 * dropped, whether or not the clerk has left the field yet.
 */
export function scrubForStorage(text: string): string {
  const scan = scanForCardNumbers(text);
  if (!scan.securityCode) return scan.text;
  return scan.text.replace(MASK_THEN_CODE, '$1').replace(SECURITY_CODE_WORDS, '');
}

/** Every string inside a plain value (a form, a draft) scrubbed for storage. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubForStorage(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubDeep(v)])) as T;
  }
  return value;
}

/** Every string inside a value with full card numbers masked; text with a CVV is left as typed, for the contract to refuse. */
export function maskCardNumbers<T>(value: T): T {
  if (typeof value === 'string') {
    const scan = scanForCardNumbers(value);
    return (scan.securityCode ? value : scan.text) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => maskCardNumbers(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskCardNumbers(v)])) as T;
  }
  return value;
}
