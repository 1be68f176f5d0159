/**
 * Where backups live and how they are named. A backup is "order-desk-backup-<UTC time>.db"
 * plus a ".json" note written only after the copy passed its integrity check; only files
 * with that note count as verified Order Desk backups (and only those are ever pruned).
 * The note also names the database the backup is of (its identity, kept in the file too),
 * so listing a folder that several databases back up into stays cheap.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupDatabase, BackupInfo, BackupOrigin } from '../../shared/contract/backups';
import { describeDatabaseFile } from './identity';

export const BACKUP_PREFIX = 'order-desk-backup-';
const BACKUP_NAME = /^order-desk-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z(-\d+)?\.db$/;

export interface BackupNote {
  app: 'Order Desk';
  createdAt: string;
  verifiedAt: string;
  integrity: 'ok';
  schemaVersion: number;
  sizeBytes: number;
  counts: { orders: number; customers: number; publications: number };
  /** Absent in notes written before backups recorded their database. */
  database?: BackupDatabase | null;
}

/** The configured folder, or a "backups" folder beside the database when none is set. */
export function backupFolder(databaseFile: string, configuredFolder: string): string {
  const configured = configuredFolder.trim();
  return configured === '' ? path.join(path.dirname(path.resolve(databaseFile)), 'backups') : path.resolve(configured);
}

/** "2026-11-29T103012Z": sortable, and free of characters Windows refuses in names. */
export function compactStamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/:/g, '') + 'Z';
}

/** A new backup name for this moment; never the name of an existing file. */
export function newBackupName(folder: string, at: Date): string {
  const base = `${BACKUP_PREFIX}${compactStamp(at)}`;
  let name = `${base}.db`;
  for (let n = 2; fs.existsSync(path.join(folder, name)) || fs.existsSync(path.join(folder, `${name}.partial`)); n++) name = `${base}-${n}.db`;
  return name;
}

export function isBackupName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

export function noteFile(backupFile: string): string {
  return `${backupFile}.json`;
}

export function readNote(backupFile: string): BackupNote | null {
  try {
    const note = JSON.parse(fs.readFileSync(noteFile(backupFile), 'utf8')) as Partial<BackupNote>;
    return note.app === 'Order Desk' && note.integrity === 'ok' ? (note as BackupNote) : null;
  } catch {
    return null;
  }
}

export function writeNote(backupFile: string, note: BackupNote): void {
  const file = noteFile(backupFile);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(note, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function timeFromName(name: string): string {
  const m = BACKUP_NAME.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : '';
}

/** The database a note names; null for a note from before notes named it (or one edited out of shape). */
function noteDatabase(note: BackupNote): BackupDatabase | null {
  const d = note.database as Partial<BackupDatabase> | null | undefined;
  return d && typeof d.id === 'string' && typeof d.createdAt === 'string' && typeof d.unitName === 'string' ? { id: d.id, createdAt: d.createdAt, unitName: d.unitName } : null;
}

function originOf(database: BackupDatabase | null, thisDatabaseId: string | undefined): BackupOrigin {
  if (database === null) return 'earlier-version';
  return database.id === thisDatabaseId ? 'this-database' : 'other-database';
}

/**
 * Order Desk backups in the folder, newest first, each with the database it is of, judged
 * against `thisDatabaseId` (its origin). A missing folder simply has none.
 */
export function listBackups(folder: string, thisDatabaseId?: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names.filter(isBackupName)) {
    const file = path.join(folder, name);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      continue;
    }
    const note = readNote(file);
    // A file without a note (copied in by hand, or whose check failed) is asked itself; that is rare, so listing stays cheap.
    const database = note ? noteDatabase(note) : describeDatabaseFile(file);
    backups.push({
      name,
      createdAt: note?.createdAt ?? timeFromName(name),
      sizeBytes: size,
      verified: note !== null && note.sizeBytes === size,
      schemaVersion: note?.schemaVersion ?? null,
      counts: note?.counts ?? null,
      database,
      origin: originOf(database, thisDatabaseId),
    });
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** Removes a file and the WAL/SHM files SQLite may keep beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}
