/** What the clerk reads after File > Back Up Now, from whatever backups.create returned. */
import type { Result } from '../../shared/api/errors';

export interface DialogText {
  type: 'info' | 'error';
  message: string;
  detail?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function describeBackupResult(result: Result<unknown>): DialogText {
  if (!result.ok) return { type: 'error', message: 'The backup was not made.', detail: result.error.message };
  const backup = isRecord(result.value) && isRecord(result.value.backup) ? result.value.backup : undefined;
  const name = typeof backup?.name === 'string' ? backup.name : undefined;
  const removed = isRecord(result.value) && Array.isArray(result.value.removedOld) ? result.value.removedOld.length : 0;
  const lines = [
    name ? `Saved as ${name}.` : undefined,
    backup?.verified === true ? 'The copy was checked and is readable.' : undefined,
    removed > 0 ? `${removed} older backup${removed === 1 ? ' was' : 's were'} removed to keep the folder tidy.` : undefined,
  ].filter((line): line is string => line !== undefined);
  return { type: 'info', message: 'Backup complete.', ...(lines.length ? { detail: lines.join('\n') } : {}) };
}
