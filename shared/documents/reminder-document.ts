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
  /** What is open of the invoice itself (its goods and shipping), without reminder fees. */
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
  /**
   * The fees of earlier reminders still open, or null for none (missing on reminders issued
   * before migration 14): owed besides the invoices, printed on a line of their own.
   */
  feesOpen?: string | null;
  /** What is open: the invoices' open amounts and the earlier fees still open. */
  openAmount: string;
  /** This level's fee, or null for none: booked on the order with the reminder. */
  fee: string | null;
  /**
   * The amount to pay, what the QR-bill asks for: the open amount and this level's fee, exactly
   * what the order owes once the reminder is issued, so a customer who pays the slip is paid in
   * full and the bank import matches the payment as equal to the balance. (Reminders issued
   * between migrations 13 and 14 asked for the open amount alone, the fee printed as invoiced
   * separately; those before migration 13 for open amount + fee.)
   */
  total: string;
  bankAccount: BankAccount | null;
  /** The payment part under the invoice's own reference, so the payment matches it; null outside CHF and EUR. */
  qrBill: QrBillData | null;
}

export interface ReminderDocumentInput extends Omit<ReminderDocument, 'kind' | 'openAmount' | 'feesOpen' | 'fee' | 'total'> {
  /** The level's fee as Settings hold it ("0" or missing for none). */
  fee?: string | null;
  /** The fees of earlier reminders still open ("0" or missing for none). */
  feesOpen?: string | null;
}

export function buildReminderDocument(input: ReminderDocumentInput): ReminderDocument {
  const { currency } = input;
  const positive = (value: string | null | undefined) => (value && compareAmounts(value, '0') > 0 ? sumAmounts([value], currency) : null);
  const feesOpen = positive(input.feesOpen);
  const openAmount = sumAmounts([...input.invoices.map((invoice) => invoice.open), feesOpen ?? '0'], currency);
  const fee = positive(input.fee);
  return {
    kind: 'reminder',
    ...input,
    feesOpen,
    openAmount,
    fee,
    total: sumAmounts([openAmount, fee ?? '0'], currency),
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
