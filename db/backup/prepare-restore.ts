/**
 * Gets a backup ready to take the database's place, without touching the database: the
 * backup is checked, copied beside the database, and the COPY is brought up to this
 * version's schema and given the restoring database's identity. Only a copy that got
 * through all of that is ever swapped in (restore.ts, recovery.ts); anything else is
 * refused with the reason and leaves no file behind. Runs in the backup worker for a
 * restore from the app (a large file takes seconds), on the spot when recovering at start.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { BackupDatabase } from '../../shared/contract/backups';
import { migrate } from '../connection';
import { LATEST_VERSION } from '../migrations';
import { writeIdentity, type DatabaseIdentity } from './identity';
import { removeDatabaseFiles } from './files';
import { backupNativeBinding } from './runtime';
import { checkDatabaseFile } from './verify';

export interface PrepareRestoreJob {
  backupFile: string;
  /** Where the ready copy is written: beside the database, so putting it in place is a rename. */
  staging: string;
  /** The database being replaced: the copy takes its identity. Null keeps the backup's own (recovery). */
  replacing: DatabaseIdentity | null;
  /** The clerk agreed to restore a backup of another database (or from an earlier version). */
  confirmed: boolean;
}

type Counts = { orders: number; customers: number; publications: number };

export type PreparedRestore =
  | { kind: 'ready'; schemaVersion: number; counts: Counts }
  | { kind: 'refused'; problem: string; reason: 'damaged' | 'too_new' | 'cannot_upgrade' | 'cannot_copy' }
  | { kind: 'needs_confirmation'; database: BackupDatabase | null; schemaVersion: number; counts: Counts };

export function prepareRestoreCopy(job: PrepareRestoreJob): PreparedRestore {
  const check = checkDatabaseFile(job.backupFile, { thorough: true });
  if (!check.ok) return { kind: 'refused', problem: check.problem, reason: check.tooNew === true ? 'too_new' : 'damaged' };
  if (job.replacing && check.database?.id !== job.replacing.id && !job.confirmed) {
    return { kind: 'needs_confirmation', database: check.database, schemaVersion: check.schemaVersion, counts: check.counts };
  }
  removeDatabaseFiles(job.staging);
  try {
    copyDatabaseFile(job.backupFile, job.staging);
    bringUpToDate(job.staging, job.replacing);
  } catch (error) {
    removeDatabaseFiles(job.staging);
    const upgrading = error instanceof UpgradeError;
    const reason = upgrading ? error.cause : error;
    const problem = upgrading
      ? `it was made by an earlier Order Desk (schema ${check.schemaVersion}) and could not be brought up to this version (schema ${LATEST_VERSION}): ${(reason as Error).message}`
      : `it could not be copied beside the database (${(reason as Error).message})`;
    return { kind: 'refused', problem, reason: upgrading ? 'cannot_upgrade' : 'cannot_copy' };
  }
  return { kind: 'ready', schemaVersion: check.schemaVersion, counts: check.counts };
}

class UpgradeError extends Error {}

/** The file, with a -wal beside it when someone copied a backup that way; flushed to disk. */
function copyDatabaseFile(from: string, to: string): void {
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}

function bringUpToDate(file: string, replacing: DatabaseIdentity | null): void {
  const db = new Database(file, { nativeBinding: backupNativeBinding() });
  try {
    try {
      db.pragma('foreign_keys = ON');
      migrate(db);
      if (replacing) writeIdentity(db, replacing);
    } catch (error) {
      throw new UpgradeError('upgrade failed', { cause: error });
    }
    // One standalone file, as the database it replaces expects (its WAL is set up again when opened).
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
