import type { Result } from '../../../shared/api/errors';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';
import { useUnitToday } from '../../state/business-day';
import { yearOf } from '../../../shared/domain/calendar';

/** The year of the oldest document, or null when there is none (the list is ordered newest first, so its last row is the oldest). */
async function oldestIssueYear(): Promise<Result<number | null>> {
  const all = await orderDesk().invoices.list({ limit: 1 });
  if (!all.ok) return all;
  if (all.value.total === 0) return { ok: true, value: null };
  const last = await orderDesk().invoices.list({ limit: 1, offset: all.value.total - 1 });
  if (!last.ok) return last;
  const issuedOn = last.value.rows[0]?.issuedOn;
  return { ok: true, value: issuedOn ? yearOf(issuedOn) : null };
}

/**
 * The calendar years that have documents, newest first: this year back to the year of the
 * oldest document. Without an answer (yet, or at all) the year filter offers this year only.
 */
export function useIssueYears(): number[] {
  const oldest = useApiRead(oldestIssueYear, []).data;
  const thisYear = yearOf(useUnitToday());
  const from = Math.min(oldest ?? thisYear, thisYear);
  return Array.from({ length: thisYear - from + 1 }, (_, i) => thisYear - i);
}
