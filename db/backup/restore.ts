/**
 * Restoring a backup replaces the database file, after keeping the current one as a copy
 * beside it. The backup is first made ready as a copy (checked, brought up to this
 * version, given this database's identity: prepare-restore.ts), so a backup that cannot
 * be restored is refused before anything is touched. The open connection in the
 * ServiceContext is swapped in place, so the same invoke (IPC or HTTP) keeps working on
 * the restored data without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError, type ApiErrorCode } from '../../shared/api/errors';
import type { BackupDatabase, RestoreResult } from '../../shared/contract/backups';
import { plural } from '../../shared/domain/plural';
import { formatLongDate } from '../../shared/format/dates';
import { openDatabase } from '../connection';
import type { StagedWriteContext } from '../context';
import { audit } from '../services/audit';
import { inWriteTransaction } from '../transactions';
import { afterLongWrites } from '../write-gate';
import { currentBackupFolder, databaseFile } from './create';
import { exclusively } from './busy';
import { compactStamp, isBackupName, removeDatabaseFiles } from './files';
import { identityOf } from './identity';
import type { PreparedRestore } from './prepare-restore';
import { backupNativeBinding } from './runtime';
import { prepareRestoreInWorker } from './worker-client';

/** "order-desk.db" → "order-desk.before-restore-2026-11-29T103012Z.db", beside it. */
export function sideCopyName(dbFile: string, label: string, at: Date): string {
  const ext = path.extname(dbFile) || '.db';
  const base = path.basename(dbFile, ext);
  let candidate = path.join(path.dirname(dbFile), `${base}.${label}-${compactStamp(at)}${ext}`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(path.dirname(dbFile), `${base}.${label}-${compactStamp(at)}-${n}${ext}`);
  return candidate;
}

/** Where a backup is made ready beside the database, so putting it in place is one rename on the same disk. */
export function stagingFile(dbFile: string): string {
  return `${dbFile}.restoring`;
}

/**
 * Puts the ready copy `staging` in place of `dbFile` (which must be closed). A rename, so a
 * crash leaves either the old or the new database, never a mix; the old WAL/SHM are removed
 * first because SQLite would otherwise replay the old database's log into the restored file.
 */
export function putInPlace(dbFile: string, staging: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.renameSync(staging, dbFile);
}

/** Copies `file` (flushed to disk) to the staging name, then puts it in place of `dbFile`. */
export function replaceDatabaseFile(dbFile: string, file: string): void {
  const incoming = stagingFile(dbFile);
  removeDatabaseFiles(incoming);
  fs.copyFileSync(file, incoming);
  const fd = fs.openSync(incoming, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  putInPlace(dbFile, incoming);
}

/**
 * Copies the database file as it is (with its WAL/SHM, byte for byte) for when it
 * cannot be read, e.g. before recovering a damaged database. Returns the copy's path.
 */
export function keepRawCopy(dbFile: string, label: string, at: Date): string {
  const copy = sideCopyName(dbFile, label, at);
  fs.copyFileSync(dbFile, copy);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(`${dbFile}${suffix}`)) fs.copyFileSync(`${dbFile}${suffix}`, `${copy}${suffix}`);
  }
  return copy;
}

/** What a backup that is not of this database holds, in the words the clerk confirms. */
export function confirmationMessage(name: string, prepared: Extract<PreparedRestore, { kind: 'needs_confirmation' }>, thisOrders: number): string {
  const holds = `${plural(prepared.counts.orders, 'order', 'orders')} and ${plural(prepared.counts.customers, 'customer', 'customers')}`;
  return (
    `The backup ${name} ${describeOrigin(prepared.database)}. It holds ${holds}. Restoring it replaces this database's data ` +
    `(${plural(thisOrders, 'order', 'orders')}) with that data. Nothing was changed; to restore it anyway, confirm.`
  );
}

function describeOrigin(database: BackupDatabase | null): string {
  if (database === null) return 'was made by an earlier version of Order Desk, which did not record which database it is of';
  return `is of another database: "${database.unitName}", started ${formatLongDate(database.createdAt, 'en-GB')} (identity ${database.id.slice(0, 8)})`;
}

const REFUSAL_CODES = {
  damaged: 'database_damaged',
  too_new: 'database_too_new',
  // The backup is sound but this version cannot take it over: a property of the backup chosen, not a fault of the app.
  cannot_upgrade: 'invalid_input',
  cannot_copy: 'internal',
} as const satisfies Record<Extract<PreparedRestore, { kind: 'refused' }>['reason'], ApiErrorCode>;

export interface RestoreRequest {
  name: string;
  /** The clerk agreed to restore a backup of another database, or from an earlier version. */
  confirmed?: true | undefined;
}

/** Restores a backup from the backup folder by name (as listed by backups.list). */
export async function restoreBackup(ctx: StagedWriteContext, request: RestoreRequest): Promise<RestoreResult> {
  const { name } = request;
  if (!isBackupName(name)) throw new DomainError('invalid_input', 'Backup must be one of the Order Desk backups in the list.', 'name');
  return exclusively(ctx, 'restore', async () => {
    const backupFile = path.join(currentBackupFolder(ctx).folder, name);
    if (!fs.existsSync(backupFile)) throw new DomainError('not_found', `The backup ${name} is no longer there. Refresh the list and choose again.`, 'name');
    const dbFile = path.resolve(databaseFile(ctx));
    const staging = stagingFile(dbFile);
    const prepared = await prepareRestoreInWorker({ backupFile, staging, replacing: identityOf(ctx.db), confirmed: request.confirmed === true }).catch(
      (error: unknown): PreparedRestore => ({ kind: 'refused', problem: `it could not be checked (${(error as Error).message})`, reason: 'cannot_copy' }),
    );
    if (prepared.kind === 'needs_confirmation') {
      const orders = (ctx.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
      throw new DomainError('needs_confirmation', confirmationMessage(name, prepared, orders), 'confirmed');
    }
    if (prepared.kind === 'refused') {
      removeDatabaseFiles(staging);
      throw new DomainError(REFUSAL_CODES[prepared.reason], `The backup ${name} cannot be restored: ${prepared.problem}. Nothing was changed.`, 'name');
    }
    try {
      // The swap closes the connection and replaces the file: it waits while an import's worker writes to it.
      return await afterLongWrites(ctx, () => swapInBackup(ctx, name, staging));
    } finally {
      removeDatabaseFiles(staging);
    }
  });
}

/**
 * Keeps the current data as a copy and puts the ready copy of the backup in its place.
 * Synchronous on purpose: no request may write between the copy of the current data and the swap.
 */
function swapInBackup(ctx: StagedWriteContext, name: string, staging: string): RestoreResult {
  const dbFile = path.resolve(databaseFile(ctx));
  const at = ctx.now();
  const preRestoreCopy = sideCopyName(dbFile, 'before-restore', at);
  // A consistent single-file copy of the current data, WAL content included. Prepared ad hoc, not
  // cached: the connection is closed right after.
  ctx.db.prepare('VACUUM INTO ?').run(preRestoreCopy);

  ctx.db.close();
  try {
    putInPlace(dbFile, staging);
    ctx.db = openDatabase(dbFile, { nativeBinding: backupNativeBinding() });
  } catch (error) {
    // Put the data as it was back, so a failed restore changes nothing.
    replaceDatabaseFile(dbFile, preRestoreCopy);
    ctx.db = openDatabase(dbFile, { nativeBinding: backupNativeBinding() });
    throw new DomainError('internal', `The backup could not be restored (${(error as Error).message}). The data is as it was before.`);
  }
  const result: RestoreResult = { restoredFrom: name, preRestoreCopy, restoredAt: at.toISOString() };
  // Not ctx.transact, which would wait for this very swap to be done: it runs in the swap's turn.
  inWriteTransaction(ctx, (w) => audit(w, 'database', null, 'restore', null, result));
  return result;
}
