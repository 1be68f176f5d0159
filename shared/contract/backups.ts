/** Backups of the database file: list, "Back up now", and restore a chosen backup. */
import { z } from 'zod';
import { method } from './define';
import { cleanedString, optionalText } from './fields';

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
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
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
    }),
  ),
};
