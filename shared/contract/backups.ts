/** Backups of the database file: list, "Back up now", and restore a chosen backup. */
import { z } from 'zod';
import { method } from './define';
import { cleanedString, optionalText } from './fields';

/** Which database a backup was made of: the identity stored in the database file, and the unit named on its invoices then. */
export interface BackupDatabase {
  id: string;
  /** When that database was started. */
  createdAt: string;
  /** The issuer name in that database's settings when the backup was made. */
  unitName: string;
}

/**
 * this-database: a backup of the database that is open; other-database: of another one whose backups
 * go to the same folder; earlier-version: made before backups recorded their database (or copied in by hand).
 */
export type BackupOrigin = 'this-database' | 'other-database' | 'earlier-version';

export interface BackupInfo {
  /** File name inside the backup folder; the identifier used to restore it. */
  name: string;
  createdAt: string;
  sizeBytes: number;
  /** True when Order Desk checked the copy (integrity check) right after writing it. */
  verified: boolean;
  schemaVersion: number | null;
  /** Record counts at backup time, to help pick the right one. */
  counts: { orders: number; customers: number; publications: number } | null;
  /** The database it is a backup of; null when that is not known (see origin). */
  database: BackupDatabase | null;
  origin: BackupOrigin;
}

export interface BackupList {
  folder: string;
  /** Backups of this database, and those from an earlier version (which may be of any database): newest first. */
  backups: BackupInfo[];
  /** Backups of other databases found in the same folder: never counted, pruned or restored without confirmation. */
  others: BackupInfo[];
  /** The open database's own identity. */
  database: { id: string; createdAt: string };
  keep: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database as it was just before the restore was kept. */
  preRestoreCopy: string;
  restoredAt: string;
}

export interface BackupFolderCheck {
  /** The folder backups will go to: the one given, or "backups" beside the database when empty. */
  folder: string;
  ok: boolean;
  /** Why Order Desk cannot write there, in words. */
  problem?: string;
}

export const backupMethods = {
  /** Whether backups can be written to a folder, before it is saved in Settings. */
  'backups.checkFolder': method<BackupFolderCheck>()(z.object({ folder: optionalText('Backup folder', 1000) })),
  'backups.list': method<BackupList>()(z.object({})),
  'backups.create': method<{ backup: BackupInfo; removedOld: string[] }>()(z.object({})),
  'backups.restore': method<RestoreResult>()(
    z.object({
      name: cleanedString('Backup is required: choose one from the list.', 2000)
        .min(1, { error: 'Backup is required: choose one from the list.' })
        .max(200, { error: 'Backup name is too long.' })
        .regex(/^[^/\\]+$/, { error: 'Backup must be a file name from the list, not a path.' }),
      /**
       * A backup of another database, or from an earlier version, replaces this database's data only
       * with this set: without it the answer is needs_confirmation, naming what the backup holds.
       */
      confirmed: z.literal(true, { error: 'Confirmed must be true, or left out.' }).optional(),
    }),
  ),
};
