/**
 * Entry of the bank statement worker thread, one per file imported, started before the file comes
 * (worker-client.ts keeps one ready, warming up meanwhile when the app asks: warm-up.ts) and
 * handed it with { file }. First it decodes the file, refuses what is not a camt.053 or camt.054
 * (recognise.ts), parses it (camt-read.ts), hashes it and checks its accounts against the ones the
 * app sent (prepare.ts), and answers { read } with what the clerk needs to know. Then, each time
 * the app gives it the turn to write ({ stage }), it stores, matches and records the next lines in
 * one transaction on a connection of its own (db/services/bank/import-stage.ts) and answers
 * { staged }; { close } ends it.
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
import { createContext, withStableReads } from '../context';
import { LATEST_VERSION } from '../migrations';
import { finishImport, newImportRun, runStage, type ImportRun } from '../services/bank/import-stage';
import { invoiceNumbersReferenced } from '../services/bank/match';
import { prepareFile } from '../services/bank/prepare';
import { statementById } from '../services/bank/read';
import { inWriteTransaction } from '../transactions';
import { readCamt } from './camt-read';
import { warmUpImport } from './warm-up';
import type { BankWorkerData, BankWorkerOptions, BankWorkerReply, BankWorkerRequest, StageOrder } from './worker-protocol';

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
  post({ kind: 'read', ok: true, lines: prepared.lines.length, invoiceNumbers: invoiceNumbersReferenced(prepared.lines) });
  return newImportRun({ fileName, sha256, bytes, file: result.file, prepared });
}

/** Room for the pages one import touches: 10,000 payments on 100,000 orders touch under 100 MB of them. */
const IMPORT_CACHE_KIB = 256 * 1024;

let db: Db | null = null;

function connection(order: StageOrder): Db {
  if (db) return db;
  db = openConnection(order.file, { nativeBinding: order.nativeBinding, fileMustExist: true });
  // The app brought the schema up to date when it opened the file; another version means another file.
  const version = schemaVersion(db);
  if (version !== LATEST_VERSION) throw new Error(`the database file has schema ${version}, not ${LATEST_VERSION}`);
  // Copying the write-ahead log into the database after each stage took most of its commit (the
  // pages of thousands of payments, synced each time): done once, when the worker closes.
  db.pragma('wal_autocheckpoint = 0');
  // Recording a payment touches pages all over the orders' indexes and the audit trail, which the
  // next thousands of payments touch again: with SQLite's default 2 MB cache they were read again
  // and again (and a stage's changes spilled before its commit). Held only while this worker lives.
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return db;
}

/**
 * A stage's commit is not synced to the disk (synchronous NORMAL): a sync took about 40 ms of each
 * stage. The import is answered only after its closing transaction, synced (FULL), and that sync
 * makes every stage before it durable too: they are earlier in the same write-ahead log. Power lost
 * half-way loses at most stages no one was told about, and importing the file again brings them in.
 */
function stage(run: ImportRun, order: StageOrder): BankWorkerReply {
  const db = connection(order);
  for (const invoice of order.knownInvoices ?? []) run.knownInvoices.set(invoice.number, invoice);
  // A stage changes neither Settings nor a month's closing: each date it checks needs them read once.
  const at = Date.parse(order.at);
  const ctx = withStableReads(createContext(db, order.actor, () => new Date(at)));
  db.pragma('synchronous = NORMAL');
  runStage(ctx, run, order.budgetMs);
  const lines = run.prepared.lines.length;
  if (run.done < lines) return { kind: 'staged', statementId: run.statementId, done: run.done, lines, counts: run.totals, statement: null };
  db.pragma('synchronous = FULL');
  inWriteTransaction(ctx, (w) => finishImport(w, run));
  return { kind: 'staged', statementId: run.statementId, done: run.done, lines, counts: run.totals, statement: statementById(ctx, run.statementId) };
}

let run: ImportRun | null = null;
let fileCame = false;

const options = workerData as BankWorkerOptions | undefined;
if (options?.warmUp) {
  // Only a head start: a warm-up that failed leaves the import as fast as a cold worker's.
  warmUpImport(() => fileCame, options.nativeBinding).then(
    (done) => done && post({ kind: 'warmed', recorded: done.recorded }),
    (error: unknown) => post({ kind: 'warmed', failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}

port.on('message', (request: BankWorkerRequest) => {
  if (request.kind === 'file') {
    fileCame = true;
    try {
      run = read(request.data);
    } catch (error) {
      post(failure(error));
    }
    return;
  }
  if (request.kind === 'close') {
    // After the answer: the clerk does not wait for it, and the app's reads and writes go on meanwhile (a passive checkpoint).
    try {
      db?.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Left to the app's next write, which checkpoints as usual.
    }
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
