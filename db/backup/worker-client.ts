/**
 * Runs backup jobs (copy + integrity check; removing old backups; check and upgrade of a copy before a restore) in a worker thread,
 * one short-lived worker per job: an integrity_check of a large file takes seconds, and on
 * the main thread it would stop the desktop window and browser mode's API meanwhile.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { backupNativeBinding } from './runtime';
import type { PrepareRestoreJob, PreparedRestore } from './prepare-restore';
import type { BackupJob, BackupJobResult, CopyOutcome } from './worker-jobs';

/**
 * From TypeScript sources (tsx, vitest) this module's URL ends in .ts: the worker entry is
 * bundled once per process with esbuild (a devDependency, asynchronously, so the main thread
 * stays free) and run as code. In the Electron bundle the URL is main.cjs's (see
 * build/bundle-electron.mjs) and the worker is the bundled backup-worker.cjs beside it.
 */
async function startWorker(job: BackupJob): Promise<Worker> {
  const workerData = { job, nativeBinding: backupNativeBinding() };
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(fileURLToPath(new URL('./backup-worker.cjs', here)), { workerData });
  // The bundle's require() resolves packages (better-sqlite3) from this project, wherever the process started.
  const boot = `(function (require) {\n${await sourceWorkerCode(here)}\n})(require('node:module').createRequire(${JSON.stringify(here)}));`;
  return new Worker(boot, { eval: true, workerData });
}

let sourceBundle: Promise<string> | undefined;

/**
 * Gets the worker's code ready ahead of the first job: from sources, bundles it now (the
 * benchmark, so its first backup's figures are not those of esbuild); nothing to do in the app.
 */
export async function prepareBackupWorker(): Promise<void> {
  if (import.meta.url.endsWith('.ts')) await sourceWorkerCode(import.meta.url);
}

function sourceWorkerCode(from: string): Promise<string> {
  const esbuild = createRequire(from)('esbuild') as typeof import('esbuild');
  sourceBundle ??= esbuild
    .build({
      entryPoints: [fileURLToPath(new URL('./backup-worker.ts', from))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      write: false,
      logLevel: 'silent',
    })
    .then((result) => result.outputFiles[0]!.text)
    .catch((error: unknown) => {
      sourceBundle = undefined;
      throw error;
    });
  return sourceBundle;
}

async function runInWorker<J extends BackupJob>(job: J): Promise<BackupJobResult<J>> {
  const worker = await startWorker(job);
  return new Promise((resolve, reject) => {
    let answered = false;
    worker.once('message', (result: BackupJobResult<J>) => {
      answered = true;
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the backup worker stopped without an answer (exit code ${code})`));
    });
  });
}

/** Online backup of `source` into `target`, then integrity_check of the copy. */
export function copyAndCheckInWorker(source: string, target: string): Promise<CopyOutcome> {
  return runInWorker({ kind: 'copy', source, target });
}

/** Removes the files a slice at a time (remove-gently.ts), off the main thread; answers those removed. */
export function removeInWorker(files: string[]): Promise<{ removed: string[] }> {
  return runInWorker({ kind: 'remove', files });
}

/** prepareRestoreCopy, off the main thread: checks, copies and upgrades a backup before a restore. */
export function prepareRestoreInWorker(job: PrepareRestoreJob): Promise<PreparedRestore> {
  return runInWorker({ kind: 'prepareRestore', ...job });
}
