/**
 * The day bank statements were last imported, shown beside the reminders due: customers who
 * paid by transfer since then are not known to have paid, so a stale import means reminders to
 * people who have paid. Null until a bank statement is imported (issue 16's bank_statements).
 */
import type { ServiceContext } from '../../context';

export function lastBankImport(_ctx: ServiceContext): string | null {
  // Filled in from bank_statements once the bank-statement import (migration 10) is in this branch.
  return null;
}
