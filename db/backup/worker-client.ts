/**
 * Runs backup jobs (copy + integrity check, checks before a restore) in a worker thread,
 * one short-lived worker per job: an integrity_check of a large file takes seconds, and on
 * the main thread it would stop the desktop window and browser mode's API meanwhile.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { backupNativeBinding } from './runtime';
import type { CheckOptions, FileCheck } from './verify';
import type { BackupJob, BackupJobResult, CopyOutcome } from './worker-jobs';

/**
 * From TypeScript sources (tsx, vitest) this module's URL ends in .ts and the worker loads
 * backup-worker.ts through tsx; in the Electron bundle it is main.cjs's URL (see
 * build/bundle-electron.mjs) and the worker is the bundled backup-worker.cjs beside it.
 */
function startWorker(job: BackupJob): Worker {
  const workerData = { job, nativeBinding: backupNativeBinding() };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./backup-worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsxImportApi(here))}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}));`;
    return new Worker(boot, { eval: true, workerData });
  }
  return new Worker(fileURLToPath(new URL('./backup-worker.cjs', here)), { workerData });
}

/**
 * tsx's ESM API (its CommonJS build of the same API fails to register from an eval'd
 * worker), found through tsx's own package exports. Development only: tsx is a devDependency.
 */
function tsxImportApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exports = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

function runInWorker<J extends BackupJob>(job: J): Promise<BackupJobResult<J>> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
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

/** checkDatabaseFile, off the main thread. */
export function checkFileInWorker(file: string, options: CheckOptions = {}): Promise<FileCheck> {
  return runInWorker({ kind: 'check', file, options });
}
