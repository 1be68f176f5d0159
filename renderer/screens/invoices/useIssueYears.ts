import { useEffect, useState } from 'react';
import { yearOf } from '../../../shared/domain/calendar';
import { orderDesk } from '../../api/client';
import { useUnitToday } from '../../state/business-day';

/**
 * The calendar years that have documents, newest first: this year back to the year of the
 * oldest document (the list is ordered newest first, so its last row is the oldest).
 */
export function useIssueYears(): number[] {
  const [oldest, setOldest] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const all = await orderDesk().invoices.list({ limit: 1 });
      if (!all.ok || all.value.total === 0 || !live) return;
      const last = await orderDesk().invoices.list({ limit: 1, offset: all.value.total - 1 });
      const issuedOn = last.ok ? last.value.rows[0]?.issuedOn : undefined;
      if (issuedOn && live) setOldest(yearOf(issuedOn));
    })();
    return () => {
      live = false;
    };
  }, []);
  const thisYear = yearOf(useUnitToday());
  const from = Math.min(oldest ?? thisYear, thisYear);
  return Array.from({ length: thisYear - from + 1 }, (_, i) => thisYear - i);
}
