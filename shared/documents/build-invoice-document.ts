/**
 * Turns what an invoice service knows (the order's lines, shipping, what was paid, settings)
 * into an InvoiceDocument. Every amount is computed here with the money module, once, so
 * the PDF prints exactly what the database stores.
 */
import { lineTotal, subtractAmounts, sumAmounts, compareAmounts } from '../money/money';
import type { CurrencyCode } from '../money/currencies';
import { addDays } from '../domain/calendar';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/vocabulary';
import { accountNumbers, isQrBillCountryIban, normaliseIban } from '../domain/bank-accounts';
import type {
  BankAccount,
  CreditNoteDetails,
  DocumentCustomer,
  DocumentIssuer,
  DocumentKind,
  DocumentLanguage,
  InvoiceDocument,
  QrBillData,
} from './invoice-document';
import { creditorReferenceFor, qrReferenceFor } from './qr-bill';

export interface DocumentLineInput {
  position: number;
  title: string;
  isbn?: string | null;
  quantity: number;
  unitPrice: string;
  discountPercent?: string | null;
  /**
   * The line's amount when it is not quantity × price less discount: the last part of a line a
   * credit note credits is what is left of it, so the parts add up to the line to the cent.
   */
  lineTotal?: string;
}

export interface InvoiceDocumentInput {
  kind?: DocumentKind;
  /** Null for a preview (printed DRAFT). */
  number: string | null;
  issuedOn: string;
  /** Days from issue to the due date (settings' payment terms); ignored on credit notes. */
  paymentTermsDays: number;
  orderNumber: string;
  customerReference?: string;
  language: DocumentLanguage;
  currency: CurrencyCode;
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  lines: readonly DocumentLineInput[];
  /** Shipping costs as a decimal string, or null/"0.00" for none. */
  shipping?: string | null;
  /** What the customer has already paid towards this order (net of refunds), as a decimal string. */
  amountPaid?: string;
  /** The unit's bank accounts; the one in the document's currency is printed. */
  bankAccounts: readonly BankAccount[];
  acceptedPaymentMethods?: readonly PaymentMethod[];
  creditNote?: CreditNoteDetails | null;
}

export interface DocumentTotals {
  subtotal: string;
  /** Null for none. */
  shipping: string | null;
  total: string;
}

/**
 * A document's subtotal and total from its rounded line totals and its shipping: the sum every
 * invoice and credit note is made of, also shown by the screens before a document is issued.
 */
export function documentTotals(lineTotals: readonly string[], shipping: string | null | undefined, currency: CurrencyCode): DocumentTotals {
  const subtotal = sumAmounts(lineTotals, currency);
  const shipped = shipping && compareAmounts(shipping, '0') !== 0 ? sumAmounts([shipping], currency) : null;
  return { subtotal, shipping: shipped, total: sumAmounts(shipped ? [subtotal, shipped] : [subtotal], currency) };
}

export function buildInvoiceDocument(input: InvoiceDocumentInput): InvoiceDocument {
  const kind = input.kind ?? 'invoice';
  const currency = input.currency;
  const lines = [...input.lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      position: line.position,
      title: line.title,
      isbn: line.isbn ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent && compareAmounts(line.discountPercent, '0') !== 0 ? line.discountPercent : null,
      lineTotal: line.lineTotal !== undefined ? sumAmounts([line.lineTotal], currency) : lineTotal(line, currency),
    }));
  const { subtotal, shipping, total } = documentTotals(lines.map((line) => line.lineTotal), input.shipping, currency);
  const amountPaid = sumAmounts([input.amountPaid ?? '0'], currency);
  const balanceDue = subtractAmounts(total, amountPaid, currency);
  const bankAccount = input.bankAccounts.find((account) => account.currency === currency) ?? null;

  const document: InvoiceDocument = {
    kind,
    number: input.number,
    issuedOn: input.issuedOn,
    dueOn: kind === 'invoice' ? addDays(input.issuedOn, input.paymentTermsDays) : null,
    orderNumber: input.orderNumber,
    customerReference: input.customerReference ?? '',
    language: input.language,
    currency,
    issuer: input.issuer,
    customer: input.customer,
    lines,
    subtotal,
    shipping,
    total,
    amountPaid,
    balanceDue,
    bankAccount: bankAccount ? normalisedAccount(bankAccount) : null,
    acceptedPaymentMethods: [...(input.acceptedPaymentMethods ?? PAYMENT_METHODS)],
    qrBill: null,
    creditNote: kind === 'credit_note' ? (input.creditNote ?? null) : null,
  };
  document.qrBill = qrBillFor(document);
  return document;
}

/** Electronic-format numbers; an empty QR-IBAN is left out, so documents of accounts without one read as before. */
export function normalisedAccount(account: BankAccount): BankAccount {
  const { qrIban, ...rest } = account;
  const qr = normaliseIban(qrIban ?? '');
  return { ...rest, iban: normaliseIban(account.iban), ...(qr ? { qrIban: qr } : {}) };
}

/**
 * CHF and EUR invoices with something left to pay into a Swiss or Liechtenstein account carry a
 * QR-bill: a QR-IBAN needs a QR reference, a normal IBAN gets an RF creditor reference. A preview
 * has no number yet, so its reference is made from the order number (it is marked DRAFT anyway).
 */
export function qrBillFor(document: InvoiceDocument): QrBillData | null {
  const account = document.bankAccount;
  if (document.kind !== 'invoice' || !account || compareAmounts(document.balanceDue, '0') <= 0) return null;
  const titleWord = { en: 'Invoice', fr: 'Facture', es: 'Factura' }[document.language];
  const message = `${titleWord} ${document.number ?? 'DRAFT'} / ${document.orderNumber}`;
  return paymentPartFor(account, document.currency, document.number ?? document.orderNumber, message);
}

/**
 * The QR-bill data for paying into `account` under a reference made from `referenceSource` (a
 * document number), or null outside CHF and EUR or without a Swiss or Liechtenstein account.
 * Invoices use it, and reminders for an invoice printed without a QR-bill (shared/documents/reminder-document.ts).
 */
export function paymentPartFor(account: BankAccount, currency: CurrencyCode, referenceSource: string, message: string): QrBillData | null {
  if (currency !== 'CHF' && currency !== 'EUR') return null;
  const { iban, qrIban } = accountNumbers(account);
  if (!qrIban && (!iban || !isQrBillCountryIban(iban))) return null;
  // A QR-IBAN accepts only payments with a QR reference, so the QR-bill uses it whenever there is one.
  return qrIban
    ? { account: qrIban, referenceType: 'QRR', reference: qrReferenceFor(referenceSource), message }
    : { account: iban!, referenceType: 'SCOR', reference: creditorReferenceFor(referenceSource), message };
}
