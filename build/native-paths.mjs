// Where the Electron build of better-sqlite3 lives in development. Shared by the build
// scripts (which make it) and the main process (which loads it), so the two never disagree.
import path from 'node:path';

export const NATIVE_DIR = '.native';
export const SQLITE_BINARY = 'better_sqlite3.node';
export const BUILD_INFO_FILE = 'build-info.json';

/** .native/electron-<version>-<arch>/ */
export function electronNativeDir(projectRoot, electronVersion, arch) {
  return path.join(projectRoot, NATIVE_DIR, `electron-${electronVersion}-${arch}`);
}

/** .native/electron-<version>-<arch>/better_sqlite3.node */
export function electronNativeBindingPath(projectRoot, electronVersion, arch) {
  return path.join(electronNativeDir(projectRoot, electronVersion, arch), SQLITE_BINARY);
}
