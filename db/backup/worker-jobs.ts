/**
 * The slow backup work, run inside the backup worker thread (see worker-client.ts) on
 * the worker's own SQLite handles, so the main thread keeps answering the window and
 * browser mode while a large database is copied and read through.
 */
import Database from 'better-sqlite3';
import { backupNativeBinding } from './runtime';
import { checkDatabaseFile, type CheckOptions, type FileCheck } from './verify';

export type BackupJob = { kind: 'copy'; source: string; target: string } | { kind: 'check'; file: string; options: CheckOptions };

/** A copy that could not be written carries SQLite's reason; a written one, the check of the copy. */
export type CopyOutcome = { copied: false; problem: string } | { copied: true; check: FileCheck };

export type BackupJobResult<J extends BackupJob> = J extends { kind: 'copy' } ? CopyOutcome : FileCheck;

/**
 * The whole file in one backup step: this handle is not the one the app writes with,
 * and SQLite restarts a stepwise backup whenever another connection writes, so steps
 * could starve on a busy day. One step reads one WAL snapshot while writers go on.
 */
const ALL_PAGES = 0x7fffffff;

export async function copyAndCheck(source: string, target: string): Promise<CopyOutcome> {
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true, nativeBinding: backupNativeBinding() });
    try {
      await db.backup(target, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    // A standalone file: no WAL beside it, so it can be copied or restored as one file.
    const copy = new Database(target, { nativeBinding: backupNativeBinding() });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    return { copied: false, problem: (error as Error).message };
  }
  return { copied: true, check: checkDatabaseFile(target, { thorough: true }) };
}

export async function runBackupJob(job: BackupJob): Promise<CopyOutcome | FileCheck> {
  return job.kind === 'copy' ? copyAndCheck(job.source, job.target) : checkDatabaseFile(job.file, job.options);
}
