/** Reading stored invoices: one row, an order's open invoice, and the document a row says. */
import { DomainError } from '../../../shared/api/errors';
import { buildInvoiceDocument } from '../../../shared/documents/build-invoice-document';
import type { InvoiceDocument } from '../../../shared/documents/invoice-document';
import type { CustomerDetails, OrderLine } from '../../../shared/contract/types';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { creditedInFull, creditedMinor } from '../receivables/owed-sql';
import { getSettings } from '../settings';
import { INVOICE_COLUMNS, type InvoiceRow } from './rows';

export function invoiceRow(ctx: ServiceContext, id: number): InvoiceRow {
  const row = statement(ctx, `SELECT ${INVOICE_COLUMNS} FROM invoices i WHERE i.id = ?`).get(id) as InvoiceRow | undefined;
  if (!row) throw new DomainError('not_found', `Invoice ${id} does not exist.`, 'id');
  return row;
}

/** The order's invoice that its credit notes do not yet cover in full, if any. */
export function openInvoiceOf(ctx: ServiceContext, orderId: number): { id: number; number: string } | undefined {
  return statement(
    ctx,
    `SELECT i.id, i.number FROM invoices i
     WHERE i.order_id = ? AND i.kind = 'invoice'
       AND NOT ${creditedInFull(creditedMinor('i'), 'i.total_minor')}
     ORDER BY i.id DESC LIMIT 1`,
  ).get(orderId) as { id: number; number: string } | undefined;
}

/** The snapshot invoices kept before issue 9: who, to whom, which lines, what total. */
interface LegacySnapshot {
  issuer?: { name?: string; phone?: string; fax?: string; email?: string };
  customer: CustomerDetails;
  orderNumber: string;
  lines: OrderLine[];
  total: string;
}

/**
 * The document a stored row says. Rows issued before issue 9 (`legacy`) kept a smaller
 * snapshot; their document is rebuilt from it with the unit's structured address and bank
 * details of today, nothing paid printed (those invoices never said), and must come to the
 * stored total. Their first PDF stores this document beside it (see pdf.ts).
 */
export function documentOf(ctx: ServiceContext, row: InvoiceRow): InvoiceDocument {
  const stored = JSON.parse(row.snapshot) as InvoiceDocument | LegacySnapshot;
  if (row.legacy === 0 || 'kind' in stored) return stored as InvoiceDocument;
  const old = stored;
  const { settings } = getSettings(ctx);
  const isbns = new Map(
    (statement(ctx, "SELECT id, isbn FROM publications WHERE isbn <> ''").all() as { id: number; isbn: string }[]).map((p) => [p.id, p.isbn]),
  );
  const document = buildInvoiceDocument({
    kind: 'invoice',
    number: row.number,
    issuedOn: row.issued_on,
    paymentTermsDays: settings.paymentTermsDays,
    orderNumber: old.orderNumber,
    customerReference: '',
    language: row.language,
    currency: row.currency,
    issuer: {
      ...settings.issuer,
      name: old.issuer?.name || settings.issuer.name,
      phone: old.issuer?.phone ?? settings.issuer.phone,
      fax: old.issuer?.fax ?? settings.issuer.fax,
      email: old.issuer?.email ?? settings.issuer.email,
    },
    customer: {
      name: old.customer.name,
      addressLines: old.customer.address.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''),
      postalCode: old.customer.postalCode,
      city: old.customer.city,
      country: old.customer.country,
    },
    lines: old.lines.map((line) => ({
      position: line.position,
      title: line.title,
      isbn: line.publicationId === null ? null : (isbns.get(line.publicationId) ?? null),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
    })),
    bankAccounts: settings.bankAccounts,
  });
  const total = fromMinorUnits(row.total_minor, row.currency);
  if (document.total !== total) throw new Error(`Invoice ${row.number}'s stored lines add up to ${document.total}, not its stored total ${total}.`);
  return document;
}
