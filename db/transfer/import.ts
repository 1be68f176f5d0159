/**
 * transfer.preview and transfer.commit. Both read the file and judge every row the same
 * way (with the API's own schemas), in a worker thread (import-worker-client.ts), so the app
 * keeps answering while a large file is read. Commit writes only when no row has a problem (or,
 * when the clerk chose to skip the rows with problems, every other row), in one transaction,
 * so an import is all (of what was chosen) or nothing — in the same worker, on its own
 * connection (write-import.ts), while the app's reads go on and its writes wait their turn
 * without blocking (db/write-gate.ts).
 */
import path from 'node:path';
import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { ImportCommitInput, ImportCommitResult, ImportKind, ImportReport } from '../../shared/contract/transfer';
import type { Customer } from '../../shared/contract/types';
import { backupNativeBinding } from '../backup/runtime';
import { today as unitToday, type ServiceContext, type StagedWriteContext } from '../context';
import { listPublications } from '../services/catalogue';
import { toCustomer, type CustomerRow } from '../services/customers';
import { statement } from '../statements';
import { consistentRead } from '../transactions';
import { holdingWriteLock } from '../write-gate';
import { commitImportInWorker, planImportInWorker } from './import-worker-client';
import type { ImportJob, ImportSnapshot } from './plan-import';

type ImportInput = z.output<typeof ImportCommitInput>;

/** Plans are made from a snapshot; this many times a commit plans again when the data changed meanwhile. */
const PLAN_ATTEMPTS = 3;

function activeCustomers(ctx: ServiceContext): Customer[] {
  return (statement(ctx, 'SELECT * FROM customers WHERE merged_into IS NULL ORDER BY id').all() as CustomerRow[]).map(toCustomer);
}

interface Snapshot {
  data: ImportSnapshot;
  /** The audit log's last id when the snapshot was read: every later change to customers or the catalogue is above it. */
  mark: number;
}

function takeSnapshot(ctx: ServiceContext, kind: ImportKind): Snapshot {
  return consistentRead(ctx, () => {
    const mark = (statement(ctx, 'SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
    const today = unitToday(ctx);
    const data: ImportSnapshot = kind === 'customers' ? { customers: activeCustomers(ctx), today } : { publications: listPublications(ctx, { includeRetired: true }).publications, today };
    return { data, mark };
  });
}

function job(input: ImportInput, snapshot: Snapshot, purpose: ImportJob['purpose']): ImportJob {
  return { kind: input.kind, fileName: input.fileName, contentBase64: input.contentBase64, mapping: input.mapping, snapshot: snapshot.data, purpose };
}

export async function previewImport(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  return (await planImportInWorker(job(input, takeSnapshot(ctx, input.kind), 'preview'))).report;
}

/**
 * Writes every row in one transaction, or nothing at all when any row has a problem — unless
 * the clerk chose to skip the rows with problems, when every other row is written.
 */
export async function commitImport(ctx: StagedWriteContext, input: ImportInput): Promise<ImportCommitResult> {
  if (ctx.db.memory) throw new Error('Order Desk: an import is written by a worker on its own connection, so it needs a database file.');
  for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt++) {
    const snapshot = takeSnapshot(ctx, input.kind);
    const outcome = await commitImportInWorker(job(input, snapshot, 'commit'), input.skipRowsWithProblems === true, {
      hold: (write) => holdingWriteLock(ctx, write),
      order: () => ({ file: path.resolve(ctx.db.name), nativeBinding: backupNativeBinding(), actor: ctx.actor, at: ctx.now().toISOString(), mark: snapshot.mark }),
    });
    switch (outcome.kind) {
      case 'problems':
        return { written: false, created: 0, updated: 0, skipped: 0, report: outcome.report };
      case 'written':
        return { written: true, created: outcome.report.toCreate, updated: outcome.report.toUpdate, skipped: outcome.skipped, report: outcome.report };
      case 'refused': {
        // Something the preview could not foresee (e.g. a clash between two new rows): nothing was written.
        const { report, problem } = outcome;
        return {
          written: false,
          created: 0,
          updated: 0,
          skipped: 0,
          report: { ...report, problems: [problem], problemCount: 1, validRows: report.validRows - 1, canSkipRowsWithProblems: false },
        };
      }
      case 'stale':
        // Someone changed what the rows were matched against while the file was read: plan again on the new data.
        continue;
    }
  }
  const what = input.kind === 'customers' ? 'The customer directory' : 'The catalogue';
  throw new DomainError('conflict', `${what} kept changing while “${input.fileName}” was being read, so nothing was imported. Import it again.`, 'contentBase64');
}
