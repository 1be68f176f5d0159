/**
 * Invoices and credit notes: issued once, numbered without gaps, never changed afterwards.
 * A PDF travels like an export file (base64 inside the JSON answer), so the same contract
 * works over IPC and HTTP; `sha256` is the hash stored at issue, which the bytes always match.
 *
 * What an invoice does to what the order owes (see shared/money/balance.ts):
 *   due = order total (its lines) + shipping of its invoices − its credit notes
 * so shipping is owed from the moment it is invoiced, and a credit note lowers what is owed
 * exactly as a payment movement does, from its date on (aging too).
 */
import { z } from 'zod';
import { method } from './define';
import { decimalAmount, enumOf, id, isoDate, optionalText, requiredText, wholeNumber } from './fields';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currencies';
import { DOCUMENT_LANGUAGES, type DocumentKind, type DocumentLanguage, type InvoiceDocument } from '../documents/invoice-document';
import type { PaymentStatus } from '../domain/vocabulary';
import type { ExportFile } from './transfer';

export const DOCUMENT_LANGUAGE_LABELS: Record<DocumentLanguage, string> = { en: 'English', fr: 'Français', es: 'Español' };

/**
 * An invoice's status in lists: `credited` once credit notes cover its whole total; otherwise
 * what its order still owes (unpaid, partially paid, paid, overpaid) — an order has at most one
 * invoice that is not fully credited, and that invoice carries the order's money. Credit notes
 * are `credit_note`.
 */
export const INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overpaid', 'credited', 'credit_note'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  unpaid: 'Unpaid',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overpaid: 'Overpaid',
  credited: 'Credited',
  credit_note: 'Credit note',
};

export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;

const language = enumOf('Language', DOCUMENT_LANGUAGES);
/** Shipping costs in the order's currency; "0" or missing for none. */
const shipping = decimalAmount('Shipping');

export const InvoicePreviewInput = z.object({
  orderId: id('Order'),
  shipping: shipping.optional(),
  /** Defaults from the customer's country (French- and Spanish-speaking countries, else English). */
  language: language.optional(),
});

export const InvoiceIssueInput = z.object({
  orderId: id('Order'),
  shipping: shipping.optional(),
  /** Defaults to today; the number's year is this date's year. */
  issuedOn: isoDate('Date of issue').optional(),
  language: language.optional(),
});

export const InvoiceListInput = z.object({
  /** Words of the number, the order number or the customer's name. */
  query: optionalText('Search', 200),
  year: wholeNumber('Year', 2000, 2100).optional(),
  status: enumOf('Status', INVOICE_STATUSES).optional(),
  currency: enumOf('Currency', CURRENCY_CODES).optional(),
  /** Only invoices or only credit notes; both when missing. */
  kind: enumOf('Kind', DOCUMENT_KINDS).optional(),
  /** The documents of one order (the order screen's list). */
  orderId: id('Order').optional(),
  offset: wholeNumber('Offset', 0, 10_000_000).default(0),
  limit: wholeNumber('Limit', 1, 500).default(100),
});

export const CreditLineInput = z.object({
  /** The line's position on the invoice. */
  position: wholeNumber('Line', 1, 10_000),
  quantity: wholeNumber('Quantity to credit', 1, 1_000_000),
});

export const InvoiceCreditInput = z.object({
  invoiceId: id('Invoice'),
  /** Missing: everything not yet credited (lines and shipping), a full credit note. */
  lines: z.array(CreditLineInput, { error: 'Lines to credit must be a list.' }).max(1000).optional(),
  /** Shipping to credit; with `lines` missing, the rest of the shipping is credited. */
  shipping: shipping.optional(),
  reason: requiredText('Reason', 500, { multiline: true }),
  /** Defaults to today; the number's year is this date's year. */
  issuedOn: isoDate('Date of issue').optional(),
});

/** A PDF file: the stored bytes of an issued document, or a preview. */
export interface InvoicePdfFile extends ExportFile {
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

export interface InvoicePreview extends InvoicePdfFile {
  /** The document as it would be issued, with number null (the PDF says DRAFT). */
  document: InvoiceDocument;
  /** What stops or spoils issuing, e.g. no bank account for the currency in Settings; empty when it can be issued as is. */
  problems: string[];
}

/** What of an invoice is still creditable: per line position the quantity and amount left, and shipping left. */
export interface Creditable {
  /** `amount`: the line's total less what earlier credit notes credited of it (see shared/documents/credit-lines). */
  lines: { position: number; title: string; quantity: number; amount: string }[];
  shipping: string;
  total: string;
}

export interface InvoiceSummary {
  id: number;
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  /** Null on credit notes. */
  dueOn: string | null;
  orderId: number;
  orderNumber: string;
  customerName: string;
  currency: CurrencyCode;
  /** Invoice total (lines + shipping), or the credit note's total credited. */
  total: string;
  /** Invoices: sum of their credit notes. Credit notes: their own total. */
  credited: string;
  /** Invoices that carry the order's money: what is settled (paid less refunds, with write-offs); others "0.00". */
  paid: string;
  /** Invoices that carry the order's money: the order's balance; others "0.00". */
  balance: string;
  status: InvoiceStatus;
  /** Credit notes: the invoice they credit. */
  invoiceId: number | null;
  invoiceNumber: string | null;
}

export interface Invoice extends InvoiceSummary {
  language: DocumentLanguage;
  shipping: string;
  /** Credit notes: why. */
  reason: string;
  /** Invoices: their credit notes, oldest first. */
  creditNotes: { id: number; number: string; issuedOn: string; total: string }[];
  /** Invoices: what a further credit note may still credit. Null on credit notes. */
  creditable: Creditable | null;
  /** The order's payment status now. */
  orderPaymentStatus: PaymentStatus;
  /** Everything the document says, exactly as issued. */
  document: InvoiceDocument;
  /** Hex SHA-256 of the stored PDF; null until the first invoices.pdf makes the PDF of a legacy or demo-data row. */
  sha256: string | null;
  issuedBy: string;
  createdAt: string;
}

export const invoiceMethods = {
  'invoices.preview': method<InvoicePreview>()(InvoicePreviewInput),
  'invoices.issue': method<{ invoice: Invoice }>()(InvoiceIssueInput),
  'invoices.get': method<{ invoice: Invoice }>()(z.object({ id: id('Invoice') })),
  'invoices.list': method<{ rows: InvoiceSummary[]; total: number }>()(InvoiceListInput),
  'invoices.pdf': method<InvoicePdfFile>()(z.object({ id: id('Invoice') })),
  'invoices.credit': method<{ creditNote: Invoice; invoice: Invoice }>()(InvoiceCreditInput),
};
