/**
 * What a payment reminder says, as plain data: the one input of its PDF (db/documents/reminder-pdf.tsx)
 * and what is stored beside it. Every amount is a decimal string from the money module, worked
 * out once in buildReminderDocument(), so the PDF, the QR-bill and the stored row agree.
 */
import type { CurrencyCode } from '../money/currencies';
import { compareAmounts, sumAmounts } from '../money/money';
import { normalisedAccount, paymentPartFor } from './build-invoice-document';
import type { BankAccount, DocumentCustomer, DocumentIssuer, DocumentLanguage, InvoiceDocument, QrBillData } from './invoice-document';

/** One invoice the reminder concerns, with what is settled and still open on it. */
export interface ReminderInvoice {
  number: string;
  issuedOn: string;
  dueOn: string;
  orderNumber: string;
  customerReference: string;
  /** The invoice's total (lines and shipping). */
  total: string;
  /** Its credit notes, payments, write-offs and credit moved in, less refunds: total − open. */
  settled: string;
  open: string;
  daysOverdue: number;
}

export interface ReminderDocument {
  kind: 'reminder';
  /** 1 = first reminder. */
  level: number;
  /** The last level in Settings (of more than one): printed as the final notice. */
  final: boolean;
  issuedOn: string;
  language: DocumentLanguage;
  currency: CurrencyCode;
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  invoices: ReminderInvoice[];
  /** The reminders sent before this one for the same invoice, oldest first. */
  earlier: { level: number; issuedOn: string }[];
  /** Sum of what is open on the invoices. */
  openAmount: string;
  /** The level's fee, or null for none: printed beside the amount to pay, not in it. */
  fee: string | null;
  /**
   * The amount to pay, what the QR-bill asks for: the open amount. The fee is not in it: it is
   * not booked on the order, so a slip of open amount + fee paid exactly would leave the order
   * overpaid by the fee once the bank statement is imported. The fee is invoiced separately.
   */
  total: string;
  bankAccount: BankAccount | null;
  /** The payment part under the invoice's own reference, so the payment matches it; null outside CHF and EUR. */
  qrBill: QrBillData | null;
}

export interface ReminderDocumentInput extends Omit<ReminderDocument, 'kind' | 'openAmount' | 'fee' | 'total'> {
  /** The level's fee as Settings hold it ("0" or missing for none). */
  fee?: string | null;
}

export function buildReminderDocument(input: ReminderDocumentInput): ReminderDocument {
  const { currency } = input;
  const openAmount = sumAmounts(input.invoices.map((invoice) => invoice.open), currency);
  const fee = input.fee && compareAmounts(input.fee, '0') > 0 ? sumAmounts([input.fee], currency) : null;
  return {
    kind: 'reminder',
    ...input,
    openAmount,
    fee,
    total: openAmount,
  };
}

/**
 * Where the reminder asks to be paid: the invoice's own account and reference, so a payment of
 * the reminder matches the invoice as a payment of the invoice would. An invoice printed without
 * a QR-bill (nothing was due when it was issued) gets the reference it would have carried, made
 * from its number by the same rule (qr-bill.ts), on the unit's account of today.
 */
export function reminderPayment(
  invoice: Pick<InvoiceDocument, 'number' | 'currency' | 'bankAccount' | 'qrBill'>,
  accounts: readonly BankAccount[],
  message: string,
): { bankAccount: BankAccount | null; qrBill: QrBillData | null } {
  if (invoice.qrBill && invoice.bankAccount) return { bankAccount: invoice.bankAccount, qrBill: { ...invoice.qrBill, message } };
  const found = accounts.find((account) => account.currency === invoice.currency);
  const bankAccount = found ? normalisedAccount(found) : null;
  if (!bankAccount || invoice.number === null) return { bankAccount, qrBill: null };
  return { bankAccount, qrBill: paymentPartFor(bankAccount, invoice.currency, invoice.number, message) };
}
