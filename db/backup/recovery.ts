/**
 * When the database file is damaged: find the newest backup of THIS database that still
 * passes its check, and restore it while keeping the damaged file (nothing is ever deleted).
 * Backups of other databases in the same folder are never candidates.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { DomainError } from '../../shared/api/errors';
import type { BackupInfo } from '../../shared/contract/backups';
import { backupFolder, listBackups, removeDatabaseFiles } from './files';
import { identityOfFile } from './identity';
import { prepareRestoreCopy } from './prepare-restore';
import { backupNativeBinding } from './runtime';
import { keepRawCopy, putInPlace, stagingFile } from './restore';
import { checkDatabaseFile } from './verify';

export interface GoodBackup extends BackupInfo {
  file: string;
}

/**
 * The backups in `folder` that can be of the database in `dbFile`: those that name its
 * identity. When the file predates identities, those from the earlier version; when it is
 * too damaged to say, those of the one database the folder holds backups of (none when
 * it holds several: which one is this desk's cannot be told, and a person must choose).
 */
function backupsOfFile(dbFile: string, folder: string): BackupInfo[] {
  const identity = identityOfFile(dbFile);
  if (identity !== 'unreadable') {
    const all = listBackups(folder, identity?.id);
    return all.filter((b) => b.origin === (identity ? 'this-database' : 'earlier-version'));
  }
  const all = listBackups(folder);
  const databases = new Set(all.flatMap((b) => (b.database ? [b.database.id] : [])));
  if (databases.size > 1) return [];
  return databases.size === 1 ? all.filter((b) => b.database !== null) : all;
}

/** The newest backup of the database in `dbFile` that passes integrity_check now (not only when written). Null when there is none. */
export function findLatestGoodBackup(dbFile: string, folder: string): GoodBackup | null {
  for (const backup of backupsOfFile(dbFile, folder)) {
    const file = path.join(folder, backup.name);
    if (checkDatabaseFile(file, { thorough: true }).ok) return { ...backup, file };
  }
  return null;
}

export interface Recovery {
  restoredFrom: string;
  /** The damaged file, kept byte for byte (with its WAL/SHM) beside the database. */
  damagedCopy: string;
}

/**
 * Replaces a damaged (closed) database file with the latest good backup of it from `folder`,
 * made ready first (brought up to this version) so the file is touched only once that worked.
 * Returns null, changing nothing, when no good backup exists. Call openDatabase afterwards.
 */
export function recoverFromLatestBackup(dbFile: string, folder: string, now: Date = new Date()): Recovery | null {
  const file = path.resolve(dbFile);
  const good = findLatestGoodBackup(file, folder);
  if (!good) return null;
  const staging = stagingFile(file);
  const prepared = prepareRestoreCopy({ backupFile: good.file, staging, replacing: null, confirmed: true });
  if (prepared.kind !== 'ready') {
    removeDatabaseFiles(staging);
    const problem = prepared.kind === 'refused' ? prepared.problem : 'it is not a backup of this database';
    throw new DomainError('database_damaged', `The latest good backup ${good.name} cannot be restored: ${problem}. The damaged database was left as it is.`);
  }
  const damagedCopy = keepRawCopy(file, 'damaged', now);
  putInPlace(file, staging);
  return { restoredFrom: good.file, damagedCopy };
}

/**
 * The backup folder for a database file that may be too damaged to open normally: the
 * folder from its settings when that part can still be read, else "backups" beside it.
 */
export function backupFolderForFile(dbFile: string): string {
  let configured = '';
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true, nativeBinding: backupNativeBinding() });
    try {
      const row = db.prepare("SELECT value FROM settings WHERE key = 'backup'").get() as { value: string } | undefined;
      const folder = row ? (JSON.parse(row.value) as { folder?: unknown }).folder : undefined;
      if (typeof folder === 'string') configured = folder;
    } finally {
      db.close();
    }
  } catch {
    // Unreadable settings: the default folder is the best guess.
  }
  return backupFolder(dbFile, configured);
}
