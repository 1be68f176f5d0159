/** Invoice rows as SQLite holds them, and the columns every listing derives from the order. */
import type { DocumentKind, DocumentLanguage } from '../../../shared/documents/invoice-document';
import type { InvoiceStatus, InvoiceSummary } from '../../../shared/contract/invoices';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import { creditedInFull, creditedMinor, owedMinor } from '../receivables/owed-sql';

export interface InvoiceRow {
  id: number;
  kind: DocumentKind;
  number: string;
  year: number;
  sequence: number;
  order_id: number;
  credits_invoice_id: number | null;
  issued_on: string;
  due_on: string | null;
  currency: CurrencyCode;
  language: DocumentLanguage;
  shipping_minor: number;
  total_minor: number;
  reason: string;
  snapshot: string;
  pdf_sha256: string | null;
  legacy: number;
  created_by: string;
  created_at: string;
}

/** An invoice row with what the list shows beside it: order, customer, credited, settled, balance and status. */
export interface InvoiceListRow extends InvoiceRow {
  order_number: string;
  customer_name: string;
  credited_minor: number;
  paid_minor: number;
  balance_minor: number;
  status: InvoiceStatus;
  invoice_number: string | null;
}

/** Columns of invoices (i) without the PDF bytes, which only invoices.pdf reads. */
export const INVOICE_COLUMNS = `i.id, i.kind, i.number, i.year, i.sequence, i.order_id, i.credits_invoice_id, i.issued_on, i.due_on, i.currency,
  i.language, i.shipping_minor, i.total_minor, i.reason, i.snapshot, i.pdf_sha256, i.legacy, i.created_by, i.created_at`;

/**
 * Invoices and credit notes with their list columns. An invoice is `credited` once its credit
 * notes cover its total; otherwise it carries its order's money (an order has at most one such
 * invoice): paid = what the order owes (owed-sql.ts) − its balance.
 */
export const INVOICE_LIST = `
  WITH listed AS (
    SELECT ${INVOICE_COLUMNS}, o.number AS order_number, o.customer_name, o.balance_minor AS order_balance, o.payment_status AS order_payment_status,
           CASE WHEN i.kind = 'invoice' THEN ${creditedMinor('i')} ELSE i.total_minor END AS credited_minor,
           ${owedMinor('o')} AS order_owes,
           CASE WHEN i.kind = 'credit_note' THEN (SELECT number FROM invoices v WHERE v.id = i.credits_invoice_id) END AS invoice_number
    FROM invoices i JOIN orders o ON o.id = i.order_id
  ), classified AS (
    SELECT *,
           CASE WHEN kind = 'credit_note' THEN 'credit_note'
                WHEN ${creditedInFull('credited_minor', 'total_minor')} THEN 'credited'
                WHEN order_balance > 0 AND order_payment_status = 'unpaid' THEN 'unpaid'
                WHEN order_balance > 0 THEN 'partially_paid'
                WHEN order_balance = 0 THEN 'paid'
                ELSE 'overpaid' END AS status
    FROM listed
  )
  SELECT *,
         CASE WHEN status IN ('credit_note', 'credited') THEN 0 ELSE order_owes - order_balance END AS paid_minor,
         CASE WHEN status IN ('credit_note', 'credited') THEN 0 ELSE order_balance END AS balance_minor
  FROM classified`;

export function toInvoiceSummary(row: InvoiceListRow): InvoiceSummary {
  const money = (minor: number) => fromMinorUnits(minor, row.currency);
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerName: row.customer_name,
    currency: row.currency,
    total: money(row.total_minor),
    credited: money(row.credited_minor),
    paid: money(row.paid_minor),
    balance: money(row.balance_minor),
    status: row.status,
    invoiceId: row.credits_invoice_id,
    invoiceNumber: row.invoice_number,
  };
}
