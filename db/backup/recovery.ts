/**
 * When the database file is damaged: find the newest backup that still passes its
 * check, and restore it while keeping the damaged file (nothing is ever deleted).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { BackupInfo } from '../../shared/contract/backups';
import { backupFolder, listBackups } from './files';
import { backupNativeBinding } from './runtime';
import { keepRawCopy, replaceDatabaseFile } from './restore';
import { checkDatabaseFile } from './verify';

export interface GoodBackup extends BackupInfo {
  file: string;
}

/** The newest backup in `folder` that passes integrity_check now (not only when written). Null when there is none. */
export function findLatestGoodBackup(folder: string): GoodBackup | null {
  for (const backup of listBackups(folder)) {
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
 * Replaces a damaged (closed) database file with the latest good backup from `folder`.
 * Returns null, changing nothing, when no good backup exists. Call openDatabase afterwards.
 */
export function recoverFromLatestBackup(dbFile: string, folder: string, now: Date = new Date()): Recovery | null {
  const good = findLatestGoodBackup(folder);
  if (!good) return null;
  const damagedCopy = keepRawCopy(path.resolve(dbFile), 'damaged', now);
  replaceDatabaseFile(path.resolve(dbFile), good.file);
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
