/**
 * Entry of the bank statement worker threads: two per file imported, started before the file
 * comes (waiting-workers.ts keeps them ready, warming up meanwhile when the app asks: warm-up.ts,
 * warm-up-reading.ts).
 *
 * The reading worker, handed the file with { read }, decodes it, refuses what is not a camt.053
 * or camt.054 (recognise.ts), parses it (camt-read.ts), hashes it and checks its accounts against
 * the ones the app sent (read-file.ts); it hands what it read to the storing worker and answers
 * { read } with what the clerk needs to know. The storing worker, told with { store } where the
 * file will come from, opens the database and reads into its page cache what the stages will
 * touch (warm-cache.ts) while the file is read, on the other core. Then, each time the app gives
 * it the turn to write ({ stage }), it stores, matches and records the next lines in one
 * transaction on its connection (db/services/bank/import-stage.ts) and answers { staged };
 * { close } ends it.
 *
 * All of it is CPU and disk work on up to 50 MB and 10,000s of payments, kept off the thread that
 * answers the clerk: the window and browser mode's API go on meanwhile, their reads at once (WAL),
 * their writes between two stages (db/write-gate.ts). Bundled as dist/electron/bank-worker.cjs for
 * the desktop app (build/bundle-electron.mjs); from the sources elsewhere (db/workers/script-worker.ts).
 */
import fs from 'node:fs';
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import { openConnection, schemaVersion, type Db } from '../connection';
import { createContext, withStableReads } from '../context';
import { LATEST_VERSION } from '../migrations';
import { finishImport, newImportRun, runStage, type ImportRun } from '../services/bank/import-stage';
import { statementById } from '../services/bank/read';
import { inWriteTransaction } from '../transactions';
import { readStatementFile, type ReadFile } from './read-file';
import { warmPageCache } from './warm-cache';
import { warmUpImport } from './warm-up';
import { warmUpReading } from './warm-up-reading';
import type { BankWorkerOptions, BankWorkerReply, BankWorkerRequest, DatabaseFile, StageOrder } from './worker-protocol';

if (!parentPort) throw new Error('bank-worker must run as a worker thread.');
const port = parentPort;
const post = (reply: BankWorkerReply) => port.postMessage(reply);

function failure(error: unknown): BankWorkerReply {
  if (error instanceof DomainError) return { kind: 'failed', error: error.toApiError() };
  const code = (error as { code?: unknown } | null)?.code;
  return { kind: 'failed', unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error), message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

/** Room for the pages one import touches: 10,000 payments on 100,000 orders touch under 100 MB of them. */
const IMPORT_CACHE_KIB = 256 * 1024;

interface OpenDatabase {
  db: Db;
  file: string;
  identity: string | null;
}

let open: OpenDatabase | null = null;

/** Which file is under the name now: a restored backup is another file (renamed into its place). */
function identityOf(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * The connection to the app's database, opened once. `nothingWritten`: no stage committed yet, so
 * should the file under its name have been replaced since it was opened (a backup restored while
 * the file was read), it is opened again; later, the import stops rather than go on in the file
 * the restored one replaced.
 */
function connection(database: DatabaseFile, nothingWritten: boolean): Db {
  if (open && open.file === database.file && open.identity !== null && open.identity === identityOf(database.file)) return open.db;
  if (open) {
    if (!nothingWritten) {
      throw new DomainError('conflict', 'The database was restored from a backup while this statement was being imported, so the restored database does not have its lines');
    }
    open.db.close();
    open = null;
  }
  const identity = identityOf(database.file);
  const db = openConnection(database.file, { nativeBinding: database.nativeBinding, fileMustExist: true });
  // The app brought the schema up to date when it opened the file; another version means another file.
  const version = schemaVersion(db);
  if (version !== LATEST_VERSION) {
    db.close();
    throw new Error(`the database file has schema ${version}, not ${LATEST_VERSION}`);
  }
  open = { db, file: database.file, identity };
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
  const db = connection(order, run.statementId === 0);
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

/** Where the storing worker's file comes from, until its first stage takes it. */
let from: MessagePort | null = null;
let run: ImportRun | null = null;
let fileCame = false;

/** The file the reading worker read, once it came (it posts it before it answers the app, so it is here before any stage). */
let arrived: ReadFile | null = null;

function fileArrived(): ReadFile | null {
  if (!arrived && from) {
    const received = receiveMessageOnPort(from);
    if (received) {
      arrived = received.message as ReadFile;
      from.close();
    }
  }
  return arrived;
}

const options = workerData as BankWorkerOptions | undefined;
// Only a head start: a warm-up that failed leaves the import as fast as a cold worker's.
const warmUpFailed = (error: unknown) => post({ kind: 'warmed', failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
if (options?.warmUp === 'storing') warmUpImport(() => fileCame, options.nativeBinding).then((done) => done && post({ kind: 'warmed', recorded: done.recorded }), warmUpFailed);
if (options?.warmUp === 'reading') warmUpReading(() => fileCame).then((lines) => lines !== null && post({ kind: 'warmed', read: lines }), warmUpFailed);

port.on('message', (request: BankWorkerRequest) => {
  if (request.kind === 'read') {
    fileCame = true;
    try {
      const result = readStatementFile(request.data);
      if (!result.ok) {
        post({ kind: 'read', ok: false, message: result.message });
        return;
      }
      request.to.postMessage(result.read);
      post({ kind: 'read', ok: true, lines: result.read.prepared.lines.length, invoiceNumbers: result.invoiceNumbers });
    } catch (error) {
      post(failure(error));
    }
    return;
  }
  if (request.kind === 'store') {
    fileCame = true;
    from = request.from;
    try {
      // Only a head start: if the database cannot be opened now, the first stage says why.
      void warmPageCache(connection(request.database, true), () => fileArrived() !== null).catch(() => undefined);
    } catch {
      // As above.
    }
    return;
  }
  if (request.kind === 'close') {
    // After the answer: the clerk does not wait for it, and the app's reads and writes go on meanwhile (a passive checkpoint).
    try {
      open?.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Left to the app's next write, which checkpoints as usual.
    }
    open?.db.close();
    open = null;
    port.close();
    return;
  }
  try {
    if (!run) {
      const file = fileArrived();
      if (!file) throw new Error('the bank statement reader handed over no file');
      run = newImportRun(file);
    }
    post(stage(run, request.order));
  } catch (error) {
    post(failure(error));
  }
});
