/**
 * The bank statement workers started ahead of the next file (bank-worker.ts): one to read it and
 * one to store its lines (worker-client.ts), so the clerk never waits for a thread to start.
 * When the app asks, both warm up while they wait (warm-up-reading.ts, warm-up.ts).
 */
import type { Worker } from 'node:worker_threads';
import { backupNativeBinding } from '../backup/runtime';
import { startScriptWorker } from '../workers/script-worker';
import type { BankWorkerOptions, BankWorkerReply } from './worker-protocol';

/**
 * Enough for a 50 MB camt file; a file that needs more is refused, not read. A small young
 * generation (the reading worker's measurements): most of what a parse allocates lives on (the transactions read, and each entry's
 * tree until it is read), and each collection of a large one copied more of it. With 8 MB instead
 * of 64 MB, a 3.3 MB statement was read in 0.30 s instead of 0.38 s while the reader held the
 * whole tree, and still in 445 ms instead of 478 (medians) once it dropped each entry as read, in
 * worker threads started alternately. The stages after collect more often for it: the bench's
 * import took as long as with 64 MB, the same file imported again 0.2 s less.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8, stackSizeMb: 4, codeRangeSizeMb: 64 };

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

type Role = 'storing' | 'reading';

/** The workers started ahead for the next file: the one that will read it and the one that will store its lines. */
const waiting: Record<Role, Promise<WaitingWorker> | null> = { storing: null, reading: null };
/** Whether the workers started ahead warm up while they wait: the app's choice, made once at its start. */
let warmUpWaiting = false;

function startWorker(warmUp: Role | null): Promise<Worker> {
  const workerData: BankWorkerOptions = { warmUp, nativeBinding: backupNativeBinding() };
  // Sources: bundled from bank-worker.ts; the desktop app: bank-worker.cjs beside main.cjs (db/workers/script-worker.ts).
  return startScriptWorker(import.meta.url, 'bank-worker', { resourceLimits: RESOURCE_LIMITS, workerData });
}

/** `left` is called if the worker ends while it waits: the next keepBankWorkerReady starts another. */
function waitingEntry(worker: Worker, warmUp: Role | null, left: () => void): WaitingWorker {
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
 * Whether the workers started from now on warm up while they wait (warm-up.ts, warm-up-reading.ts):
 * half a second to a second of the other core each. The app turns it on at its start; off by default,
 * so that tests importing file after file do not pay it each time.
 */
export function warmUpWaitingBankWorkers(on: boolean): void {
  warmUpWaiting = on;
}

function keepReady(role: Role): void {
  if (waiting[role]) return;
  const warmUp = warmUpWaiting ? role : null;
  const started: Promise<WaitingWorker> = startWorker(warmUp).then((worker) =>
    waitingEntry(worker, warmUp, () => {
      if (waiting[role] === started) waiting[role] = null;
    }),
  );
  waiting[role] = started;
  started.catch(() => {
    if (waiting[role] === started) waiting[role] = null;
  });
}

/**
 * Starts the workers the next import reads and stores its file in, unless they are waiting
 * already: the app calls it once its database is open, and each import when it is done. Starting
 * a worker (a thread, its bundle, better-sqlite3) takes some 0.2 s, which the clerk then never
 * waits for. Each worker still takes one file only: a hostile file ends at most its own.
 */
export function keepBankWorkerReady(): void {
  keepReady('storing');
  keepReady('reading');
}

/** The worker waiting to store the next file's lines, if one is (for tests: which import takes which worker). */
export async function waitingBankWorker(): Promise<Worker | null> {
  const entry = waiting.storing ? await waiting.storing.catch(() => null) : null;
  return entry && !entry.gone ? entry.worker : null;
}

async function warmedUp(role: Role): Promise<WarmUpReport | null> {
  const entry = waiting[role] ? await waiting[role].catch(() => null) : null;
  return entry ? await entry.warmedUp : null;
}

/**
 * The waiting storing worker's warm-up report once it has one, and the reading worker's warm-up
 * done too (for tests and the bench: a clerk's file comes seconds later).
 */
export async function bankWorkerWarmedUp(): Promise<WarmUpReport | null> {
  // The waiting workers keep no process alive (unref), so this wait must.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    const [storing] = await Promise.all([warmedUp('storing'), warmedUp('reading')]);
    return storing;
  } finally {
    clearInterval(keepAlive);
  }
}

/** The waiting worker if it is still there, else a new one. */
export async function takeWorker(role: Role): Promise<Worker> {
  const next = waiting[role];
  waiting[role] = null;
  const entry = next ? await next.catch(() => null) : null;
  // Started now, it gets the file at once: nothing to warm up for.
  if (!entry || entry.gone) return startWorker(null);
  return entry.take();
}

