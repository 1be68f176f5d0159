/**
 * What a bank payment says it pays: the invoice a QR reference (QRR) or an RF creditor
 * reference (SCOR) was made for (the reverse of shared/documents/qr-bill.ts), and invoice or
 * order numbers in the free text, in the forms payers actually write them:
 * "INV-2026-00017", "INV 2026 17", "inv202600017", "Facture 2026-00017", "order 2026-00543".
 */
import { isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { foldForMatch, foldUmlautsForMatch } from './text';

export interface NumberMention {
  /** "either": a bare 2026-00017, which is an invoice's or an order's number. */
  kind: 'invoice' | 'order' | 'either';
  /** INV-YYYY-NNNNN for an invoice, YYYY-NNNNN for an order or either. */
  number: string;
  /** As written in the text, for the reason shown to the clerk. */
  written: string;
}

function invoiceNumber(year: string, sequence: string): string | null {
  const seq = Number(sequence);
  if (!/^2\d{3}$/.test(year) || seq < 1 || seq > 99999) return null;
  return `INV-${year}-${String(seq).padStart(5, '0')}`;
}

/** "000000000000000002026000174" → "INV-2026-00017", when the check digit holds and the digits are an invoice number's. */
export function invoiceNumberOfQrReference(reference: string): string | null {
  const compact = reference.replace(/\s+/g, '');
  if (!/^\d{27}$/.test(compact) || !isQRReferenceValid(compact)) return null;
  const digits = compact.slice(0, 26).replace(/^0+/, '');
  if (digits.length !== 9) return null;
  return invoiceNumber(digits.slice(0, 4), digits.slice(4));
}

/** "RF37INV202500042" → "INV-2025-00042", when the check digits hold and the body is an invoice number's. */
export function invoiceNumberOfCreditorReference(reference: string): string | null {
  const compact = reference.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact) || !isSCORReferenceValid(compact)) return null;
  const body = /^INV(\d{4})(\d{5})$/.exec(compact.slice(4));
  return body ? invoiceNumber(body[1]!, body[2]!) : null;
}

// Words payers put before a number, in the unit's customers' languages (folded: no accents, lower case).
const INVOICE_WORDS = 'invoices?|inv|factures?|factura|fact|fac|fattura|rechnung|rechnungsnummer|rg|re|nota|bill';
const ORDER_WORDS = 'orders?|ord|commande|cde|cmde|bestellung|bestellnummer|auftrag|pedido|ordine';
const FILLER = String.raw`(?:\s*(?:no|nr|n°|num|number|numero|nummer|#)\.?)?[\s:#._/-]*`;
const NUMBER = String.raw`(2\d{3})[\s._/-]*(\d{1,5})(?!\d)`;

const MENTION = new RegExp(String.raw`(?<![a-z0-9])(?:(${INVOICE_WORDS})|(${ORDER_WORDS}))${FILLER}${NUMBER}`, 'g');
const BARE = new RegExp(String.raw`(?<![\d-])(2\d{3})-(\d{5})(?![\d-])`, 'g');
const QR_IN_TEXT = /(?<!\d)(\d{27})(?!\d)/g;
const RF_IN_TEXT = /(?<![a-z0-9])(rf\d{2}(?:\s?[a-z0-9]{1,4}){1,6})(?![a-z0-9])/g;

/** Every invoice or order number the text mentions, each once, in the order written. */
export function numbersInText(text: string): NumberMention[] {
  const folded = foldForMatch(text);
  const found: NumberMention[] = [];
  const taken: [number, number][] = [];
  const add = (mention: NumberMention, start: number, end: number) => {
    taken.push([start, end]);
    if (!found.some((f) => f.kind === mention.kind && f.number === mention.number)) found.push(mention);
  };
  for (const m of folded.matchAll(MENTION)) {
    const isInvoice = m[1] !== undefined;
    const year = m[3]!;
    const sequence = m[4]!;
    const number = isInvoice ? invoiceNumber(year, sequence) : Number(sequence) >= 1 ? `${year}-${sequence.padStart(5, '0')}` : null;
    if (number) add({ kind: isInvoice ? 'invoice' : 'order', number, written: m[0].trim() }, m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(BARE)) {
    if (taken.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    add({ kind: 'either', number: `${m[1]}-${m[2]}`, written: m[0] }, m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(QR_IN_TEXT)) {
    const number = invoiceNumberOfQrReference(m[1]!);
    if (number) add({ kind: 'invoice', number, written: m[1]! }, m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(RF_IN_TEXT)) {
    const number = invoiceNumberOfCreditorReference(m[1]!);
    if (number) add({ kind: 'invoice', number, written: m[1]!.toUpperCase() }, m.index, m.index + m[0].length);
  }
  return found;
}

/** A name's words, each in the forms payers write it without accents: "Müller" → muller, mueller. */
function words(name: string): string[][] {
  return name
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((word) => [...new Set([foldForMatch(word), foldUmlautsForMatch(word)])])
    .filter((forms) => forms[0]!.length >= 2);
}

function wordsAlike(w: string, v: string): boolean {
  return v === w || (w.length >= 4 && v.length >= 4 && (v.startsWith(w) || w.startsWith(v)));
}

/**
 * How much a payer's name as the bank gives it resembles a customer's name, from 0 to 1,
 * accents and case ignored as in the customer search: the share of the shorter name's words
 * found in the other. Umlauts count both ways payers write them without: "ZURICH" and
 * "ZUERICH" both match "Zürich" ("MUELLER HANS" / "Hans Müller" → 1).
 */
export function nameResemblance(payer: string, customer: string): number {
  const a = words(payer);
  const b = words(customer);
  if (a.length === 0 || b.length === 0) return 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const hits = shorter.filter((w) => longer.some((v) => w.some((x) => v.some((y) => wordsAlike(x, y))))).length;
  return hits / shorter.length;
}
