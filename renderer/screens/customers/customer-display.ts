/** Words for why two customers look like duplicates. */
import type { DuplicateReason } from '../../../shared/contract/customers';

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  same_email: 'same e-mail',
  same_name_country: 'same name and country',
};

export function reasonsText(reasons: DuplicateReason[]): string {
  return reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(' and ');
}
