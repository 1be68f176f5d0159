/**
 * The import worker thread: reads and plans import files (plan-import.ts), and writes a
 * committed import's rows on its own connection (write-import.ts). Bundled as
 * dist/electron/import-worker.cjs for the desktop app (build/bundle-electron.mjs).
 *
 * Messages in, each with an id:
 * - { job }: plan; answered { ok, plan } (a preview).
 * - { commit, skipRowsWithProblems }: plan; when no row has a problem (or the clerk chose to
 *   skip those and the others may go in), answered { ready } and the rows wait for { write } —
 *   the app's turn to write — then written and answered { ok, outcome }.
 * A refusal a clerk can read is answered { ok: false, error }; anything else { ok: false, unexpected }.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import { planImport, type ImportJob, type ImportPlan } from './plan-import';
import { writeImport, type WriteOrder, type WriteOutcome } from './write-import';

if (!parentPort) throw new Error('import-worker must run as a worker thread.');
const port = parentPort;

export type ImportWorkerRequest = { id: number } & ({ job: ImportJob } | { commit: ImportJob; skipRowsWithProblems: boolean } | { write: WriteOrder });

/** The planned rows of each commit waiting for its turn to write. */
const waiting = new Map<number, (order: WriteOrder) => void>();

async function commit(id: number, job: ImportJob, skipRowsWithProblems: boolean): Promise<{ outcome: WriteOutcome }> {
  const plan = await planImport({ ...job, purpose: 'commit' });
  const { report } = plan;
  const skipping = skipRowsWithProblems && report.canSkipRowsWithProblems;
  if (report.problemCount > 0 && !skipping) return { outcome: { kind: 'problems', report } };
  const order = await new Promise<WriteOrder>((resolve) => {
    waiting.set(id, resolve);
    port.postMessage({ id, ready: true });
  });
  waiting.delete(id);
  return { outcome: writeImport(order, job, plan, skipping ? report.rowsWithProblemsCount : 0) };
}

function failure(id: number, error: unknown) {
  if (error instanceof DomainError) return { id, ok: false, error: error.toApiError() };
  // SQLite's code (SQLITE_BUSY, SQLITE_CONSTRAINT_…) goes along: the app answers by it (db/api/invoke.ts).
  const code = (error as { code?: unknown } | null)?.code;
  return {
    id,
    ok: false,
    unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error),
    message: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

port.on('message', (request: ImportWorkerRequest) => {
  const { id } = request;
  if ('write' in request) {
    waiting.get(id)?.(request.write);
    return;
  }
  const work: Promise<{ plan: ImportPlan } | { outcome: WriteOutcome }> = 'commit' in request ? commit(id, request.commit, request.skipRowsWithProblems) : planImport(request.job).then((plan) => ({ plan }));
  work.then(
    (answer) => port.postMessage({ id, ok: true, ...answer }),
    (error: unknown) => port.postMessage(failure(id, error)),
  );
});
