/**
 * Opens the app's database, or explains in a native dialog why not and quits.
 * A damaged database is the one case with a way forward: when a backup that still
 * passes its check exists, the clerk is offered to restore it (the damaged file is kept
 * beside it). Declining, or any other failure, leaves the file exactly as it was.
 * Dialogs and quit are injected: tests drive them without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db, type OpenOptions } from '../../db/connection';
import { backupFolderForFile, findLatestGoodBackup, recoverFromLatestBackup } from '../../db/backup';
import { DomainError } from '../../shared/api/errors';
import { describeStartupFailure } from './startup-failure';

export interface StartupUi {
  showErrorBox(title: string, message: string): void;
  /** Ends the app with a failure status, without the usual close handlers. */
  quit(): void;
  /** Asked only when the database is damaged and a good backup exists; true means restore it. */
  confirmRestore?(question: { title: string; message: string; detail: string }): boolean;
  showInfo?(message: string, detail: string): void;
}

function isDamaged(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'database_damaged';
}

function describeCounts(counts: { orders: number; customers: number } | null): string {
  return counts ? ` It holds ${counts.orders} orders and ${counts.customers} customers.` : '';
}

/** Null when there is no good backup or the clerk says no; the file is then untouched. */
function restoreLatestIfWanted(file: string, damage: DomainError, options: OpenOptions, ui: StartupUi, open: typeof openDatabase): Db | null {
  if (!ui.confirmRestore) return null;
  const folder = backupFolderForFile(file);
  const good = findLatestGoodBackup(file, folder);
  if (!good) return null;
  const wanted = ui.confirmRestore({
    title: 'Order Desk database is damaged',
    message: 'Restore the latest good backup?',
    detail:
      `${damage.message}\n\nThe latest good backup was made ${new Date(good.createdAt).toLocaleString('en-GB')}.${describeCounts(good.counts)}\n` +
      'The damaged file is kept beside it; nothing is deleted. Anything entered after that backup will have to be entered again.',
  });
  if (!wanted) return null;
  const recovery = recoverFromLatestBackup(file, folder);
  if (!recovery) return null;
  const db = open(file, options);
  ui.showInfo?.('The backup was restored.', `Restored from ${recovery.restoredFrom}.\nThe damaged file is kept as ${recovery.damagedCopy}.`);
  return db;
}

export function openAppDatabase(file: string, options: OpenOptions, ui: StartupUi, open: typeof openDatabase = openDatabase): Db | null {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      return open(file, options);
    } catch (error) {
      if (!isDamaged(error)) throw error;
      const restored = restoreLatestIfWanted(file, error, options, ui, open);
      if (restored) return restored;
      throw error;
    }
  } catch (error) {
    console.error('Order Desk: the database could not be opened:', error);
    const failure = describeStartupFailure(error, file);
    ui.showErrorBox(failure.title, failure.message);
    ui.quit();
    return null;
  }
}
