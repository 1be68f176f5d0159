/**
 * transfer.preview and transfer.commit. Both read the file and judge every row the same
 * way (with the API's own schemas), in a worker thread (import-worker-client.ts), so the app
 * keeps answering while a large file is read. Commit writes only when no row has a problem (or,
 * when the clerk chose to skip the rows with problems, every other row), in one transaction,
 * so an import is all (of what was chosen) or nothing.
 */
import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { ImportCommitInput, ImportCommitResult, ImportKind, ImportReport } from '../../shared/contract/transfer';
import type { Customer } from '../../shared/contract/types';
import { localIsoDate } from '../../shared/domain/dates';
import type { ServiceContext, StagedWriteContext, WriteContext } from '../context';
import { audit } from '../services/audit';
import { listPublications } from '../services/catalogue';
import { toCustomer, type CustomerRow } from '../services/customers';
import { statement } from '../statements';
import { consistentRead } from '../transactions';
import { applyRow } from './apply-rows';
import { planImportInWorker } from './import-worker-client';
import type { ImportPlan, ImportSnapshot } from './plan-import';

type ImportInput = z.output<typeof ImportCommitInput>;

/** Plans are made from a snapshot; this many times a commit plans again when the data changed meanwhile. */
const PLAN_ATTEMPTS = 3;

function activeCustomers(ctx: ServiceContext): Customer[] {
  return (statement(ctx, 'SELECT * FROM customers WHERE merged_into IS NULL ORDER BY id').all() as CustomerRow[]).map(toCustomer);
}

/** The audit log's entity that every change an import of this kind depends on is recorded under. */
const DEPENDS_ON: Record<ImportKind, string> = { customers: 'customer', publications: 'publication', prices: 'publication' };

interface Snapshot {
  data: ImportSnapshot;
  /** The audit log's last id when the snapshot was read: every later change to customers or the catalogue is above it. */
  mark: number;
}

function takeSnapshot(ctx: ServiceContext, kind: ImportKind): Snapshot {
  return consistentRead(ctx, () => {
    const mark = (statement(ctx, 'SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
    const today = localIsoDate(ctx.now());
    const data: ImportSnapshot = kind === 'customers' ? { customers: activeCustomers(ctx), today } : { publications: listPublications(ctx, { includeRetired: true }).publications, today };
    return { data, mark };
  });
}

function changedSince(ctx: WriteContext, kind: ImportKind, mark: number): boolean {
  return statement(ctx, 'SELECT 1 FROM audit_log WHERE id > ? AND entity = ? LIMIT 1').get(mark, DEPENDS_ON[kind]) !== undefined;
}

function plan(ctx: ServiceContext, input: ImportInput, snapshot: Snapshot, purpose: 'preview' | 'commit'): Promise<ImportPlan> {
  return planImportInWorker({ kind: input.kind, fileName: input.fileName, contentBase64: input.contentBase64, mapping: input.mapping, snapshot: snapshot.data, purpose });
}

export async function previewImport(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  return (await plan(ctx, input, takeSnapshot(ctx, input.kind), 'preview')).report;
}

/**
 * Writes every row in one transaction, or nothing at all when any row has a problem — unless
 * the clerk chose to skip the rows with problems, when every other row is written.
 */
export async function commitImport(ctx: StagedWriteContext, input: ImportInput): Promise<ImportCommitResult> {
  for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt++) {
    const snapshot = takeSnapshot(ctx, input.kind);
    const { report, writes } = await plan(ctx, input, snapshot, 'commit');
    const skipping = input.skipRowsWithProblems === true && report.canSkipRowsWithProblems;
    if (report.problemCount > 0 && !skipping) return { written: false, created: 0, updated: 0, skipped: 0, report };
    const skipped = skipping ? report.rowsWithProblemsCount : 0;
    let current: number | undefined;
    try {
      const written = ctx.transact((w) => {
        // Someone changed what the rows were matched against while the file was read: plan again on the new data.
        if (changedSince(w, input.kind, snapshot.mark)) return false;
        for (const { row, write } of writes) {
          current = row;
          applyRow(w, write);
        }
        audit(w, 'import', null, input.kind, null, { fileName: input.fileName, created: report.toCreate, updated: report.toUpdate, rows: writes.length, skipped });
        return true;
      });
      if (written) return { written: true, created: report.toCreate, updated: report.toUpdate, skipped, report };
    } catch (error) {
      if (!(error instanceof DomainError) || current === undefined) throw error;
      // Something the preview could not foresee (e.g. a clash between two new rows): nothing was written.
      const problem = { row: current, message: error.message };
      return { written: false, created: 0, updated: 0, skipped: 0, report: { ...report, problems: [problem], problemCount: 1, validRows: report.validRows - 1, canSkipRowsWithProblems: false } };
    }
  }
  const what = input.kind === 'customers' ? 'The customer directory' : 'The catalogue';
  throw new DomainError('conflict', `${what} kept changing while “${input.fileName}” was being read, so nothing was imported. Import it again.`, 'contentBase64');
}
