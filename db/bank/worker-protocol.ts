/**
 * The messages between the app and the two bank statement workers of an import (bank-worker.ts,
 * worker-client.ts): one reads the file and hands it to the other over a MessageChannel, which
 * warms its page cache meanwhile and then stores the lines.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ApiError } from '../../shared/api/errors';
import type { BankStatement } from '../../shared/contract/bank';
import type { BankAccount } from '../../shared/documents/invoice-document';
import type { ImportCounts } from '../services/bank/import-stage';
import type { IssuedInvoice } from '../services/bank/match';

/** The worker's workerData. */
export interface BankWorkerOptions {
  /** Warm up while waiting for the file, as the worker that will store its lines (warm-up.ts) or read it (warm-up-reading.ts). */
  warmUp: 'storing' | 'reading' | null;
  /** The better-sqlite3 binary the app opens its database with. */
  nativeBinding: string | undefined;
}

export interface BankWorkerData {
  contentBase64: string;
  fileName: string;
  /** Settings' bank accounts when the import began (checked again under the lock in the first stage). */
  accounts: BankAccount[];
}

/** The app's database file (absolute), and the better-sqlite3 binary it is opened with. */
export interface DatabaseFile {
  file: string;
  nativeBinding: string | undefined;
}

/** The turn to write: where, as whom, on the app's clock, and for how long at most. */
export interface StageOrder extends DatabaseFile {
  actor: string;
  /** The app's clock when the turn came: the stage's rows and audit records carry it. */
  at: string;
  budgetMs: number;
  /** The invoices of `invoiceNumbers` (the read reply), once the app has read them (db/services/bank/read-ahead.ts). */
  knownInvoices?: IssuedInvoice[];
}

export type BankWorkerRequest =
  /** To the reading worker: it answers { read }, having first posted the file read (read-file.ts's ReadFile) to `to`. */
  | { kind: 'read'; data: BankWorkerData; to: MessagePort }
  /** To the storing worker: the file it will store comes from `from`; it warms its page cache of `database` meanwhile (warm-cache.ts). */
  | { kind: 'store'; database: DatabaseFile; from: MessagePort }
  | { kind: 'stage'; order: StageOrder }
  | { kind: 'close' };

export type BankWorkerReply =
  /** `invoiceNumbers`: the invoices the lines' QR and RF references name, for the app to read ahead. */
  | { kind: 'read'; ok: true; lines: number; invoiceNumbers: string[] }
  /** Not a statement Order Desk reads: the message says what the file is and what is accepted. */
  | { kind: 'read'; ok: false; message: string }
  /** `statement` once the last stage is done: read on the worker's connection, which has just written it. */
  | { kind: 'staged'; statementId: number; done: number; lines: number; counts: ImportCounts; statement: BankStatement | null }
  /** A warm-up that ran to its end while the worker waited (warm-up.ts); one cut short by the file says nothing. */
  | { kind: 'warmed'; recorded: number }
  /** A reading worker's warm-up that ran to its end (warm-up-reading.ts). */
  | { kind: 'warmed'; read: number }
  | { kind: 'warmed'; failed: string }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'failed'; unexpected: string; message: string; code?: string };
