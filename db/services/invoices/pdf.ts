/**
 * invoices.pdf: the bytes stored at issue, whose SHA-256 is the one stored beside them, every
 * time. Rows issued without a PDF (legacy rows, the demo data) get theirs made once from the
 * stored snapshot by the first request and stored; from then on they too answer stored bytes.
 */
import { DomainError } from '../../../shared/api/errors';
import type { InvoicePdfFile } from '../../../shared/contract/invoices';
import type { ServiceContext, StagedWriteContext } from '../../context';
import { statement } from '../../statements';
import { sha256Hex } from '../../sha256';
import { rendererOf } from './issue';
import { documentOf, invoiceRow } from './stored';

interface StoredPdf {
  number: string;
  pdf: Buffer | null;
  pdf_sha256: string | null;
}

function pdfFile(number: string, pdf: Buffer, sha256: string): InvoicePdfFile {
  return { fileName: `${number}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64'), rows: 1, sha256 };
}

function storedPdf(ctx: ServiceContext, id: number): StoredPdf {
  const row = statement(ctx, 'SELECT number, pdf, pdf_sha256 FROM invoices WHERE id = ?').get(id) as StoredPdf | undefined;
  if (!row) throw new DomainError('not_found', `Invoice ${id} does not exist.`, 'id');
  return row;
}

function checked(row: StoredPdf & { pdf: Buffer; pdf_sha256: string }): InvoicePdfFile {
  // The hash is checked on every read: a PDF that no longer matches what was issued is never sent.
  if (sha256Hex(row.pdf) !== row.pdf_sha256) {
    throw new DomainError('database_damaged', `The stored PDF of ${row.number} does not match the hash taken when it was issued. Restore a backup and tell IT.`);
  }
  return pdfFile(row.number, row.pdf, row.pdf_sha256);
}

export async function invoicePdf(ctx: StagedWriteContext, input: { id: number }): Promise<InvoicePdfFile> {
  const stored = storedPdf(ctx, input.id);
  if (stored.pdf && stored.pdf_sha256) return checked({ ...stored, pdf: stored.pdf, pdf_sha256: stored.pdf_sha256 });
  const row = invoiceRow(ctx, input.id);
  const document = documentOf(ctx, row);
  const pdf = await rendererOf(ctx).render(document);
  const hash = sha256Hex(pdf);
  // The trigger allows this one UPDATE: a missing PDF filled in, nothing else changed (legacy rows also complete their snapshot).
  await ctx.transact((w) => {
    statement(w, 'UPDATE invoices SET pdf = ?, pdf_sha256 = ?, snapshot = CASE WHEN legacy = 1 THEN ? ELSE snapshot END WHERE id = ? AND pdf IS NULL').run(
      pdf,
      hash,
      JSON.stringify(document),
      row.id,
    );
  });
  // Whoever stored first (this request or another process) made the bytes every later request gets.
  const now = storedPdf(ctx, input.id);
  return checked({ ...now, pdf: now.pdf!, pdf_sha256: now.pdf_sha256! });
}
