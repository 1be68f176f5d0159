/**
 * The Swiss QR-bill data of an invoice: references with verified check digits, and names and
 * addresses brought into the QR-bill character set. The printed customer block keeps the
 * customer's own script; only the QR data (and the payment part that must repeat it) is
 * transliterated, because banks accept nothing else.
 */
import anyAscii from 'any-ascii';
import {
  calculateQRReferenceChecksum,
  calculateSCORReferenceChecksum,
  isQRReferenceValid,
  isSCORReferenceValid,
} from 'swissqrbill/utils';
import type { Data as SwissQrBillData } from 'swissqrbill/types';
import type { InvoiceDocument, StructuredAddress } from './invoice-document';

/**
 * Swiss Payment Standards' extended Latin set (valid in QR-bills from 21 November 2025):
 * Basic Latin, Latin-1 Supplement, Latin Extended-A, Ș ș Ț ț and the euro sign.
 */
export function isQrBillCharacter(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0x17f) ||
    (code >= 0x218 && code <= 0x21b) ||
    code === 0x20ac
  );
}

export function isQrBillText(text: string): boolean {
  for (const char of text) if (!isQrBillCharacter(char)) return false;
  return true;
}

const LATIN_LETTER = /[A-Za-z\u00c0-\u017f]/;

/**
 * Text in the QR-bill character set, at most `maxLength` characters. Characters already in
 * the set are kept (so "Zürich" stays "Zürich"); the rest are transliterated with any-ascii
 * ("محمد" → "Mhmd", "Наталья" → "Natal'ya", "王小明" → "WangXiaoMing").
 */
export function toQrBillText(text: string, maxLength: number): string {
  const words = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const out = words.map((word) => {
    let result = '';
    // any-ascii marks the Arabic ayn and hamza with ` and ', which read as noise in a name.
    for (const char of word) result += isQrBillCharacter(char) ? char : anyAscii(char).replace(/[`']/g, '');
    // Scripts without letter case come out lower-case: capitalise them as a name is written.
    if (!LATIN_LETTER.test(word) && result !== '') result = result.charAt(0).toUpperCase() + result.slice(1);
    return result;
  });
  const joined = out.join(' ').replace(/\s+/g, ' ').trim();
  return [...joined].slice(0, maxLength).join('').trim();
}

/** The digits of an invoice number, e.g. "INV-2025-00042" → "202500042". */
function numberDigits(documentNumber: string): string {
  return documentNumber.replace(/\D/g, '');
}

/** A 27-digit QR reference (QRR) for a QR-IBAN: the invoice number's digits, zero-padded, with its check digit. */
export function qrReferenceFor(documentNumber: string): string {
  const body = numberDigits(documentNumber).padStart(26, '0');
  if (body.length !== 26) throw new RangeError(`${documentNumber} has too many digits for a QR reference.`);
  const reference = body + calculateQRReferenceChecksum(body);
  if (!isQRReferenceValid(reference)) throw new Error(`QR reference ${reference} failed its own check.`);
  return reference;
}

/** An ISO 11649 creditor reference (SCOR, "RF…") for a normal IBAN, e.g. "INV-2025-00042" → "RF41INV202500042". */
export function creditorReferenceFor(documentNumber: string): string {
  const body = documentNumber.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (body.length === 0 || body.length > 21) throw new RangeError(`${documentNumber} cannot be a creditor reference (1–21 letters and digits).`);
  const reference = `RF${calculateSCORReferenceChecksum(body)}${body}`;
  if (!isSCORReferenceValid(reference)) throw new Error(`Creditor reference ${reference} failed its own check.`);
  return reference;
}

/** Null when `reference` is a valid creditor reference; otherwise why not. */
export function creditorReferenceProblem(reference: string, label = 'Creditor reference'): string | null {
  const compact = reference.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact)) return `${label} must be RF, two check digits and up to 21 letters or digits.`;
  return isSCORReferenceValid(compact) ? null : `${label} is not valid: its check digits do not match.`;
}

function addressFields(address: StructuredAddress) {
  return {
    address: toQrBillText(address.street, 70),
    buildingNumber: toQrBillText(address.buildingNumber, 16) || undefined,
    zip: toQrBillText(address.postalCode, 16),
    city: toQrBillText(address.town, 35),
    country: address.country.toUpperCase(),
  };
}

/**
 * The customer as a structured (type S) debtor. The order form has free address lines, so
 * they go into the street field together (at most 70 characters), with no separate building number.
 */
function debtorAddress(document: QrBillSource): StructuredAddress {
  const customer = document.customer;
  return {
    street: customer.addressLines.map((line) => line.trim()).filter(Boolean).join(', '),
    buildingNumber: '',
    postalCode: customer.postalCode,
    town: customer.city,
    country: customer.country,
  };
}

/** What a payment part is made of: an invoice, or a reminder with its amount to pay as `balanceDue`. */
export type QrBillSource = Pick<InvoiceDocument, 'qrBill' | 'currency' | 'issuer' | 'customer' | 'balanceDue'>;

/**
 * What swissqrbill encodes into the QR code and prints on the payment part, or null when the
 * document has no QR-bill. Everything comes from the document: the amount is the balance due.
 */
export function qrBillPayload(document: QrBillSource): SwissQrBillData | null {
  const qr = document.qrBill;
  if (!qr || (document.currency !== 'CHF' && document.currency !== 'EUR')) return null;
  const debtor = debtorAddress(document);
  return {
    currency: document.currency,
    // The balance is a decimal string with two decimals; swissqrbill takes a number and prints it with toFixed(2).
    amount: Number(document.balanceDue),
    creditor: { account: qr.account, name: toQrBillText(document.issuer.name, 70), ...addressFields(document.issuer.address) },
    debtor: { name: toQrBillText(document.customer.name, 70), ...addressFields(debtor) },
    ...(qr.reference ? { reference: qr.reference } : {}),
    ...(qr.message ? { message: toQrBillText(qr.message, 140) } : {}),
  };
}
