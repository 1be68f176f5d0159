/**
 * The identity a database keeps in its own file (migration 0008): which database a backup
 * was made of, read from the backup itself, so backups of several databases in one folder
 * are told apart even without their notes.
 */
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/api/errors';
import type { BackupDatabase } from '../../shared/contract/backups';
import type { Db } from '../connection';
import { DEFAULT_ISSUER } from '../migrations/0006_invoices_and_credit_notes';
import { backupNativeBinding } from './runtime';

export interface DatabaseIdentity {
  id: string;
  createdAt: string;
}

/** Null for a database from before identities (schema 7 or older). */
export function readIdentity(db: Db): DatabaseIdentity | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'database_identity'").get();
  if (!table) return null;
  return (db.prepare('SELECT id, created_at AS createdAt FROM database_identity').get() as DatabaseIdentity | undefined) ?? null;
}

/** The open database's identity; every database this version opens has one (the migration gives it). */
export function identityOf(db: Db): DatabaseIdentity {
  const identity = readIdentity(db);
  if (!identity) throw new DomainError('internal', 'This database has no identity; it was not brought up to date when it was opened.');
  return identity;
}

/** Makes restored data carry the identity of the database it replaces, so the desk keeps its own backups. */
export function writeIdentity(db: Db, identity: DatabaseIdentity): void {
  db.prepare('UPDATE database_identity SET id = ?, created_at = ?').run(identity.id, identity.createdAt);
}

/** The unit's name as its invoices print it: what a clerk recognises a database by. */
function unitName(db: Db): string {
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'issuer'").get() as { value: string } | undefined;
    const name = row ? (JSON.parse(row.value) as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name.trim() !== '' ? name : DEFAULT_ISSUER.name;
  } catch {
    return DEFAULT_ISSUER.name;
  }
}

/** Which database `db` is, as a backup records it; null when it predates identities. */
export function describeDatabase(db: Db): BackupDatabase | null {
  const identity = readIdentity(db);
  return identity ? { ...identity, unitName: unitName(db) } : null;
}

/**
 * The identity inside a database file that may not even open: 'unreadable' when the file
 * cannot be read that far (a damaged database), null when it predates identities.
 */
export function identityOfFile(file: string): DatabaseIdentity | null | 'unreadable' {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: backupNativeBinding() });
    try {
      return readIdentity(db);
    } finally {
      db.close();
    }
  } catch {
    return 'unreadable';
  }
}

/** describeDatabase for a file (a backup copied in by hand, without its note); null when it cannot be told. */
export function describeDatabaseFile(file: string): BackupDatabase | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: backupNativeBinding() });
    try {
      return describeDatabase(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
