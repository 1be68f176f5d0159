/**
 * How backup code opens extra SQLite handles (to check a copy, to reopen after a restore).
 * Electron in development loads better-sqlite3 from a binary built for Electron; main
 * calls configureBackupRuntime once with the same nativeBinding it gave openDatabase.
 */
let nativeBinding: string | undefined;

export function configureBackupRuntime(options: { nativeBinding?: string | undefined }): void {
  nativeBinding = options.nativeBinding;
}

export function backupNativeBinding(): string | undefined {
  return nativeBinding;
}
