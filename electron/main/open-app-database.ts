/**
 * Opens the app's database, or explains in a native dialog why not and quits.
 * Dialog and quit are injected: tests check the dialog without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db, type OpenOptions } from '../../db/connection';
import { describeStartupFailure } from './startup-failure';

export interface StartupUi {
  showErrorBox(title: string, message: string): void;
  /** Ends the app with a failure status, without the usual close handlers. */
  quit(): void;
}

export function openAppDatabase(file: string, options: OpenOptions, ui: StartupUi, open: typeof openDatabase = openDatabase): Db | null {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return open(file, options);
  } catch (error) {
    console.error('Order Desk: the database could not be opened:', error);
    const failure = describeStartupFailure(error, file);
    ui.showErrorBox(failure.title, failure.message);
    ui.quit();
    return null;
  }
}
