/**
 * Writes an import's planned rows, in the import worker thread (import-worker.ts), on a
 * connection of its own to the app's database file: all of them and the import's audit record
 * in one BEGIN IMMEDIATE transaction, so an import is still all or nothing. Written on the main
 * thread, 50,000 rows kept every request of the app waiting for seconds; from here, the app's
 * reads go on meanwhile (WAL) and its writes wait for this one without blocking (db/write-gate.ts).
 */
import { DomainError } from '../../shared/api/errors';
import type { ImportKind, ImportProblem, ImportReport } from '../../shared/contract/transfer';
import { openConnection, schemaVersion } from '../connection';
import { createContext, type WriteContext } from '../context';
import { LATEST_VERSION } from '../migrations';
import { audit } from '../services/audit';
import { statement } from '../statements';
import { inWriteTransaction } from '../transactions';
import { applyRow } from './apply-rows';
import type { ImportPlan } from './plan-import';

/** What the main thread sends once the rows are planned and the app's own writes have stepped aside. */
export interface WriteOrder {
  /** The app's database file (absolute), and the better-sqlite3 binary it is opened with. */
  file: string;
  nativeBinding: string | undefined;
  /** Who the audit records name. */
  actor: string;
  /** The app's clock when the turn to write came: every row and audit record of the import carries it. */
  at: string;
  /** The audit log's last id when the data the rows were matched against was read. */
  mark: number;
}

export type WriteOutcome =
  /** A row has a problem (and the clerk did not choose to skip such rows): nothing was written, and the report says which. */
  | { kind: 'problems'; report: ImportReport }
  /** Every row without a problem was written; `skipped` rows with problems were left out, as the clerk chose. */
  | { kind: 'written'; report: ImportReport; skipped: number }
  /** What the rows were matched against changed after it was read: nothing was written; plan again. */
  | { kind: 'stale' }
  /** Writing a row was refused for a reason planning could not foresee (e.g. a clash between two new rows): nothing was written. */
  | { kind: 'refused'; report: ImportReport; problem: ImportProblem };

/** The audit log's entity that every change an import of this kind depends on is recorded under. */
const DEPENDS_ON: Record<ImportKind, string> = { customers: 'customer', publications: 'publication', prices: 'publication' };

function changedSince(ctx: WriteContext, kind: ImportKind, mark: number): boolean {
  return statement(ctx, 'SELECT 1 FROM audit_log WHERE id > ? AND entity = ? LIMIT 1').get(mark, DEPENDS_ON[kind]) !== undefined;
}

export function writeImport(order: WriteOrder, job: { kind: ImportKind; fileName: string }, { report, writes }: ImportPlan, skipped: number): WriteOutcome {
  const db = openConnection(order.file, { nativeBinding: order.nativeBinding, fileMustExist: true });
  try {
    // The app brought the schema up to date when it opened the file; another version means another file.
    const version = schemaVersion(db);
    if (version !== LATEST_VERSION) throw new Error(`the database file has schema ${version}, not ${LATEST_VERSION}`);
    const ctx = createContext(db, order.actor, () => new Date(order.at));
    let current: number | undefined;
    try {
      return inWriteTransaction(ctx, (w): WriteOutcome => {
        // Checked under the lock: someone changed what the rows were matched against while the file was read.
        if (changedSince(w, job.kind, order.mark)) return { kind: 'stale' };
        for (const { row, write } of writes) {
          current = row;
          applyRow(w, write);
        }
        audit(w, 'import', null, job.kind, null, { fileName: job.fileName, created: report.toCreate, updated: report.toUpdate, rows: writes.length, skipped });
        return { kind: 'written', report, skipped };
      });
    } catch (error) {
      if (!(error instanceof DomainError) || current === undefined) throw error;
      return { kind: 'refused', report, problem: { row: current, message: error.message } };
    }
  } finally {
    db.close();
  }
}
