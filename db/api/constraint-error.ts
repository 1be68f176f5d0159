/**
 * Last safety net: a SQLite constraint that fires means a request slipped past the
 * contract's validation (a bug to fix there), but the clerk still gets a 4xx that says
 * nothing was saved, never a 500. The transaction was rolled back by the service.
 */
import type { ApiError } from '../../shared/api/errors';
import { IMMUTABLE_MESSAGE } from '../migrations/0006_invoices_and_credit_notes';

/** better-sqlite3 throws SqliteError with codes such as SQLITE_CONSTRAINT_CHECK. */
export function constraintCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') ? code : undefined;
}

/** True for the refusal of the triggers that keep issued invoices and credit notes as they were issued. */
export function isImmutableInvoiceError(error: unknown): boolean {
  return constraintCode(error) === 'SQLITE_CONSTRAINT_TRIGGER' && error instanceof Error && error.message.includes(IMMUTABLE_MESSAGE);
}

export function constraintApiError(code: string, error?: unknown): ApiError {
  if (isImmutableInvoiceError(error)) return { code: 'conflict', message: IMMUTABLE_MESSAGE };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'conflict', message: 'A record with the same details already exists, so nothing was saved. Reload and check before trying again.' };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'conflict', message: 'This refers to a record that no longer exists, so nothing was saved. Reload and try again.' };
  }
  return { code: 'invalid_input', message: 'One of the values cannot be stored as typed, so nothing was saved. Check for empty or unusual text and try again.' };
}
