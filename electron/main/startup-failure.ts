/**
 * Turns a failure to open the database into words for a native error dialog. The
 * database file is never touched on the way: openDatabase refuses newer or damaged
 * files before writing anything, and the app quits right after the dialog.
 */
import { DomainError } from '../../shared/api/errors';

export interface StartupFailure {
  title: string;
  message: string;
}

/** Messages better-sqlite3 and Node give when the native binary is for another runtime or missing. */
const NATIVE_LOAD_FAILURE = /NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|not a valid Win32 application|better_sqlite3\.node/i;

export function describeStartupFailure(error: unknown, databaseFile: string): StartupFailure {
  if (error instanceof DomainError && error.code === 'database_too_new') {
    return { title: 'Order Desk needs an update', message: error.message };
  }
  if (error instanceof DomainError && error.code === 'database_damaged') {
    return {
      title: 'Order Desk cannot open its database',
      message: `${error.message}\n\nThe file is at:\n${databaseFile}`,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (NATIVE_LOAD_FAILURE.test(detail)) {
    return {
      title: 'Order Desk cannot start',
      message:
        `The database engine (better-sqlite3) could not be loaded for this version of Electron.\n\n${detail}\n\n` +
        'Developers: start the app with "npm start", which builds the Electron copy of the engine into .native/.',
    };
  }
  return { title: 'Order Desk cannot start', message: `The database at ${databaseFile} could not be opened.\n\n${detail}` };
}
