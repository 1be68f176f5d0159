/**
 * Backups for Electron main and browser mode:
 * - startBackupSchedule(ctx, options): a backup at start, then daily; returns stop().
 * - createBackup(ctx): "Back up now" (also the backups.create method).
 * - restoreBackup(ctx, name): checks the backup, then swaps ctx.db to the restored data (also backups.restore).
 *   Copies and checks run in a worker thread (worker-client.ts); one backup or restore at a time (busy.ts).
 * - findLatestGoodBackup(folder) / recoverFromLatestBackup(dbFile, folder): when
 *   openDatabase throws DomainError('database_damaged'), offer the newest good backup.
 * - backupFolder(dbFile, settingsFolder): where backups go ("backups" beside the database by default);
 *   backupFolderForFile(dbFile) works it out for a file that cannot be opened normally.
 * - configureBackupRuntime({ nativeBinding }): Electron passes its better-sqlite3 binary here too
 *   (the backup worker thread is given the same one).
 */
export { startBackupSchedule, DAY_MS, type BackupScheduleOptions } from './schedule';
export { createBackup, pruneBackups, currentBackupFolder, type CreatedBackup } from './create';
export { restoreBackup, assertRestorable } from './restore';
export { findLatestGoodBackup, recoverFromLatestBackup, backupFolderForFile, type GoodBackup, type Recovery } from './recovery';
export { backupFolder, listBackups } from './files';
export { checkDatabaseFile } from './verify';
export { configureBackupRuntime } from './runtime';
