/**
 * What an invoice or credit note says, as plain data: the one input of the PDF renderer.
 * Every amount in it is a decimal string computed by the money module in
 * buildInvoiceDocument(); the renderer only formats and lays out, so the PDF can never
 * disagree with the screen or the database.
 */
import type { CurrencyCode } from '../money/currencies';
import type { PaymentMethod } from '../domain/vocabulary';

export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export type DocumentKind = 'invoice' | 'credit_note';

/** A structured postal address, as the Swiss QR-bill (address type S) needs it. */
export interface StructuredAddress {
  street: string;
  buildingNumber: string;
  postalCode: string;
  town: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface DocumentIssuer {
  name: string;
  address: StructuredAddress;
  /** Extra address line printed under the street, such as "P.O. Box 17"; not in the QR data. */
  postBox: string;
  phone: string;
  fax: string;
  email: string;
}

/** The customer block exactly as the order holds it, in the customer's own script. */
export interface DocumentCustomer {
  name: string;
  /** Street and house lines, as typed on the order form. */
  addressLines: string[];
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface DocumentLine {
  position: number;
  title: string;
  isbn: string | null;
  quantity: number;
  unitPrice: string;
  /** Percent as a decimal string ("15"), or null for no discount. */
  discountPercent: string | null;
  lineTotal: string;
}

/** Where to send a bank transfer in one currency. */
export interface BankAccount {
  currency: CurrencyCode;
  holder: string;
  /**
   * The account's IBAN, electronic format (no spaces): printed under "How to pay", used by SEPA
   * and SWIFT payers. Accounts saved before Settings took a QR-IBAN beside it may hold the QR-IBAN here.
   */
  iban: string;
  /** The account's QR-IBAN (CHF and EUR), carried by the QR-bill with a QR reference; absent or empty when none. */
  qrIban?: string;
  bic: string;
  bankName: string;
}

export type QrReferenceType = 'QRR' | 'SCOR' | 'NON';

/** The Swiss QR-bill payment part: the rest (amount, creditor, debtor) is the document's own. */
export interface QrBillData {
  /** The account of the payment part: a QR-IBAN with QRR, a normal CH/LI IBAN with SCOR or NON. */
  account: string;
  referenceType: QrReferenceType;
  /** 27 digits for QRR, "RF…" for SCOR, null for NON. */
  reference: string | null;
  /** Unstructured message ("Invoice INV-2025-00042"), at most 140 characters. */
  message: string;
}

export interface CreditNoteDetails {
  invoiceNumber: string;
  reason: string;
}

export interface InvoiceDocument {
  kind: DocumentKind;
  /** INV-YYYY-NNNNN or CN-YYYY-NNNNN; null for a preview, which prints DRAFT. */
  number: string | null;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD; null on credit notes. */
  dueOn: string | null;
  orderNumber: string;
  customerReference: string;
  language: DocumentLanguage;
  currency: CurrencyCode;
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  lines: DocumentLine[];
  /** Sum of the line totals. */
  subtotal: string;
  /** Shipping costs as their own amount, or null when there are none. */
  shipping: string | null;
  /** Subtotal plus shipping. */
  total: string;
  amountPaid: string;
  /** Total less the amount paid (negative when overpaid). */
  balanceDue: string;
  /** Bank details for this currency, or null when the unit has no account in it. */
  bankAccount: BankAccount | null;
  acceptedPaymentMethods: PaymentMethod[];
  /** The QR-bill payment part on the last page (CHF and EUR invoices with something due), or null. */
  qrBill: QrBillData | null;
  creditNote: CreditNoteDetails | null;
}
