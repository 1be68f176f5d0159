/**
 * Entry of the bank statement worker thread, one per file imported. First it decodes the file,
 * refuses what is not a camt.053 or camt.054 (recognise.ts), parses it (camt-read.ts), hashes it
 * and checks its accounts against the ones the app sent (prepare.ts), and answers { read } with
 * what the clerk needs to know. Then, each time the app gives it the turn to write ({ stage }),
 * it stores, matches and records the next lines in one transaction on a connection of its own
 * (db/services/bank/import-stage.ts) and answers { staged }; { close } ends it.
 *
 * All of it is CPU and disk work on up to 50 MB and 10,000s of payments, kept off the thread that
 * answers the clerk: the window and browser mode's API go on meanwhile, their reads at once (WAL),
 * their writes between two stages (db/write-gate.ts). Bundled as dist/electron/bank-worker.cjs for
 * the desktop app (build/bundle-electron.mjs); from the sources elsewhere (db/workers/script-worker.ts).
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import { openConnection, schemaVersion, type Db } from '../connection';
import { createContext } from '../context';
import { LATEST_VERSION } from '../migrations';
import { importStage, NO_COUNTS, addCounts, type ImportRun } from '../services/bank/import-stage';
import { prepareFile } from '../services/bank/prepare';
import { statementById } from '../services/bank/read';
import { inWriteTransaction } from '../transactions';
import { readCamt } from './camt-read';
import type { BankWorkerData, BankWorkerReply, BankWorkerRequest, StageOrder } from './worker-protocol';

if (!parentPort) throw new Error('bank-worker must run as a worker thread.');
const port = parentPort;
const post = (reply: BankWorkerReply) => port.postMessage(reply);

function failure(error: unknown): BankWorkerReply {
  if (error instanceof DomainError) return { kind: 'failed', error: error.toApiError() };
  const code = (error as { code?: unknown } | null)?.code;
  return { kind: 'failed', unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error), message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

function read({ contentBase64, fileName, accounts }: BankWorkerData): ImportRun | null {
  const buffer = Buffer.from(contentBase64, 'base64');
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = readCamt(bytes);
  if (!result.ok) {
    post({ kind: 'read', ok: false, message: result.message });
    return null;
  }
  const prepared = prepareFile(result.file, accounts);
  post({ kind: 'read', ok: true, lines: prepared.lines.length });
  return { fileName, sha256, bytes, file: result.file, prepared, statementId: 0, done: 0, totals: { ...NO_COUNTS }, entriesSettled: new Map() };
}

let db: Db | null = null;

function connection(order: StageOrder): Db {
  if (db) return db;
  db = openConnection(order.file, { nativeBinding: order.nativeBinding, fileMustExist: true });
  // The app brought the schema up to date when it opened the file; another version means another file.
  const version = schemaVersion(db);
  if (version !== LATEST_VERSION) throw new Error(`the database file has schema ${version}, not ${LATEST_VERSION}`);
  return db;
}

function stage(run: ImportRun, order: StageOrder): BankWorkerReply {
  const ctx = createContext(connection(order), order.actor, () => new Date(order.at));
  const step = inWriteTransaction(ctx, (w) => importStage(w, run, order.budgetMs));
  run.statementId = step.statementId;
  run.done = step.next;
  run.totals = addCounts(run.totals, step.counts);
  const lines = run.prepared.lines.length;
  const statement = run.done >= lines ? statementById(ctx, run.statementId) : null;
  return { kind: 'staged', statementId: run.statementId, done: run.done, lines, counts: run.totals, statement };
}

let run: ImportRun | null = null;
try {
  run = read(workerData as BankWorkerData);
} catch (error) {
  post(failure(error));
}

port.on('message', (request: BankWorkerRequest) => {
  if (request.kind === 'close') {
    db?.close();
    db = null;
    port.close();
    return;
  }
  if (!run) {
    post({ kind: 'failed', unexpected: 'no file was read', message: 'the bank statement worker has no file to import' });
    return;
  }
  try {
    post(stage(run, request.order));
  } catch (error) {
    post(failure(error));
  }
});
