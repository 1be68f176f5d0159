/** The messages between the app and a bank statement worker (bank-worker.ts, worker-client.ts). */
import type { ApiError } from '../../shared/api/errors';
import type { BankStatement } from '../../shared/contract/bank';
import type { BankAccount } from '../../shared/documents/invoice-document';
import type { ImportCounts } from '../services/bank/import-stage';
import type { IssuedInvoice } from '../services/bank/match';

/** The worker's workerData. */
export interface BankWorkerOptions {
  /** Warm up while waiting for the file (warm-up.ts), with the better-sqlite3 binary the app opens its database with. */
  warmUp: boolean;
  nativeBinding: string | undefined;
}

export interface BankWorkerData {
  contentBase64: string;
  fileName: string;
  /** Settings' bank accounts when the import began (checked again under the lock in the first stage). */
  accounts: BankAccount[];
}

/** The turn to write: where, as whom, on the app's clock, and for how long at most. */
export interface StageOrder {
  /** The app's database file (absolute), and the better-sqlite3 binary it is opened with. */
  file: string;
  nativeBinding: string | undefined;
  actor: string;
  /** The app's clock when the turn came: the stage's rows and audit records carry it. */
  at: string;
  budgetMs: number;
  /** The invoices of `invoiceNumbers` (the read reply), once the app has read them (db/services/bank/read-ahead.ts). */
  knownInvoices?: IssuedInvoice[];
}

export type BankWorkerRequest = { kind: 'file'; data: BankWorkerData } | { kind: 'stage'; order: StageOrder } | { kind: 'close' };

export type BankWorkerReply =
  /** `invoiceNumbers`: the invoices the lines' QR and RF references name, for the app to read ahead. */
  | { kind: 'read'; ok: true; lines: number; invoiceNumbers: string[] }
  /** Not a statement Order Desk reads: the message says what the file is and what is accepted. */
  | { kind: 'read'; ok: false; message: string }
  /** `statement` once the last stage is done: read on the worker's connection, which has just written it. */
  | { kind: 'staged'; statementId: number; done: number; lines: number; counts: ImportCounts; statement: BankStatement | null }
  /** A warm-up that ran to its end while the worker waited (warm-up.ts); one cut short by the file says nothing. */
  | { kind: 'warmed'; recorded: number }
  | { kind: 'warmed'; failed: string }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'failed'; unexpected: string; message: string; code?: string };
