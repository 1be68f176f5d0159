/**
 * The day bank statements were last imported, shown beside the reminders due: customers who
 * paid by transfer since then are not known to have paid, so a stale import means reminders to
 * people who have paid. The unit's day of the latest import (issue 16's bank_statements, which
 * keeps the moment as an ISO timestamp), or null when none was ever imported.
 */
import { unitDayOf, type ServiceContext } from '../../context';
import { latestImport } from '../bank/read';

export function lastBankImport(ctx: ServiceContext): string | null {
  // The same newest import Home names (one query for it, in the bank services).
  const last = latestImport(ctx);
  return last ? unitDayOf(ctx, last.imported_at) : null;
}
