/** The backups.* methods of the contract. */
import type { BackupList } from '../../shared/contract/backups';
import type { ServiceContext } from '../context';
import { createBackup, currentBackupFolder } from './create';
import { listBackups } from './files';

export function listBackupsInFolder(ctx: ServiceContext): BackupList {
  const { folder, keep } = currentBackupFolder(ctx);
  return { folder, keep, backups: listBackups(folder) };
}

export { createBackup };
export { restoreBackup } from './restore';
