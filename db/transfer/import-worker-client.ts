/**
 * Runs import planning (plan-import.ts) in a worker thread with a memory limit, one job at a
 * time. Reading a 50,000-row file takes seconds: on the main thread it would stop the desktop
 * window and browser mode's API meanwhile. And a file that needs more memory than the limit
 * (say a zip bomb that got past the size check in db/files/zip-bounds.ts) ends only the worker,
 * and the clerk is told the file is too large to read, instead of taking the whole app down.
 *
 * The worker is kept between jobs (starting one costs about a second, and a clerk previews the
 * same file again after each change of mapping), replaced after a crash, and stopped after a
 * minute without work so the memory a large file needed goes back to the system.
 */
import type { Worker } from 'node:worker_threads';
import { DomainError, type ApiError } from '../../shared/api/errors';
import { startScriptWorker } from '../workers/script-worker';
import type { ImportJob, ImportPlan } from './plan-import';

/**
 * The worker's JavaScript heap. A 50,000-row workbook of 12 columns (2.7 MB) is read within
 * 256 MB (measured); a workbook at the 10 MB upload limit holds about four times as much. 1 GB
 * leaves room for that, and keeps an import well below what would squeeze an office PC.
 */
export const IMPORT_WORKER_HEAP_MB = 1024;
const IDLE_MS = 60_000;
let heapMb = IMPORT_WORKER_HEAP_MB;

type Reply = { id: number } & ({ ok: true; plan: ImportPlan } | { ok: false; error: ApiError } | { ok: false; unexpected: string });

function tooLargeToRead(fileName: string): DomainError {
  return new DomainError(
    'too_large',
    `“${fileName}” is too large to read: it needs more memory than an import may use. Split it into smaller files, or save it as CSV, and import them one after the other.`,
    'contentBase64',
  );
}

let worker: Promise<Worker> | null = null;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;

function currentWorker(): Promise<Worker> {
  worker ??= startScriptWorker(import.meta.url, 'import-worker', { resourceLimits: { maxOldGenerationSizeMb: heapMb } }).then((started) => {
    // An idle import worker must never keep the app (or a test run) from quitting.
    started.unref();
    return started;
  });
  worker.catch(() => (worker = null));
  return worker;
}

function discard(stopped: Worker): void {
  void stopped.terminate();
  if (worker) void worker.then((w) => w === stopped && (worker = null));
}

async function runJob(job: ImportJob): Promise<ImportPlan> {
  clearTimeout(idleTimer);
  const running = await currentWorker();
  const id = nextId++;
  try {
    return await new Promise<ImportPlan>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done();
        if (reply.ok) resolve(reply.plan);
        else if ('error' in reply) reject(new DomainError(reply.error.code, reply.error.message, reply.error.field));
        else reject(new Error(`The import could not be read: ${reply.unexpected}`));
      };
      const onError = (error: NodeJS.ErrnoException) => {
        done();
        discard(running);
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLargeToRead(job.fileName) : error);
      };
      const onExit = (code: number) => {
        done();
        discard(running);
        reject(new Error(`the import worker stopped without an answer (exit code ${code})`));
      };
      const done = () => {
        running.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      running.on('message', onMessage).on('error', onError).on('exit', onExit);
      running.postMessage({ id, job });
    });
  } finally {
    idleTimer = setTimeout(() => discard(running), IDLE_MS);
    idleTimer.unref();
  }
}

/** Tests only: another heap limit, so running out of memory can be seen without gigabytes. The next job starts a new worker. */
export function setImportWorkerHeapMbForTests(megabytes: number): void {
  heapMb = megabytes;
  const current = worker;
  worker = null;
  void current?.then((w) => w.terminate());
}

// One import at a time: the worker's memory limit is for one file, and jobs queue behind each other.
let queue: Promise<unknown> = Promise.resolve();

export function planImportInWorker(job: ImportJob): Promise<ImportPlan> {
  const result = queue.then(() => runJob(job));
  queue = result.catch(() => undefined);
  return result;
}
