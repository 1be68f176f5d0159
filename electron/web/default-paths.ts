import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE_NAME = 'order-desk.db';
export const APP_FOLDER_NAME = 'Order Desk';

/**
 * The folder Electron calls userData, computed without Electron, so browser mode
 * opens the same database as the desktop app unless told otherwise.
 */
export function defaultUserDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_FOLDER_NAME);
}
