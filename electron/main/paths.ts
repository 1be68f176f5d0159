/**
 * Where the desktop app keeps its files. userData is pinned to the same folder browser
 * mode uses (electron/web/default-paths.ts), so both open the same database.
 */
import path from 'node:path';
import { APP_FOLDER_NAME, DATABASE_FILE_NAME } from '../web/default-paths';
import { electronNativeBindingPath } from '../../build/native-paths.mjs';

/** The slice of Electron's app used here. */
export interface AppPaths {
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', value: string): void;
  getAppPath(): string;
  isPackaged: boolean;
  commandLine: { getSwitchValue(name: string): string };
}

/**
 * Chromium's own switch, honoured so that `--user-data-dir=PATH` runs Order Desk on another folder
 * (database, backups, window state, the remembered clerk): the smoke test's scratch folder, or a
 * training desk beside the real one. Without it the pinned folder below is used.
 */
export const USER_DATA_DIR_SWITCH = 'user-data-dir';

/** Call before the app is ready, before anything reads userData. */
export function pinUserDataDir(app: Pick<AppPaths, 'getPath' | 'setPath' | 'commandLine'>): string {
  const chosen = app.commandLine.getSwitchValue(USER_DATA_DIR_SWITCH).trim();
  const dir = chosen ? path.resolve(chosen) : path.join(app.getPath('appData'), APP_FOLDER_NAME);
  app.setPath('userData', dir);
  return dir;
}

export function userDataDir(app: Pick<AppPaths, 'getPath'>): string {
  return app.getPath('userData');
}

export function databaseFile(app: Pick<AppPaths, 'getPath'>): string {
  return path.join(userDataDir(app), DATABASE_FILE_NAME);
}

/** The built renderer: dist/renderer inside the app folder (or app.asar when packaged). */
export function rendererDir(app: Pick<AppPaths, 'getAppPath'>): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

/**
 * In development node_modules/better-sqlite3 is built for Node (the tests use it), so
 * the app loads the separate Electron build from .native/. Packaged apps use the copy
 * electron-builder rebuilt, found the normal way.
 */
export function sqliteNativeBinding(
  app: Pick<AppPaths, 'getAppPath' | 'isPackaged'>,
  electronVersion: string,
  arch: string,
  exists: (file: string) => boolean,
): string | undefined {
  if (app.isPackaged) return undefined;
  const file = electronNativeBindingPath(app.getAppPath(), electronVersion, arch);
  return exists(file) ? file : undefined;
}
