/**
 * A bank statement file in two worker threads of its own (bank-worker.ts), with bounded memory
 * and time for reading: a hostile or huge file can at worst end them, never stall or crash the
 * app. The app hands the base64 text to one, which reads it and hands it to the other, and
 * learns whether it is a statement of the unit's accounts; meanwhile the other warms its page
 * cache of the database. Then the app gives that one its turns to write (one stage each) and
 * closes both when done.
 */
import { MessageChannel, type Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import type { BankAccount } from '../../shared/documents/invoice-document';
import { ACCEPTED } from './recognise';
import { keepBankWorkerReady, takeWorker } from './waiting-workers';
import type { BankWorkerReply, BankWorkerRequest, DatabaseFile, StageOrder } from './worker-protocol';

const READ_TIME_LIMIT_MS = 120_000;

export class StatementUnreadable extends Error {}

export type StageAnswer = Extract<BankWorkerReply, { kind: 'staged' }>;

export interface OpenStatement {
  /** Lines of the file to store (credits and debits, one per transaction of a batch). */
  lines: number;
  /** The invoices the lines' QR and RF references name. */
  invoiceNumbers: string[];
  /** Runs the next stage in the storing worker: one transaction on its own connection. */
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

/**
 * Reads the file in a worker of its own, for another to store in `database`. A file that is not a
 * statement of the unit's accounts is refused with a DomainError naming `contentBase64`; a
 * reading worker that failed is a StatementUnreadable.
 */
export async function openStatementInWorker(contentBase64: string, fileName: string, accounts: BankAccount[], database: DatabaseFile): Promise<OpenStatement> {
  const [reader, storer] = await Promise.all([takeWorker('reading'), takeWorker('storing')]);
  const stop = () => {
    void reader.terminate();
    void storer.terminate();
    keepBankWorkerReady();
  };
  const { port1, port2 } = new MessageChannel();
  storer.postMessage({ kind: 'store', database, from: port2 } satisfies BankWorkerRequest, [port2]);
  reader.postMessage({ kind: 'read', data: { contentBase64, fileName, accounts }, to: port1 } satisfies BankWorkerRequest, [port1]);
  let read: BankWorkerReply;
  try {
    read = await nextReply(reader, READ_TIME_LIMIT_MS);
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
      const answer = nextReply(storer, null);
      storer.postMessage({ kind: 'stage', order } satisfies BankWorkerRequest);
      const reply = await answer;
      if (reply.kind === 'staged') return reply;
      if (reply.kind === 'failed') throw failureOf(reply);
      throw new Error(`the bank statement worker answered ${reply.kind} to a stage`);
    },
    close() {
      void reader.terminate();
      // Closing its connection first, so a stage's rollback never waits on a terminated thread.
      storer.postMessage({ kind: 'close' } satisfies BankWorkerRequest);
      setTimeout(() => void storer.terminate(), 5_000).unref();
      keepBankWorkerReady();
    },
  };
}
