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
  type Waiting = { resolve: (outcome: SmtpOutcome) => void; reject: (error: Error) => void };
  // Per worker: an idle worker being stopped must not take a newer worker's sends with it.
  const pendingOf = new Map<Worker, Map<number, Waiting>>();
  const inFlight = () => [...pendingOf.values()].reduce((n, m) => n + m.size, 0);

  const current = (): Promise<Worker> => {
    if (worker) return worker;
    const starting = startScriptWorker(import.meta.url, 'smtp-worker', {}).then((started) => {
      // An idle worker must never keep the app (or a test run) from quitting.
      started.unref();
      const pending = new Map<number, Waiting>();
      pendingOf.set(started, pending);
      const lose = (error: Error) => {
        pendingOf.delete(started);
        if (worker === starting) worker = null;
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      };
      started.on('message', (reply: SmtpReply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        waiting?.resolve(reply.outcome);
      });
      started.on('error', (error) => lose(new SmtpWorkerLost(`the SMTP worker failed: ${error.message}`)));
      started.on('exit', (code) => lose(new SmtpWorkerLost(`the SMTP worker stopped (exit code ${code})`)));
      return started;
    });
    worker = starting;
    starting.catch(() => {
      if (worker === starting) worker = null;
    });
    return starting;
  };

  const idleLater = () => {
    clearTimeout(idleTimer);
    if (inFlight() > 0) return;
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
      let running = await current();
      // A worker that stopped before this mail reached it (idle, crashed): the mail is not out yet, so a new worker takes it.
      for (let tries = 0; !pendingOf.has(running) && tries < 3; tries += 1) running = await current();
      const pending = pendingOf.get(running);
      if (!pending) throw new Error('the SMTP worker could not be started');
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
