/**
 * Issuing invoices and credit notes without a gap or a duplicate in their series, even with
 * two Order Desk processes on one database file, and without one desk starving the other.
 *
 * The PDF is rendered in a worker (async) but a better-sqlite3 transaction cannot span an
 * await. So, first optimistically: predict the next number, compose and render the document
 * with it outside any transaction, then in one IMMEDIATE transaction (the write lock first)
 * check that the number is still the next one and that the document composed now is exactly the
 * one rendered (nobody paid, edited or invoiced meanwhile); only then store the row, PDF, hash,
 * lifecycle and audit together. Otherwise nothing was written and the next attempt starts over.
 *
 * That alone is unfair: a desk that renders more slowly than another issues back to back finds
 * its number taken every time. So after OPTIMISTIC_ATTEMPTS losses the desk takes the write lock
 * first and predicts, composes and renders while holding it (ctx.transactLockFirst): nobody can
 * take the number meanwhile, so it stores at once. The other desk's writes wait for about one
 * render (~150 ms) in their busy timeout; the lock is never held past HOLD_LIMIT_MS.
 *
 * A number is only ever taken by the transaction that stores its document: a failed render, a
 * refused check or a crash stores nothing, so nothing is reserved and abandoned, and no gap.
 */
import { DomainError } from '../../../shared/api/errors';
import type { DocumentKind, InvoiceDocument } from '../../../shared/documents/invoice-document';
import type { DocumentRenderer } from '../../documents/render-pool';
import type { ServiceContext, StagedWriteContext, WriteContext } from '../../context';
import { timestamp, today } from '../../context';
import { HeldTooLong } from '../../transactions';
import { sha256Hex } from '../../sha256';
import { statement } from '../../statements';
import { audit } from '../audit';
import { markInvoiced } from '../orders/lifecycle';
import { nextVersion } from '../orders/write';
import { getOrderById } from '../orders/read';
import { syncOrderMoney } from '../payments/sync';
import { composeCreditNote, composeInvoice, type ComposedDocument, type CreditRequest, type InvoiceRequest } from './compose';
import { documentNumber, nextSequence } from './numbers';
import { openInvoiceOf } from './stored';

/** Lost races (another desk took the predicted number) before rendering while holding the write lock. */
const OPTIMISTIC_ATTEMPTS = 2;
/** Holding the lock, an attempt only fails when the render outlasts HOLD_LIMIT_MS; a few such, then give up. */
const MAX_ATTEMPTS = OPTIMISTIC_ATTEMPTS + 3;

function sameDocument(a: InvoiceDocument, b: InvoiceDocument): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function refuseProblems(composed: ComposedDocument): void {
  const problem = composed.problems[0];
  if (problem) throw new DomainError('invalid_input', problem, problem.includes('bank account') ? 'bankAccounts' : 'issuer');
}

export interface DocumentSpec {
  kind: DocumentKind;
  issuedOn: string;
  compose: (number: string | null) => ComposedDocument;
  creditsInvoiceId: number | null;
  reason: string;
}

/** Stores a composed, numbered document and everything that follows from it, in the caller's transaction. */
function store(ctx: WriteContext, spec: DocumentSpec, sequence: number, composed: ComposedDocument, pdf: Buffer | null): number {
  const { document } = composed;
  const year = Number(spec.issuedOn.slice(0, 4));
  const hash = pdf ? sha256Hex(pdf) : null;
  const id = Number(
    statement(
      ctx,
      `INSERT INTO invoices (kind, number, year, sequence, order_id, credits_invoice_id, issued_on, due_on, currency, language,
         shipping_minor, total_minor, reason, snapshot, pdf, pdf_sha256, created_by, created_at)
       VALUES (@kind, @number, @year, @sequence, @orderId, @creditsInvoiceId, @issuedOn, @dueOn, @currency, @language,
         @shippingMinor, @totalMinor, @reason, @snapshot, @pdf, @sha, @createdBy, @createdAt)`,
    ).run({
      kind: spec.kind,
      number: document.number,
      year,
      sequence,
      orderId: composed.orderId,
      creditsInvoiceId: spec.creditsInvoiceId,
      issuedOn: spec.issuedOn,
      dueOn: document.dueOn,
      currency: document.currency,
      language: document.language,
      shippingMinor: composed.shippingMinor,
      totalMinor: composed.totalMinor,
      reason: spec.reason,
      snapshot: JSON.stringify(document),
      pdf,
      sha: hash,
      createdBy: ctx.actor,
      createdAt: timestamp(ctx),
    }).lastInsertRowid,
  );
  if (spec.kind === 'invoice') {
    markInvoiced(ctx, { id: composed.orderId, invoiceNumber: document.number!, issuedOn: spec.issuedOn });
  } else {
    reopenWhenCreditedInFull(ctx, composed.orderId, document.number!);
  }
  syncOrderMoney(ctx, composed.orderId, spec.issuedOn);
  audit(ctx, 'invoice', id, spec.kind === 'invoice' ? 'issue' : 'credit', null, {
    number: document.number,
    orderNumber: document.orderNumber,
    issuedOn: spec.issuedOn,
    total: document.total,
    currency: document.currency,
    sha256: hash,
    ...(spec.reason ? { reason: spec.reason, invoiceNumber: document.creditNote?.invoiceNumber } : {}),
  });
  return id;
}

/**
 * A credit note that leaves the order without an open invoice takes an invoiced order back to
 * received: it can be edited again and a corrected invoice issued. A shipped order stays shipped.
 */
function reopenWhenCreditedInFull(ctx: WriteContext, orderId: number, creditNoteNumber: string): void {
  const order = getOrderById(ctx, orderId);
  if (order.status !== 'invoiced' || openInvoiceOf(ctx, orderId)) return;
  statement(ctx, "UPDATE orders SET status = 'received', updated_at = ? WHERE id = ?").run(nextVersion(ctx, order.updatedAt), orderId);
  audit(ctx, 'order', orderId, 'credit', { status: 'invoiced' }, { status: 'received', creditNoteNumber });
}

interface Prepared {
  sequence: number;
  number: string;
  composed: ComposedDocument;
  pdf: Buffer;
}

/** The next number as it is now, the document composed with it and its PDF. Stores nothing. */
async function prepare(ctx: ServiceContext, spec: DocumentSpec, renderer: DocumentRenderer): Promise<Prepared> {
  const year = Number(spec.issuedOn.slice(0, 4));
  const sequence = nextSequence(ctx, spec.kind, year);
  const number = documentNumber(spec.kind, year, sequence);
  const composed = spec.compose(number);
  refuseProblems(composed);
  return { sequence, number, composed, pdf: await renderer.render(composed.document) };
}

/** Stores the prepared document if its number is still the next and the document still the same; null (nothing stored) otherwise. */
function storeIfStillNext<O>(w: WriteContext, spec: DocumentSpec, prepared: Prepared, answer: (ctx: WriteContext, id: number) => O): O | null {
  if (nextSequence(w, spec.kind, Number(spec.issuedOn.slice(0, 4))) !== prepared.sequence) return null;
  const now = spec.compose(prepared.number);
  if (!sameDocument(now.document, prepared.composed.document)) return null;
  return answer(w, store(w, spec, prepared.sequence, now, prepared.pdf));
}

/**
 * Prepare, then store in one immediate transaction if the prediction still holds; after
 * OPTIMISTIC_ATTEMPTS losses, prepare while holding the write lock. Answers `answer` of the
 * stored document, made in the transaction that stored it.
 */
export async function issueDocument<O extends object>(ctx: StagedWriteContext, spec: DocumentSpec, renderer: DocumentRenderer, answer: (ctx: WriteContext, id: number) => O): Promise<O> {
  // null: nothing was stored (the prediction no longer held); start over. An answer is never null.
  const storeNow = (w: WriteContext, prepared: Prepared): O | null => storeIfStillNext(w, spec, prepared, answer);
  let renderTooSlow = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (attempt <= OPTIMISTIC_ATTEMPTS) {
      const prepared = await prepare(ctx, spec, renderer);
      const stored = await ctx.transact((w) => storeNow(w, prepared));
      if (stored !== null) return stored;
      continue;
    }
    try {
      // Under the lock nothing can change between prepare and store; the check stays as the guarantee.
      const stored = await ctx.transactLockFirst((r) => prepare(r, spec, renderer), storeNow);
      if (stored !== null) return stored;
    } catch (error) {
      if (!(error instanceof HeldTooLong)) throw error;
      renderTooSlow = true;
    }
  }
  if (renderTooSlow) {
    throw new DomainError('conflict', 'Making the PDF took too long while other users waited, so this document was not issued and no number was used. Please try again.');
  }
  throw new DomainError('conflict', 'Other users kept issuing at the same moment, so this document was not issued and no number was used. Please try again.');
}

/**
 * Issues without rendering: the number is taken and the row stored in the caller's transaction,
 * and the PDF is made from the stored snapshot by the first invoices.pdf (see pdf.ts). For the
 * demo data set, where rendering thousands of PDFs up front would take far too long.
 */
export function issueDocumentWithPdfLater(ctx: WriteContext, spec: DocumentSpec): number {
  const year = Number(spec.issuedOn.slice(0, 4));
  const sequence = nextSequence(ctx, spec.kind, year);
  const composed = spec.compose(documentNumber(spec.kind, year, sequence));
  refuseProblems(composed);
  return store(ctx, spec, sequence, composed, null);
}

export interface IssueInput {
  orderId: number;
  shipping?: string | undefined;
  issuedOn?: string | undefined;
  language?: InvoiceRequest['language'];
}

export function invoiceSpec(ctx: ServiceContext, input: IssueInput): DocumentSpec {
  const request: InvoiceRequest = { ...input, issuedOn: input.issuedOn ?? today(ctx) };
  return { kind: 'invoice', issuedOn: request.issuedOn, compose: (number) => composeInvoice(ctx, request, number), creditsInvoiceId: null, reason: '' };
}

export interface CreditInput extends Omit<CreditRequest, 'issuedOn'> {
  issuedOn?: string | undefined;
}

export function creditNoteSpec(ctx: ServiceContext, input: CreditInput): DocumentSpec {
  const request: CreditRequest = { ...input, issuedOn: input.issuedOn ?? today(ctx) };
  return { kind: 'credit_note', issuedOn: request.issuedOn, compose: (number) => composeCreditNote(ctx, request, number), creditsInvoiceId: input.invoiceId, reason: input.reason };
}

export function rendererOf(ctx: ServiceContext): DocumentRenderer {
  if (!ctx.documents) throw new DomainError('internal', 'This Order Desk was started without its PDF renderer, so no invoice can be made.');
  return ctx.documents;
}
