/**
 * The day bank statements were last imported, shown beside the reminders due: customers who
 * paid by transfer since then are not known to have paid, so a stale import means reminders to
 * people who have paid. The unit's day of the latest import (issue 16's bank_statements, which
 * keeps the moment as an ISO timestamp), or null when none was ever imported.
 */
import { unitDayOf, type ServiceContext } from '../../context';
import { statement } from '../../statements';

export function lastBankImport(ctx: ServiceContext): string | null {
  // bank_statements_imported (imported_at DESC, id DESC) answers this from the index.
  const row = statement(ctx, 'SELECT max(imported_at) AS at FROM bank_statements').get() as { at: string | null };
  return row.at === null ? null : unitDayOf(ctx, row.at);
}
