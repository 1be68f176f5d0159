/**
 * Runs import planning (plan-import.ts), and the writing of a committed import's rows
 * (write-import.ts), in a worker thread with a memory limit, one job at a time. Reading a
 * 50,000-row file and writing its rows take seconds each: on the main thread they would stop
 * the desktop window and browser mode's API meanwhile. And a file that needs more memory than the limit
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
import type { ImportWorkerRequest } from './import-worker';
import type { ImportJob, ImportPlan } from './plan-import';
import type { WriteOrder, WriteOutcome } from './write-import';

/**
 * The worker's JavaScript heap. A 50,000-row workbook of 12 columns (2.7 MB) is read within
 * 256 MB (measured); a workbook at the 10 MB upload limit holds about four times as much. 1 GB
 * leaves room for that, and keeps an import well below what would squeeze an office PC.
 */
export const IMPORT_WORKER_HEAP_MB = 1024;
const IDLE_MS = 60_000;
let heapMb = IMPORT_WORKER_HEAP_MB;

type Answer = { plan: ImportPlan } | { outcome: WriteOutcome };
type Reply = { id: number } & ({ ready: true } | ({ ok: true } & Answer) | { ok: false; error: ApiError } | { ok: false; unexpected: string; message: string; code?: string });
type Request = ImportWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The worker's own error, as the app answers it: with SQLite's code (busy, a constraint) when it has one. */
function unexpectedError(reply: { unexpected: string; message: string; code?: string }): Error {
  const error = Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
  error.stack = `Error in the import worker: ${reply.unexpected}`;
  return error;
}

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

type OnReady = (post: (request: Request) => void, answered: Promise<unknown>, abort: (error: unknown) => void) => void;

/**
 * Sends one request and resolves with its answer. A commit's worker says when its rows are
 * planned ({ ready }): `onReady` then sends it the order to write, and gets the answer to wait for.
 */
async function runJob(fileName: string, request: Request, onReady?: OnReady): Promise<Answer> {
  clearTimeout(idleTimer);
  const running = await currentWorker();
  const id = nextId++;
  try {
    let answered: Promise<unknown> = Promise.resolve();
    const answer = new Promise<Answer>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if ('ready' in reply) {
          // The worker waits with the planned rows: without an order it would wait for ever, so it goes.
          const abort = (error: unknown) => {
            done();
            discard(running);
            reject(error);
          };
          onReady?.((next) => running.postMessage({ id, ...next }), answered, abort);
          return;
        }
        done();
        if (reply.ok) resolve(reply);
        else if ('error' in reply) reject(new DomainError(reply.error.code, reply.error.message, reply.error.field));
        else reject(unexpectedError(reply));
      };
      const onError = (error: NodeJS.ErrnoException) => {
        done();
        discard(running);
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLargeToRead(fileName) : error);
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
      running.postMessage({ id, ...request });
    });
    answered = answer.catch(() => undefined);
    return await answer;
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

function queued<T>(job: () => Promise<T>): Promise<T> {
  const result = queue.then(job);
  queue = result.catch(() => undefined);
  return result;
}

export function planImportInWorker(job: ImportJob): Promise<ImportPlan> {
  return queued(async () => {
    const answer = await runJob(job.fileName, { job });
    if (!('plan' in answer)) throw new Error('the import worker answered a plan request with an outcome');
    return answer.plan;
  });
}

/** How a commit gets its turn to write: the app's part (db/transfer/import.ts). */
export interface WriteTurn {
  /** Runs `write` (which resolves once the rows are written or refused) while the app's own writes wait. */
  hold(write: () => Promise<unknown>): Promise<unknown>;
  /** The order to write, made when the turn has come. */
  order(): WriteOrder;
}

/**
 * Plans the job's rows in the worker and, when no row has a problem (or those may be skipped, as
 * the clerk chose), writes them there in one transaction once `turn` gives the word; the worker
 * holds the write lock until it answers.
 */
export function commitImportInWorker(job: ImportJob, skipRowsWithProblems: boolean, turn: WriteTurn): Promise<WriteOutcome> {
  return queued(async () => {
    const answer = await runJob(job.fileName, { commit: job, skipRowsWithProblems }, (post, answered, abort) => {
      turn
        .hold(() => {
          post({ write: turn.order() });
          return answered;
        })
        .catch(abort);
    });
    if (!('outcome' in answer)) throw new Error('the import worker answered a commit with a plan');
    return answer.outcome;
  });
}
