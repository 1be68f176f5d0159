/** The backups.* methods of the contract. */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFolderCheck, BackupList } from '../../shared/contract/backups';
import type { ServiceContext } from '../context';
import { createBackup, currentBackupFolder, databaseFile } from './create';
import { backupFolder, listBackups } from './files';
import { backupFolderProblem } from './folder-rule';
import { identityOf } from './identity';

/** This database's backups (and those from an earlier version, which may be its own); other databases' apart. */
export function listBackupsInFolder(ctx: ServiceContext): BackupList {
  const { folder, keep } = currentBackupFolder(ctx);
  const database = identityOf(ctx.db);
  const all = listBackups(folder, database.id);
  return {
    folder,
    keep,
    database,
    backups: all.filter((b) => b.origin !== 'other-database'),
    others: all.filter((b) => b.origin === 'other-database'),
  };
}

export { createBackup };
export { restoreBackup } from './restore';

/**
 * Creates the folder when needed and writes a probe file, so a folder that cannot be
 * used (no rights, missing drive, relative path) is reported when it is chosen, not at
 * the next nightly backup.
 */
export function checkBackupFolder(ctx: ServiceContext, input: { folder: string }): BackupFolderCheck {
  const given = input.folder.trim();
  const problem = backupFolderProblem(given);
  if (problem) return { folder: given, ok: false, problem };
  const folder = backupFolder(databaseFile(ctx), given);
  const probe = path.join(folder, `.order-desk-write-test-${process.pid}`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(probe, 'test');
    fs.rmSync(probe, { force: true });
    return { folder, ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const reasons: Record<string, string> = {
      EACCES: 'Order Desk is not allowed to write there',
      EPERM: 'Order Desk is not allowed to write there',
      EROFS: 'the drive is read-only',
      ENOENT: 'the drive or parent folder does not exist',
      ENOTDIR: 'part of the path is a file, not a folder',
      EEXIST: 'a file of that name is in the way',
    };
    const why = reasons[code] ?? `the system said ${code}`;
    return { folder, ok: false, problem: `Backups cannot be written to ${folder}: ${why}. Choose another folder.` };
  }
}
