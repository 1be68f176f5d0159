/**
 * The import worker thread: reads and plans import files (plan-import.ts), one job per message,
 * and posts each plan or the refusal a clerk can read. Bundled as dist/electron/import-worker.cjs
 * for the desktop app (build/bundle-electron.mjs). Messages in: { id, job }; out: { id, ok, … }.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import { planImport, type ImportJob } from './plan-import';

if (!parentPort) throw new Error('import-worker must run as a worker thread.');
const port = parentPort;

port.on('message', ({ id, job }: { id: number; job: ImportJob }) => {
  planImport(job).then(
    (plan) => port.postMessage({ id, ok: true, plan }),
    (error: unknown) =>
      port.postMessage(
        error instanceof DomainError
          ? { id, ok: false, error: error.toApiError() }
          : { id, ok: false, unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      ),
  );
});
