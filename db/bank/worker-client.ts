/**
 * Reads a bank statement file in a short-lived worker thread with bounded memory and time:
 * a hostile or huge file can at worst end that worker, never stall or crash the app. The
 * main thread only hands over the base64 text and gets back the parsed file, its SHA-256 and
 * its bytes (transferred, not copied) to store.
 */
import { startScriptWorker } from '../workers/script-worker';
import type { CamtReadResult } from './camt-model';
import { ACCEPTED } from './recognise';

export interface WorkerReply {
  result: CamtReadResult;
  sha256: string;
  bytes: Uint8Array;
}

/** Enough for a 50 MB camt file's tree; a file that needs more is refused, not read. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, stackSizeMb: 4, codeRangeSizeMb: 64 };
const TIME_LIMIT_MS = 120_000;

export class StatementUnreadable extends Error {}

/** The file read in a worker; refusals are answered in `result`, a worker that failed is a StatementUnreadable. */
export async function readStatementInWorker(contentBase64: string): Promise<WorkerReply> {
  // Sources: bundled from bank-worker.ts; the desktop app: bank-worker.cjs beside main.cjs (db/workers/script-worker.ts).
  const worker = await startScriptWorker(import.meta.url, 'bank-worker', { workerData: { contentBase64 }, resourceLimits: RESOURCE_LIMITS });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new StatementUnreadable(`Reading the file took more than ${TIME_LIMIT_MS / 1000} seconds and was stopped. ${ACCEPTED}`)));
      void worker.terminate();
    }, TIME_LIMIT_MS);
    worker.once('message', (reply: WorkerReply) => finish(() => resolve(reply)));
    worker.once('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory|heap/i.test(error.message);
      finish(() =>
        reject(
          memory
            ? new StatementUnreadable(`This file needs more memory to read than any bank statement does, so it was not read. Split it into smaller files (one per day or account). Nothing was imported.`)
            : error,
        ),
      );
    });
    worker.once('exit', (code) => finish(() => reject(new Error(`the bank statement worker stopped without an answer (exit code ${code})`))));
  });
}
