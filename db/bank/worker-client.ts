/**
 * A bank statement file in its own worker thread (bank-worker.ts), with bounded memory and time
 * for reading: a hostile or huge file can at worst end that worker, never stall or crash the app.
 * The app hands over the base64 text, learns whether it is a statement of the unit's accounts,
 * then gives the worker its turns to write (one stage each) and closes it when done.
 */
import type { Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import type { BankAccount } from '../../shared/documents/invoice-document';
import { backupNativeBinding } from '../backup/runtime';
import { startScriptWorker } from '../workers/script-worker';
import { ACCEPTED } from './recognise';
import type { BankWorkerOptions, BankWorkerReply, BankWorkerRequest, StageOrder } from './worker-protocol';

/**
 * Enough for a 50 MB camt file; a file that needs more is refused, not read. A small young
 * generation: most of what a parse allocates lives on (the transactions read, and each entry's
 * tree until it is read), and each collection of a large one copied more of it. With 8 MB instead
 * of 64 MB, a 3.3 MB statement was read in 0.30 s instead of 0.38 s while the reader held the
 * whole tree, and still in 445 ms instead of 478 (medians) once it dropped each entry as read, in
 * worker threads started alternately. The stages after collect more often for it: the bench's
 * import took as long as with 64 MB, the same file imported again 0.2 s less.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8, stackSizeMb: 4, codeRangeSizeMb: 64 };
const READ_TIME_LIMIT_MS = 120_000;

export class StatementUnreadable extends Error {}

export type StageAnswer = Extract<BankWorkerReply, { kind: 'staged' }>;

export interface OpenStatement {
  /** Lines of the file to store (credits and debits, one per transaction of a batch). */
  lines: number;
  /** The invoices the lines' QR and RF references name. */
  invoiceNumbers: string[];
  /** Runs the next stage in the worker: one transaction on its own connection. */
  stage(order: StageOrder): Promise<StageAnswer>;
  close(): void;
}

function failureOf(reply: Extract<BankWorkerReply, { kind: 'failed' }>): Error {
  if ('error' in reply) return new DomainError(reply.error.code, reply.error.message, reply.error.field);
  const error = Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
  error.stack = `Error in the bank statement worker: ${reply.unexpected}`;
  return error;
}

function memoryError(error: Error & { code?: string }): boolean {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory|heap/i.test(error.message);
}

/** The next reply of the worker, or why there is none. */
function nextReply(worker: Worker, timeLimitMs: number | null): Promise<BankWorkerReply> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (reply: BankWorkerReply) => {
      // A warm-up that ended just before the file came: the reply to the file follows.
      if (reply.kind === 'warmed') return;
      done();
      resolve(reply);
    };
    const onError = (error: Error & { code?: string }) => {
      done();
      reject(
        memoryError(error)
          ? new StatementUnreadable('This file needs more memory to read than any bank statement does, so it was not read. Split it into smaller files (one per day or account). Nothing was imported.')
          : error,
      );
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`the bank statement worker stopped without an answer (exit code ${code})`));
    };
    const timer =
      timeLimitMs === null
        ? undefined
        : setTimeout(() => {
            done();
            reject(new StatementUnreadable(`Reading the file took more than ${timeLimitMs / 1000} seconds and was stopped. ${ACCEPTED}`));
            void worker.terminate();
          }, timeLimitMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

export type WarmUpReport = Extract<BankWorkerReply, { kind: 'warmed' }>;

/** A worker started before its file came, and whether it is still there to take one. */
interface WaitingWorker {
  worker: Worker;
  gone: boolean;
  /** Its warm-up's report, or null if it sends none (not warming up, cut short by the file, gone). */
  warmedUp: Promise<WarmUpReport | null>;
  /** Stops watching it as it waits: it is taken for a file. */
  take(): Worker;
}

let waiting: Promise<WaitingWorker> | null = null;
/** Whether a worker started ahead warms up while it waits: the app's choice, made once at its start. */
let warmUpWaiting = false;

function startWorker(warmUp: boolean): Promise<Worker> {
  const workerData: BankWorkerOptions = { warmUp, nativeBinding: backupNativeBinding() };
  // Sources: bundled from bank-worker.ts; the desktop app: bank-worker.cjs beside main.cjs (db/workers/script-worker.ts).
  return startScriptWorker(import.meta.url, 'bank-worker', { resourceLimits: RESOURCE_LIMITS, workerData });
}

/** `left` is called if the worker ends while it waits: the next keepBankWorkerReady starts another. */
function waitingEntry(worker: Worker, warmUp: boolean, left: () => void): WaitingWorker {
  let report: (answer: WarmUpReport | null) => void = () => undefined;
  const warmedUp = warmUp ? new Promise<WarmUpReport | null>((resolve) => (report = resolve)) : Promise.resolve(null);
  const ended = () => {
    entry.gone = true;
    report(null);
    left();
  };
  const onMessage = (reply: BankWorkerReply) => {
    if (reply.kind === 'warmed') report(reply);
  };
  const entry: WaitingWorker = {
    worker,
    gone: false,
    warmedUp,
    take() {
      worker.off('error', ended).off('exit', ended).off('message', onMessage);
      report(null);
      worker.ref();
      return worker;
    },
  };
  worker.on('error', ended).on('exit', ended).on('message', onMessage);
  // Idle, it must neither keep the process alive nor, should it fail, take the app down. After the
  // listeners: one added for 'message' refs the worker again.
  worker.unref();
  return entry;
}

/**
 * Whether the workers started from now on warm up while they wait (warm-up.ts): half a second to
 * a second of the other core each. The app turns it on at its start; off by default, so that
 * tests importing file after file do not pay it each time.
 */
export function warmUpWaitingBankWorkers(on: boolean): void {
  warmUpWaiting = on;
}

/**
 * Starts the worker the next import reads its file in, unless one is waiting already: the app
 * calls it once its database is open, and each import when it is done. Starting a worker (a
 * thread, its bundle, better-sqlite3) takes some 0.2 s, which the clerk then never waits for.
 * Each worker still reads one file only: a hostile file ends at most its own.
 */
export function keepBankWorkerReady(): void {
  if (waiting) return;
  const warmUp = warmUpWaiting;
  const started: Promise<WaitingWorker> = startWorker(warmUp).then((worker) =>
    waitingEntry(worker, warmUp, () => {
      if (waiting === started) waiting = null;
    }),
  );
  waiting = started;
  started.catch(() => {
    if (waiting === started) waiting = null;
  });
}

/** The worker waiting for the next file, if one is (for tests: which import takes which worker). */
export async function waitingBankWorker(): Promise<Worker | null> {
  const entry = waiting ? await waiting.catch(() => null) : null;
  return entry && !entry.gone ? entry.worker : null;
}

/** The waiting worker's warm-up report once it has one (for tests and the bench: a clerk's file comes seconds later). */
export async function bankWorkerWarmedUp(): Promise<WarmUpReport | null> {
  // The waiting worker keeps no process alive (unref), so this wait must.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    const entry = waiting ? await waiting.catch(() => null) : null;
    return entry ? await entry.warmedUp : null;
  } finally {
    clearInterval(keepAlive);
  }
}

/** The waiting worker if it is still there, else a new one. */
async function takeWorker(): Promise<Worker> {
  const next = waiting;
  waiting = null;
  const entry = next ? await next.catch(() => null) : null;
  // Started now, it gets the file at once: nothing to warm up for.
  if (!entry || entry.gone) return startWorker(false);
  return entry.take();
}

/**
 * Reads the file in a worker of its own. A file that is not a statement of the unit's accounts is
 * refused with a DomainError naming `contentBase64`; a worker that failed is a StatementUnreadable.
 */
export async function openStatementInWorker(contentBase64: string, fileName: string, accounts: BankAccount[]): Promise<OpenStatement> {
  const worker = await takeWorker();
  const stop = () => {
    void worker.terminate();
    keepBankWorkerReady();
  };
  worker.postMessage({ kind: 'file', data: { contentBase64, fileName, accounts } } satisfies BankWorkerRequest);
  let read: BankWorkerReply;
  try {
    read = await nextReply(worker, READ_TIME_LIMIT_MS);
  } catch (error) {
    stop();
    throw error;
  }
  if (read.kind === 'failed') {
    stop();
    const failure = failureOf(read);
    throw failure instanceof DomainError ? new DomainError(failure.code, failure.message, 'contentBase64') : failure;
  }
  if (read.kind !== 'read') {
    stop();
    throw new Error(`the bank statement worker answered ${read.kind} before reading`);
  }
  if (!read.ok) {
    stop();
    throw new DomainError('invalid_input', read.message, 'contentBase64');
  }
  return {
    lines: read.lines,
    invoiceNumbers: read.invoiceNumbers,
    async stage(order) {
      const answer = nextReply(worker, null);
      worker.postMessage({ kind: 'stage', order } satisfies BankWorkerRequest);
      const reply = await answer;
      if (reply.kind === 'staged') return reply;
      if (reply.kind === 'failed') throw failureOf(reply);
      throw new Error(`the bank statement worker answered ${reply.kind} to a stage`);
    },
    close() {
      // Closing its connection first, so a stage's rollback never waits on a terminated thread.
      worker.postMessage({ kind: 'close' } satisfies BankWorkerRequest);
      setTimeout(() => void worker.terminate(), 5_000).unref();
      keepBankWorkerReady();
    },
  };
}
