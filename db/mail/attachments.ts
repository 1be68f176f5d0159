/**
 * The attachment of a mail: the document's stored PDF, byte for byte. Each kind of document says
 * where its bytes are; invoices and credit notes are here, and reminders add theirs with
 * `registerAttachmentSource` (they are stored documents too).
 *
 * Before every attempt the bytes are checked against the SHA-256 stored when the document was
 * issued and against the one the mail was queued with: a PDF that changed is never sent.
 */
import { DomainError } from '../../shared/api/errors';
import type { MailKind } from '../../shared/contract/mail';
import type { ServiceContext } from '../context';
import { sha256Hex } from '../sha256';
import { statement } from '../statements';

export interface StoredAttachment {
  /** The document's number, e.g. INV-2026-00012 (named so in the mail: INV-2026-00012.pdf). */
  number: string;
  /** Null for a document stored without its PDF (legacy and demo invoices) until one is made. */
  pdf: Buffer | null;
  sha256: string | null;
}

export type AttachmentSource = (ctx: ServiceContext, documentId: number) => StoredAttachment;

function storedInvoicePdf(ctx: ServiceContext, documentId: number): StoredAttachment {
  const row = statement(ctx, 'SELECT number, pdf, pdf_sha256 FROM invoices WHERE id = ?').get(documentId) as
    | { number: string; pdf: Buffer | null; pdf_sha256: string | null }
    | undefined;
  if (!row) throw new DomainError('not_found', `Document ${documentId} does not exist.`, 'documentId');
  return { number: row.number, pdf: row.pdf, sha256: row.pdf_sha256 };
}

const sources = new Map<MailKind, AttachmentSource>([
  ['invoice', storedInvoicePdf],
  ['credit_note', storedInvoicePdf],
]);

/** Where the stored PDF of another kind of document is (reminders). */
export function registerAttachmentSource(kind: MailKind, source: AttachmentSource): void {
  sources.set(kind, source);
}

export interface CheckedAttachment {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * The document's PDF, checked: its bytes hash to what was stored at issue, and (for a queued
 * mail) to what the mail was queued with. Throws a DomainError naming the problem otherwise.
 */
export function checkedAttachment(ctx: ServiceContext, kind: MailKind, documentId: number, queuedSha256?: string): CheckedAttachment {
  const source = sources.get(kind);
  if (!source) throw new DomainError('invalid_input', `Documents of kind ${kind} cannot be e-mailed yet.`, 'documentId');
  const stored = source(ctx, documentId);
  if (!stored.pdf || !stored.sha256) throw new DomainError('conflict', `${stored.number} has no stored PDF yet: open it once so its PDF is made, then send it.`, 'documentId');
  const actual = sha256Hex(stored.pdf);
  if (actual !== stored.sha256) {
    throw new DomainError('database_damaged', `The stored PDF of ${stored.number} does not match the hash taken when it was issued: it was not sent. Restore a backup and tell IT.`);
  }
  if (queuedSha256 !== undefined && actual !== queuedSha256) {
    throw new DomainError('database_damaged', `The stored PDF of ${stored.number} is not the one this mail was queued with: it was not sent. Tell IT.`);
  }
  return { fileName: `${stored.number}.pdf`, bytes: stored.pdf, sha256: actual };
}
