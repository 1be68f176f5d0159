/**
 * Opens the one SQLite file: WAL, foreign keys, full sync, a busy timeout; brings the
 * schema up to date; refuses a file written by a newer Order Desk without touching it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { DomainError } from '../shared/api/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { backfillCustomerSortKeys } from './services/orders/search-index';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when missing (the default). */
  create?: boolean;
  /** Path to a better-sqlite3 binary built for another runtime (Electron in development). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = file === ':memory:' || fs.existsSync(file);
  if (!exists && options.create === false) throw new DomainError('not_found', `No database at ${file}.`);

  // Read the version read-only first, so a newer file is refused without any write (not even WAL setup).
  if (exists && file !== ':memory:') assertNotNewer(file, options);

  const db = openConnection(file, options);
  try {
    migrate(db);
    backfillCustomerSortKeys(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A connection set up as every Order Desk connection is, the schema left as it is: the app's
 * own (openDatabase), and the import worker's, which writes an import's rows beside it.
 */
export function openConnection(file: string, options: Pick<OpenOptions, 'nativeBinding'> & { fileMustExist?: boolean } = {}): Db {
  const db = new Database(file, { nativeBinding: options.nativeBinding, fileMustExist: options.fileMustExist ?? false });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    // Statement journals (kept by every write that may fail half-way: CHECKs, foreign keys, the
    // orders table's indexes) and savepoints spill to a temporary file beyond 64 KiB; an update of
    // an order touches more, so each paid a file's writes and reads (measured: a payment recorded
    // after its order's update 12 times slower). In memory they are freed with their statement.
    db.pragma('temp_store = MEMORY');
    // A write waits for another process's write (browser mode beside the desktop app) rather than
    // fail. SQLite keeps no queue: a waiting writer polls, so while the other process writes back
    // to back on a busy disk it may need several tries; each write holds the lock for milliseconds.
    // Writes of the same process wait for each other in db/write-gate.ts instead, without blocking.
    db.pragma('busy_timeout = 15000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertNotNewer(file: string, options: OpenOptions): void {
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new DomainError('database_damaged', damagedMessage(file, (error as Error).message));
  }
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    // quick_check walks every page's structure without the index cross-checks: a few
    // hundred milliseconds for a large file, and it catches torn or overwritten pages.
    const problems = (probe.pragma('quick_check(5)') as Record<string, string>[]).map((row) => Object.values(row)[0] ?? '');
    if (problems.length !== 1 || problems[0] !== 'ok') throw new DomainError('database_damaged', damagedMessage(file, problems.slice(0, 2).join('; ')));
    if (version > LATEST_VERSION) {
      throw new DomainError(
        'database_too_new',
        `This database was written by a newer version of Order Desk (schema ${version}; this version knows up to ${LATEST_VERSION}). ` +
          'It has not been changed. Please update Order Desk to open it.',
      );
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('database_damaged', damagedMessage(file, (error as Error).message));
  } finally {
    probe.close();
  }
}

/** Said the same way wherever a damaged file is found, so clerks and IT recognise it. */
function damagedMessage(file: string, detail: string): string {
  return (
    `The database file ${file} is damaged or is not an Order Desk database (${detail}). ` +
    'Order Desk has not changed or deleted it. Restore the latest good backup, or ask IT for help.'
  );
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration in one transaction: all of them or none. */
export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new DomainError('database_too_new', `This database was written by a newer version of Order Desk (schema ${current}). It has not been changed.`);
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  // PRAGMA foreign_keys is ignored inside a transaction, so a rebuild turns it off around it.
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as { table: string }[];
        if (broken.length > 0) throw new DomainError('database_damaged', `Upgrading the database found ${broken.length} broken references (in ${broken[0]!.table}); nothing was changed.`);
      }
    }).immediate();
  } finally {
    if (rebuilds) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
