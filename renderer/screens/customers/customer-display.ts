/** Words for why two customers look like duplicates. */
import type { DuplicateReason } from '../../../shared/contract/customers';

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  same_email: 'same e-mail',
  same_name_country: 'same name and country',
};

export function reasonsText(reasons: DuplicateReason[]): string {
  return reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(' and ');
}

/**
 * After a merge, both records by name and number, as the directory shows them: two records
 * often have the same name, so only the numbers say which one went where.
 */
export function mergedText(merged: { id: number; name: string }, kept: { id: number; name: string }, movedOrders: number): string {
  const moved = movedOrders === 0 ? 'no order moved' : movedOrders === 1 ? '1 order moved' : `${movedOrders} orders moved`;
  return `${merged.name} (#${merged.id}) merged into ${kept.name} (#${kept.id}); ${moved}.`;
}
