/**
 * What an invoice or credit note would say if it were issued now: the InvoiceDocument built
 * from the order, its movements, its earlier documents and the settings, with every amount
 * from the money module and what is paid and due from the one balance function. Pure reads:
 * issue.ts calls it before rendering and again inside the storing transaction, and stores
 * only if both agree; so the date check (a month closed meanwhile included) runs in that
 * transaction too.
 */
import { DomainError } from '../../../shared/api/errors';
import { buildInvoiceDocument, type DocumentLineInput } from '../../../shared/documents/build-invoice-document';
import { defaultDocumentLanguage } from '../../../shared/documents/document-labels';
import type { DocumentCustomer, DocumentLanguage, DocumentLine, InvoiceDocument } from '../../../shared/documents/invoice-document';
import type { Creditable } from '../../../shared/contract/invoices';
import type { Order } from '../../../shared/contract/types';
import { whyNot } from '../../../shared/domain/order-rules';
import { amount, compareAmounts, subtractAmounts, sumAmounts, toMinorUnits } from '../../../shared/money/money';
import { creditedLineTotal } from '../../../shared/documents/credit-lines';
import type { ServiceContext } from '../../context';
import { checkDate } from '../date-check';
import { statement } from '../../statements';
import { getOrderById } from '../orders/read';
import { balanceOf, movementRows } from '../payments/ledger';
import { getSettings } from '../settings';
import { invoicedAmounts } from './order-amounts';
import { documentOf, invoiceRow, openInvoiceOf } from './stored';
import type { InvoiceRow } from './rows';

export interface ComposedDocument {
  document: InvoiceDocument;
  orderId: number;
  shippingMinor: number;
  totalMinor: number;
  /** What keeps it from being issued as is (shown with a preview; issuing refuses). */
  problems: string[];
}

function customerOf(order: Order): DocumentCustomer {
  return {
    name: order.customer.name,
    addressLines: order.customer.address.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''),
    postalCode: order.customer.postalCode,
    city: order.customer.city,
    country: order.customer.country,
  };
}

function isbnsOf(ctx: ServiceContext, orderId: number): Map<number, string> {
  const rows = statement(ctx, "SELECT l.position, p.isbn FROM order_lines l JOIN publications p ON p.id = l.publication_id WHERE l.order_id = ? AND p.isbn <> ''").all(orderId) as {
    position: number;
    isbn: string;
  }[];
  return new Map(rows.map((r) => [r.position, r.isbn]));
}

/** What stops any invoice in `currency` from being issued now (Settings), also listed before a batch starts. */
export function issuerProblems(ctx: ServiceContext, currency: string): string[] {
  const { issuer, bankAccounts } = getSettings(ctx).settings;
  const problems: string[] = [];
  if (!bankAccounts.some((account) => account.currency === currency)) {
    problems.push(`There is no ${currency} bank account in Settings → Bank accounts: add the unit's ${currency} account before issuing a ${currency} invoice.`);
  }
  if (issuer.address.postalCode === '' || issuer.address.town === '' || issuer.address.street === '') {
    problems.push("The issuer's address in Settings is incomplete (street, postal code and town are needed on every invoice).");
  }
  return problems;
}

export interface InvoiceRequest {
  orderId: number;
  shipping?: string | undefined;
  issuedOn: string;
  language?: DocumentLanguage | undefined;
}

/** The invoice for an order, numbered `number` (null: a preview, printed DRAFT). */
export function composeInvoice(ctx: ServiceContext, request: InvoiceRequest, number: string | null): ComposedDocument {
  const order = getOrderById(ctx, request.orderId);
  const open = openInvoiceOf(ctx, order.id);
  const refusal = whyNot('invoice', { ...order, openInvoice: open?.number ?? null });
  if (refusal) throw new DomainError('conflict', refusal, 'orderId');
  checkDate(ctx, request.issuedOn, { field: 'issuedOn', label: 'Date of issue', order });
  const currency = order.currency;
  const shipping = sumAmounts([request.shipping ?? '0'], currency);
  if (amount(request.shipping ?? '0').decimalPlaces() > 2) throw new DomainError('invalid_input', `Shipping can have at most 2 decimals in ${currency}.`, 'shipping');

  // What the order will owe once this invoice is issued: the document's balance due. Earlier
  // invoices of the order are credited in full (else whyNot refused), so they add nothing. A
  // reminder fee still open from a credited invoice is left out: the new invoice is for the goods,
  // and the fee stays on the order's account (its reminders and the payments panel say it).
  const invoiceTotal = sumAmounts([order.total, shipping], currency);
  const documents = invoicedAmounts(ctx, order.id, currency);
  const after = balanceOf(order, movementRows(ctx, order.id), {
    invoiced: sumAmounts([documents.invoiced ?? '0', invoiceTotal], currency),
    credited: documents.credited,
  });
  const isbns = isbnsOf(ctx, order.id);
  const lines: DocumentLineInput[] = order.lines.map((line) => ({
    position: line.position,
    title: line.title,
    isbn: isbns.get(line.position) ?? null,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
  }));
  const { settings } = getSettings(ctx);
  const document = buildInvoiceDocument({
    kind: 'invoice',
    number,
    issuedOn: request.issuedOn,
    paymentTermsDays: settings.paymentTermsDays,
    orderNumber: order.number,
    customerReference: order.customerReference,
    language: request.language ?? defaultDocumentLanguage(order.customer.country),
    currency,
    issuer: settings.issuer,
    customer: customerOf(order),
    lines,
    shipping,
    // Whatever the order has settled (payments less refunds, write-offs, credit moved), so the
    // balance due printed is exactly the order's balance from this invoice on.
    amountPaid: subtractAmounts(invoiceTotal, after.balance, currency),
    bankAccounts: settings.bankAccounts,
  });
  if (document.subtotal !== order.total) throw new Error(`Invoice lines of order ${order.number} add up to ${document.subtotal}, not the order total ${order.total}.`);
  return {
    document,
    orderId: order.id,
    shippingMinor: toMinorUnits(shipping, currency),
    totalMinor: toMinorUnits(document.total, currency),
    problems: issuerProblems(ctx, currency),
  };
}

interface CreditedSoFar {
  quantities: Map<number, number>;
  amounts: Map<number, string>;
  shipping: string;
  total: string;
}

function creditedSoFar(ctx: ServiceContext, invoice: InvoiceRow): CreditedSoFar {
  const notes = statement(ctx, 'SELECT * FROM invoices WHERE credits_invoice_id = ? ORDER BY id').all(invoice.id) as InvoiceRow[];
  const quantities = new Map<number, number>();
  const amounts = new Map<number, string>();
  const currency = invoice.currency;
  let shipping = '0';
  let total = '0';
  for (const note of notes) {
    const document = JSON.parse(note.snapshot) as InvoiceDocument;
    for (const line of document.lines) {
      quantities.set(line.position, (quantities.get(line.position) ?? 0) + line.quantity);
      amounts.set(line.position, sumAmounts([amounts.get(line.position) ?? '0', line.lineTotal], currency));
    }
    shipping = sumAmounts([shipping, document.shipping ?? '0'], currency);
    total = sumAmounts([total, document.total], currency);
  }
  return { quantities, amounts, shipping, total };
}

/** What a further credit note may still credit on `invoice`. */
export function creditableOf(ctx: ServiceContext, invoice: InvoiceRow, document: InvoiceDocument): Creditable {
  const so = creditedSoFar(ctx, invoice);
  const currency = invoice.currency;
  return {
    lines: document.lines
      .map((line) => ({
        position: line.position,
        title: line.title,
        quantity: line.quantity - (so.quantities.get(line.position) ?? 0),
        amount: subtractAmounts(line.lineTotal, so.amounts.get(line.position) ?? '0', currency),
      }))
      .filter((line) => line.quantity > 0),
    shipping: subtractAmounts(document.shipping ?? '0', so.shipping, currency),
    total: subtractAmounts(document.total, so.total, currency),
  };
}

export interface CreditRequest {
  invoiceId: number;
  lines?: { position: number; quantity: number }[] | undefined;
  shipping?: string | undefined;
  reason: string;
  issuedOn: string;
}

/** The credit note for (part of) an invoice, numbered `number`. */
export function composeCreditNote(ctx: ServiceContext, request: CreditRequest, number: string | null): ComposedDocument {
  const invoice = invoiceRow(ctx, request.invoiceId);
  if (invoice.kind !== 'invoice') throw new DomainError('invalid_input', `${invoice.number} is a credit note; only an invoice can be credited.`, 'invoiceId');
  const original = documentOf(ctx, invoice);
  const order = getOrderById(ctx, invoice.order_id);
  const currency = invoice.currency;
  checkDate(ctx, request.issuedOn, { field: 'issuedOn', label: 'Date of issue', order, after: { date: invoice.issued_on, what: "the invoice's date" } });
  const so = creditedSoFar(ctx, invoice);
  const leftShipping = subtractAmounts(original.shipping ?? '0', so.shipping, currency);

  const wanted = request.lines ?? original.lines.map((line) => ({ position: line.position, quantity: line.quantity - (so.quantities.get(line.position) ?? 0) })).filter((l) => l.quantity > 0);
  const shipping = request.shipping !== undefined ? sumAmounts([request.shipping], currency) : request.lines === undefined ? leftShipping : '0.00';
  if (request.shipping !== undefined && amount(request.shipping).decimalPlaces() > 2) throw new DomainError('invalid_input', `Shipping can have at most 2 decimals in ${currency}.`, 'shipping');
  if (compareAmounts(shipping, leftShipping) > 0) {
    throw new DomainError('invalid_input', `Shipping to credit cannot be more than the ${leftShipping} ${currency} of shipping left on ${invoice.number}.`, 'shipping');
  }

  const seen = new Set<number>();
  const lines: DocumentLineInput[] = wanted.map((want, index) => {
    const line: DocumentLine | undefined = original.lines.find((l) => l.position === want.position);
    if (!line) throw new DomainError('invalid_input', `${invoice.number} has no line ${want.position}.`, `lines.${index}.position`);
    if (seen.has(want.position)) throw new DomainError('invalid_input', `Line ${want.position} is listed twice.`, `lines.${index}.position`);
    seen.add(want.position);
    const left = line.quantity - (so.quantities.get(line.position) ?? 0);
    if (want.quantity > left) {
      throw new DomainError('invalid_input', left === 0 ? `Line ${line.position} of ${invoice.number} is already credited in full.` : `Only ${left} of line ${line.position} of ${invoice.number} can still be credited.`, `lines.${index}.quantity`);
    }
    const value = creditedLineTotal(line, want.quantity, { quantity: left, amount: subtractAmounts(line.lineTotal, so.amounts.get(line.position) ?? '0', currency) }, currency);
    return { position: line.position, title: line.title, isbn: line.isbn, quantity: want.quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent, lineTotal: value };
  });

  const { settings } = getSettings(ctx);
  const document = buildInvoiceDocument({
    kind: 'credit_note',
    number,
    issuedOn: request.issuedOn,
    paymentTermsDays: settings.paymentTermsDays,
    orderNumber: original.orderNumber,
    customerReference: original.customerReference,
    language: original.language,
    currency,
    issuer: settings.issuer,
    customer: original.customer,
    lines,
    shipping,
    amountPaid: '0',
    bankAccounts: settings.bankAccounts,
    creditNote: { invoiceNumber: invoice.number, reason: request.reason },
  });
  if (compareAmounts(document.total, '0') <= 0) {
    throw new DomainError('invalid_input', so.total === original.total ? `${invoice.number} is already credited in full.` : 'Choose at least one line or some shipping to credit.', 'lines');
  }
  return { document, orderId: order.id, shippingMinor: toMinorUnits(shipping, currency), totalMinor: toMinorUnits(document.total, currency), problems: [] };
}
