/**
 * Restoring a backup replaces the database file, after keeping the current one as a copy
 * beside it. The open connection in the ServiceContext is swapped in place, so the same
 * invoke (IPC or HTTP) keeps working on the restored data without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/api/errors';
import type { RestoreResult } from '../../shared/contract/backups';
import { openDatabase } from '../connection';
import type { StagedWriteContext } from '../context';
import { audit } from '../services/audit';
import { currentBackupFolder, databaseFile } from './create';
import { exclusively } from './busy';
import { compactStamp, isBackupName, removeDatabaseFiles } from './files';
import { backupNativeBinding } from './runtime';
import { checkFileInWorker } from './worker-client';

/** "order-desk.db" → "order-desk.before-restore-2026-11-29T103012Z.db", beside it. */
export function sideCopyName(dbFile: string, label: string, at: Date): string {
  const ext = path.extname(dbFile) || '.db';
  const base = path.basename(dbFile, ext);
  let candidate = path.join(path.dirname(dbFile), `${base}.${label}-${compactStamp(at)}${ext}`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(path.dirname(dbFile), `${base}.${label}-${compactStamp(at)}-${n}${ext}`);
  return candidate;
}

/**
 * Refuses a backup that is damaged, foreign or from a newer version, before anything is touched.
 * The integrity_check reads the whole file, so it runs in the backup worker thread.
 */
export async function assertRestorable(backupFile: string): Promise<void> {
  if (!fs.existsSync(backupFile)) throw new DomainError('not_found', `The backup ${path.basename(backupFile)} is no longer there. Refresh the list and choose again.`, 'name');
  const check = await checkFileInWorker(backupFile, { thorough: true });
  if (!check.ok) {
    throw new DomainError(check.tooNew ? 'database_too_new' : 'database_damaged', `The backup ${path.basename(backupFile)} cannot be restored: ${check.problem}. Nothing was changed.`, 'name');
  }
}

/**
 * Puts `backupFile` in place of `dbFile` (which must be closed). The new file is copied
 * under a temporary name and renamed over the old one, so a crash leaves either the old
 * or the new database, never a mix; the old WAL/SHM are removed first because SQLite
 * would otherwise replay the old database's log into the restored file.
 */
export function replaceDatabaseFile(dbFile: string, backupFile: string): void {
  const incoming = `${dbFile}.restoring`;
  removeDatabaseFiles(incoming);
  fs.copyFileSync(backupFile, incoming);
  const fd = fs.openSync(incoming, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.rmSync(`${dbFile}-wal`, { force: true });
  fs.rmSync(`${dbFile}-shm`, { force: true });
  fs.rmSync(`${dbFile}-journal`, { force: true });
  fs.renameSync(incoming, dbFile);
}

/**
 * Copies the database file as it is (with its WAL/SHM, byte for byte) for when it
 * cannot be read, e.g. before recovering a damaged database. Returns the copy's path.
 */
export function keepRawCopy(dbFile: string, label: string, at: Date): string {
  const copy = sideCopyName(dbFile, label, at);
  fs.copyFileSync(dbFile, copy);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(`${dbFile}${suffix}`)) fs.copyFileSync(`${dbFile}${suffix}`, `${copy}${suffix}`);
  }
  return copy;
}

/** Restores a backup from the backup folder by name (as listed by backups.list). */
export async function restoreBackup(ctx: StagedWriteContext, name: string): Promise<RestoreResult> {
  if (!isBackupName(name)) throw new DomainError('invalid_input', 'Backup must be one of the Order Desk backups in the list.', 'name');
  return exclusively(ctx, 'restore', async () => {
    const backupFile = path.join(currentBackupFolder(ctx).folder, name);
    await assertRestorable(backupFile);
    return swapInBackup(ctx, name, backupFile);
  });
}

/**
 * Keeps the current data as a copy and puts the checked backup in its place. Synchronous
 * on purpose: no request may write between the copy of the current data and the swap.
 */
function swapInBackup(ctx: StagedWriteContext, name: string, backupFile: string): RestoreResult {
  const dbFile = path.resolve(databaseFile(ctx));
  const at = ctx.now();
  const preRestoreCopy = sideCopyName(dbFile, 'before-restore', at);
  // A consistent single-file copy of the current data, WAL content included. Prepared ad hoc, not
  // cached: the connection is closed right after.
  ctx.db.prepare('VACUUM INTO ?').run(preRestoreCopy);

  ctx.db.close();
  try {
    replaceDatabaseFile(dbFile, backupFile);
    ctx.db = openDatabase(dbFile, { nativeBinding: backupNativeBinding() });
  } catch (error) {
    // Put the data as it was back, so a failed restore changes nothing.
    replaceDatabaseFile(dbFile, preRestoreCopy);
    ctx.db = openDatabase(dbFile, { nativeBinding: backupNativeBinding() });
    throw new DomainError('internal', `The backup could not be restored (${(error as Error).message}). The data is as it was before.`);
  }
  const result: RestoreResult = { restoredFrom: name, preRestoreCopy, restoredAt: at.toISOString() };
  ctx.transact((w) => audit(w, 'database', null, 'restore', null, result));
  return result;
}
