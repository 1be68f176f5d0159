/**
 * The main thread's side of the SMTP worker (smtp-worker.ts): one worker, kept while there is
 * work and stopped after a minute without, several sends in flight told apart by id.
 *
 * A worker that dies while a mail is being handed over cannot say whether the server took it:
 * that send is rejected with SmtpWorkerLost, and the sender marks the mail `uncertain`, never
 * sent and never failed.
 */
import type { Worker } from 'node:worker_threads';
import { startScriptWorker } from '../workers/script-worker';
import type { SmtpReply } from './smtp-worker';
import type { SmtpJob, SmtpOutcome, SmtpTransport } from './smtp-types';

export class SmtpWorkerLost extends Error {
  override readonly name = 'SmtpWorkerLost';
}

const IDLE_MS = 60_000;

export function createWorkerTransport(): SmtpTransport {
  let worker: Promise<Worker> | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;
  const pending = new Map<number, { resolve: (outcome: SmtpOutcome) => void; reject: (error: Error) => void }>();

  const lose = (error: Error) => {
    worker = null;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(error);
    }
  };

  const current = (): Promise<Worker> => {
    worker ??= startScriptWorker(import.meta.url, 'smtp-worker', {}).then((started) => {
      // An idle worker must never keep the app (or a test run) from quitting.
      started.unref();
      started.on('message', (reply: SmtpReply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        waiting?.resolve(reply.outcome);
      });
      started.on('error', (error) => lose(new SmtpWorkerLost(`the SMTP worker failed: ${error.message}`)));
      started.on('exit', (code) => lose(new SmtpWorkerLost(`the SMTP worker stopped (exit code ${code})`)));
      return started;
    });
    worker.catch(() => (worker = null));
    return worker;
  };

  const idleLater = () => {
    clearTimeout(idleTimer);
    if (pending.size > 0) return;
    idleTimer = setTimeout(() => {
      const stopping = worker;
      worker = null;
      void stopping?.then((w) => w.terminate());
    }, IDLE_MS);
    idleTimer.unref();
  };

  return {
    async send(job: SmtpJob): Promise<SmtpOutcome> {
      clearTimeout(idleTimer);
      const running = await current();
      const id = nextId++;
      try {
        return await new Promise<SmtpOutcome>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          running.postMessage({ id, job });
        });
      } finally {
        idleLater();
      }
    },
    async close(): Promise<void> {
      clearTimeout(idleTimer);
      const stopping = worker;
      worker = null;
      if (stopping) await (await stopping).terminate();
    },
  };
}
