/**
 * The slow backup work (copy and check, removing old backups, checking a backup before a restore), run inside the backup worker thread (see worker-client.ts) on
 * the worker's own SQLite handles, so the main thread keeps answering the window and
 * browser mode while a large database is copied and read through.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { prepareRestoreCopy, type PrepareRestoreJob, type PreparedRestore } from './prepare-restore';
import { removeGently } from './remove-gently';
import { backupNativeBinding } from './runtime';
import { checkDatabaseFile, type FileCheck } from './verify';

export type BackupJob =
  | { kind: 'copy'; source: string; target: string }
  | { kind: 'remove'; files: string[] }
  | ({ kind: 'prepareRestore' } & PrepareRestoreJob);

/** A copy that could not be written carries SQLite's reason; a written one, the check of the copy. */
export type CopyOutcome = { copied: false; problem: string } | { copied: true; check: FileCheck };

export type BackupJobResult<J extends BackupJob> = J extends { kind: 'copy' } ? CopyOutcome : J extends { kind: 'remove' } ? { removed: string[] } : PreparedRestore;

/**
 * The copy goes in small steps with a pause after each, so it never floods the disk: written
 * all at once, a large file's dirty pages made the app's own commits (each one synced to disk)
 * wait behind them, and a clerk's save once took 402 ms. 256 pages are 1 MiB at SQLite's
 * default page size. Each step's pages are also synced to disk before the pause (see
 * CopySync); the pause is as long as the step and its sync took (at least PAUSE_MIN_MS), so the
 * copy uses the disk at most half the time, and a large file still copies within a minute or so.
 */
const PAGES_PER_STEP = 256;
const PAUSE_MIN_MS = 2;
const PAUSE_MAX_MS = 50;

/** Blocks this worker thread (never the main one) for `ms`. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Syncs what SQLite has written of the copy so far, through a handle of its own (a sync is of
 * the file, whichever handle asks). Left to the system, the written steps stayed in memory (a
 * machine keeps gigabytes of unwritten data) until SQLite's one sync at the end wrote the whole
 * copy at once, and the app's commit that came then waited for it: a save took 1,177 ms at the
 * end of a 100,000-order copy (the bench, with these steps and pauses). Synced step by step,
 * the disk never has more than a step of the copy to write before the app's commit.
 */
class CopySync {
  private fd: number | undefined;

  constructor(private readonly file: string) {}

  step(): void {
    if (this.fd === undefined) {
      // SQLite creates the file as it opens it; if not yet, there is nothing to sync.
      if (!fs.existsSync(this.file)) return;
      this.fd = fs.openSync(this.file, 'r+');
    }
    fs.fdatasyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * While the copy held its snapshot, the app's commits piled up in the WAL (no checkpoint can pass
 * a reader). The app's next commit would move them all into the database file itself, on the main
 * thread; this worker does it first, with a PASSIVE checkpoint, which never waits for or blocks a writer.
 */
function checkpointAfterCopy(source: string): void {
  try {
    const db = new Database(source, { fileMustExist: true, nativeBinding: backupNativeBinding() });
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      db.close();
    }
  } catch {
    // Only a head start: the app checkpoints by itself as usual.
  }
}

export async function copyAndCheck(source: string, target: string): Promise<CopyOutcome> {
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true, nativeBinding: backupNativeBinding() });
    try {
      // One read transaction across all steps: the copy is of this one snapshot, and writes the app
      // makes meanwhile (another connection) do not restart it, as they would between separate steps.
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      let stepStarted = performance.now();
      const sync = new CopySync(target);
      await db.backup(target, {
        progress: () => {
          sync.step();
          sleep(Math.min(PAUSE_MAX_MS, Math.max(PAUSE_MIN_MS, performance.now() - stepStarted)));
          stepStarted = performance.now();
          return PAGES_PER_STEP;
        },
      }).finally(() => sync.close());
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    checkpointAfterCopy(source);
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

export async function runBackupJob(job: BackupJob): Promise<CopyOutcome | { removed: string[] } | PreparedRestore> {
  if (job.kind === 'copy') return copyAndCheck(job.source, job.target);
  if (job.kind === 'remove') return removeGently(job.files);
  return prepareRestoreCopy(job);
}
