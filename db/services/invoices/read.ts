/** invoices.get and invoices.list: issued documents with what their orders owe now. */
import type { z } from 'zod';
import type { Invoice, InvoiceListInput, InvoiceSummary } from '../../../shared/contract/invoices';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { getOrderById } from '../orders/read';
import { toFtsQuery } from '../orders/search-index';
import { creditableOf } from './compose';
import { INVOICE_LIST, toInvoiceSummary, type InvoiceListRow } from './rows';
import { documentOf, invoiceRow } from './stored';

export function getInvoice(ctx: ServiceContext, input: { id: number }): { invoice: Invoice } {
  const row = invoiceRow(ctx, input.id);
  const listed = statement(ctx, `${INVOICE_LIST} WHERE id = ?`).get(row.id) as InvoiceListRow;
  const document = documentOf(ctx, row);
  const notes =
    row.kind === 'invoice'
      ? (statement(ctx, "SELECT id, number, issued_on, total_minor FROM invoices WHERE credits_invoice_id = ? ORDER BY id").all(row.id) as {
          id: number;
          number: string;
          issued_on: string;
          total_minor: number;
        }[])
      : [];
  return {
    invoice: {
      ...toInvoiceSummary(listed),
      dueOn: document.dueOn,
      language: row.language,
      shipping: fromMinorUnits(row.shipping_minor, row.currency),
      reason: row.reason,
      creditNotes: notes.map((n) => ({ id: n.id, number: n.number, issuedOn: n.issued_on, total: fromMinorUnits(n.total_minor, row.currency) })),
      creditable: row.kind === 'invoice' ? creditableOf(ctx, row, document) : null,
      orderPaymentStatus: getOrderById(ctx, row.order_id).paymentStatus,
      document,
      sha256: row.pdf_sha256,
      issuedBy: row.created_by,
      createdAt: row.created_at,
    },
  };
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `query` finds the document by its number, or its order by what the orders search knows (order
 * number, customer name with accents and scripts folded, e-mail, city, titles).
 */
export function listInvoices(ctx: ServiceContext, input: z.output<typeof InvoiceListInput>): { rows: InvoiceSummary[]; total: number } {
  const query = input.query.trim();
  const fts = query === '' ? null : toFtsQuery(query);
  const where = [
    '(@year IS NULL OR year = @year)',
    '(@status IS NULL OR status = @status)',
    '(@currency IS NULL OR currency = @currency)',
    '(@kind IS NULL OR kind = @kind)',
    '(@orderId IS NULL OR order_id = @orderId)',
    ...(query === '' ? [] : [`(number LIKE @like ESCAPE '\\'${fts ? ' OR order_id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH @fts)' : ''})`]),
  ].join(' AND ');
  const params: Record<string, unknown> = {
    year: input.year ?? null,
    status: input.status ?? null,
    currency: input.currency ?? null,
    kind: input.kind ?? null,
    orderId: input.orderId ?? null,
    ...(query === '' ? {} : { like: containing(query) }),
    ...(fts && query !== '' ? { fts } : {}),
  };
  const rows = statement(ctx, `${INVOICE_LIST} WHERE ${where} ORDER BY issued_on DESC, id DESC LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: input.limit,
    offset: input.offset,
  }) as InvoiceListRow[];
  const { total } = statement(ctx, `SELECT count(*) AS total FROM (${INVOICE_LIST} WHERE ${where})`).get(params) as { total: number };
  return { rows: rows.map(toInvoiceSummary), total };
}
