/**
 * "Back up now": an online copy with SQLite's backup API (clerks keep working while it
 * runs), checked right after writing, then older verified backups beyond "keep" removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/api/errors';
import type { BackupInfo } from '../../shared/contract/backups';
import type { ServiceContext } from '../context';
import { getSettings } from '../services/settings';
import { backupFolder, isBackupName, listBackups, newBackupName, removeDatabaseFiles, writeNote } from './files';
import { exclusively } from './busy';
import { identityOf } from './identity';
import { copyAndCheckInWorker, removeInWorker } from './worker-client';
import type { CopyOutcome } from './worker-jobs';

export interface CreatedBackup {
  backup: BackupInfo;
  /** Names of older backups removed to keep only the configured number. */
  removedOld: string[];
}

/** The database file behind the context (its path as opened). */
export function databaseFile(ctx: ServiceContext): string {
  return ctx.db.name;
}

export function currentBackupFolder(ctx: ServiceContext): { folder: string; keep: number } {
  const { backup } = getSettings(ctx).settings;
  return { folder: backupFolder(databaseFile(ctx), backup.folder), keep: backup.keep };
}

export function createBackup(ctx: ServiceContext): Promise<CreatedBackup> {
  return exclusively(ctx, 'backup', () => writeBackup(ctx));
}

async function writeBackup(ctx: ServiceContext): Promise<CreatedBackup> {
  const { folder, keep } = currentBackupFolder(ctx);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DomainError('invalid_input', `The backup folder ${folder} cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another folder in Settings.`, 'backup.folder');
  }
  const startedAt = ctx.now();
  const name = newBackupName(folder, startedAt);
  const final = path.join(folder, name);
  // Written under a temporary name, so a half-written or unchecked copy is never mistaken for a backup.
  const partial = `${final}.partial`;
  // Copied and checked in a worker thread with its own SQLite handle: the app keeps answering and saving meanwhile.
  const outcome = await copyAndCheckInWorker(path.resolve(databaseFile(ctx)), partial).catch(
    (error: unknown): CopyOutcome => ({ copied: false, problem: (error as Error).message }),
  );
  if (!outcome.copied) {
    removeDatabaseFiles(partial);
    throw new DomainError('internal', `The backup could not be written to ${folder}: ${outcome.problem}. Earlier backups are kept.`);
  }
  const { check } = outcome;
  if (!check.ok) {
    removeDatabaseFiles(partial);
    throw new DomainError('internal', `The backup was written but failed its check (${check.problem}), so it was removed. Earlier backups are kept.`);
  }
  fs.renameSync(partial, final);
  const sizeBytes = fs.statSync(final).size;
  writeNote(final, {
    app: 'Order Desk',
    createdAt: startedAt.toISOString(),
    verifiedAt: ctx.now().toISOString(),
    integrity: 'ok',
    schemaVersion: check.schemaVersion,
    sizeBytes,
    counts: check.counts,
    // Read from the copy itself: the database the backup really is of.
    database: check.database,
  });
  const thisDatabase = identityOf(ctx.db).id;
  const removedOld = await pruneBackups(folder, keep, thisDatabase);
  const backup = listBackups(folder, thisDatabase).find((b) => b.name === name)!;
  return { backup, removedOld };
}

/** An old backup being removed: no longer a backup's name, so no longer listed. */
const REMOVING = '.removing';

/**
 * Keeps the newest `keep` verified backups of this database and removes its older verified
 * ones. Other databases' backups in the same folder, backups from before backups recorded
 * their database, and files that are not verified Order Desk backups (copies someone put
 * there, failed ones) are left alone.
 *
 * They leave the list at once (renamed); the files themselves are removed by the backup worker,
 * a slice at a time (remove-gently.ts): at once, deleting a large file stopped the main thread
 * for half a second and held up the app's commits. One left half-removed when the app stopped
 * is removed at the next prune.
 */
export async function pruneBackups(folder: string, keep: number, thisDatabaseId: string): Promise<string[]> {
  const verified = listBackups(folder, thisDatabaseId).filter((b) => b.verified && b.origin === 'this-database');
  const old = verified.slice(Math.max(1, keep));
  for (const b of old) {
    const file = path.join(folder, b.name);
    fs.renameSync(file, `${file}${REMOVING}`);
    for (const f of [`${file}.json`, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  }
  const removing = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(REMOVING) && isBackupName(name.slice(0, -REMOVING.length)))
    .map((name) => path.join(folder, name));
  if (removing.length > 0) await removeInWorker(removing);
  return old.map((b) => b.name);
}
