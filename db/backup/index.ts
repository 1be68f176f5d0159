/**
 * Backups for Electron main and browser mode:
 * - startBackupSchedule(ctx, options): a backup at start, then daily; returns stop().
 * - createBackup(ctx): "Back up now" (also the backups.create method).
 * - restoreBackup(ctx, { name, confirmed }): checks the backup and brings a copy of it up to date, then swaps
 *   ctx.db to it (also backups.restore); another database's backup needs confirmed: true.
 *   Copies and checks run in a worker thread (worker-client.ts); one backup or restore at a time (busy.ts).
 * - Each database has an identity in its file (identity.ts); backups record it, and listing, pruning,
 *   the schedule and recovery consider only the open database's own backups.
 * - findLatestGoodBackup(dbFile, folder) / recoverFromLatestBackup(dbFile, folder): when
 *   openDatabase throws DomainError('database_damaged'), offer the newest good backup of that database.
 * - backupFolder(dbFile, settingsFolder): where backups go ("backups" beside the database by default);
 *   backupFolderProblem(folder): the one rule for a folder a clerk gives (a full path of this system);
 *   backupFolderForFile(dbFile) works it out for a file that cannot be opened normally.
 * - configureBackupRuntime({ nativeBinding }): Electron passes its better-sqlite3 binary here too
 *   (the backup worker thread is given the same one).
 */
export { startBackupSchedule, DAY_MS, type BackupScheduleOptions } from './schedule';
export { createBackup, pruneBackups, currentBackupFolder, type CreatedBackup } from './create';
export { restoreBackup } from './restore';
export { backupFolderProblem } from './folder-rule';
export { findLatestGoodBackup, recoverFromLatestBackup, backupFolderForFile, type GoodBackup, type Recovery } from './recovery';
export { backupFolder, listBackups } from './files';
export { checkDatabaseFile } from './verify';
export { configureBackupRuntime } from './runtime';
