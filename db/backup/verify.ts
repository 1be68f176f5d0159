/** Checks a database file without changing it: readable, intact, and not from a newer Order Desk. */
import Database from 'better-sqlite3';
import { LATEST_VERSION } from '../migrations';
import type { BackupDatabase } from '../../shared/contract/backups';
import { describeDatabase } from './identity';
import { backupNativeBinding } from './runtime';

export type FileCheck =
  | { ok: true; schemaVersion: number; counts: { orders: number; customers: number; publications: number }; database: BackupDatabase | null }
  | { ok: false; problem: string; tooNew?: boolean };

export interface CheckOptions {
  /** integrity_check reads every page and index (thorough, for backups); quick_check skips index contents. */
  thorough?: boolean;
}

export function checkDatabaseFile(file: string, options: CheckOptions = {}): FileCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: backupNativeBinding() });
  } catch (error) {
    return { ok: false, problem: `it cannot be opened (${(error as Error).message})` };
  }
  try {
    const rows = db.pragma(options.thorough === false ? 'quick_check(20)' : 'integrity_check(20)') as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0] ?? '');
    if (messages.length !== 1 || messages[0] !== 'ok') return { ok: false, problem: `it is damaged (${messages.slice(0, 3).join('; ')})` };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      return { ok: false, tooNew: true, problem: `it was written by a newer version of Order Desk (schema ${version}; this version knows up to ${LATEST_VERSION})` };
    }
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!['orders', 'customers', 'publications'].every((t) => tables.has(t))) return { ok: false, problem: 'it is not an Order Desk database' };
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      ok: true,
      schemaVersion: version,
      counts: { orders: count('orders'), customers: count('customers'), publications: count('publications') },
      database: describeDatabase(db),
    };
  } catch (error) {
    return { ok: false, problem: `it is damaged or not a database (${(error as Error).message})` };
  } finally {
    db.close();
  }
}
