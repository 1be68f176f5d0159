import type { InvoiceSummary } from '../../../shared/contract/invoices';

/** "Invoice INV-2026-00001" or "Credit note CN-2026-00001". */
export function documentTitle(doc: Pick<InvoiceSummary, 'kind' | 'number'>): string {
  return `${doc.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${doc.number}`;
}
