/**
 * Invoice and credit note numbers: INV-YYYY-NNNNN and CN-YYYY-NNNNN, each kind its own series
 * per calendar year of issue. The next number is read from the stored rows themselves, so it
 * is only ever taken by the transaction that stores the document (see issue.ts).
 */
import type { DocumentKind } from '../../../shared/documents/invoice-document';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';

const PREFIX: Record<DocumentKind, string> = { invoice: 'INV', credit_note: 'CN' };

export function documentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${PREFIX[kind]}-${year}-${String(sequence).padStart(5, '0')}`;
}

export function nextSequence(ctx: ServiceContext, kind: DocumentKind, year: number): number {
  const row = statement(ctx, 'SELECT coalesce(max(sequence), 0) + 1 AS next FROM invoices WHERE kind = ? AND year = ?').get(kind, year) as { next: number };
  return row.next;
}
