/**
 * Order Desk's Electron main process. Kept to wiring: each step is a small function so
 * more can be added after the database opens (e.g. the backup schedule from db/backup/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import type { Db } from '../../db/connection';
import { createContext, type ServiceContext } from '../../db/context';
import { createInvoke, type Invoke } from '../../db/api/invoke';
import { configureBackupRuntime, startBackupSchedule } from '../../db/backup';
import { hardenSession } from '../security/session';
import { databaseFile, pinUserDataDir, rendererDir, sqliteNativeBinding, userDataDir } from './paths';
import { openAppDatabase } from './open-app-database';
import { desktopSessionUser } from './actor';
import { registerContractHandlers } from './ipc';
import { withDesktopMethods } from './desktop-methods';
import { declareAppScheme, serveRenderer } from './app-protocol-registration';
import { createMainWindow } from './main-window';
import { installMenu } from './menu';
import { teeConsoleToLog } from './log-file';
import { createDocumentRenderer, bundledRenderWorker } from '../../db/documents/render-pool';
import { lazyRenderer } from '../../db/documents/lazy-renderer';
import { attachMail, createMailRuntime } from '../../db/mail/runtime';
import { createWorkerTransport } from '../../db/mail/smtp-client';
import { startMailSender } from '../../db/mail/sender';
import { keepBankWorkerReady, warmUpWaitingBankWorkers } from '../../db/bank/waiting-workers';
import { safeStoragePasswordStore } from './mail-password';

const APP_NAME = 'Order Desk';
let mainWindow: BrowserWindow | null = null;
/** True once the database is open and the IPC handlers exist; before that there is nothing to show. */
let started = false;

function openOrFocusMainWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return mainWindow;
  }
  mainWindow = createMainWindow({ preload: path.join(__dirname, 'preload.cjs'), userDataDir: userDataDir(app), title: APP_NAME });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  return mainWindow;
}

function openDatabaseOrQuit(file: string): Db | null {
  const nativeBinding = sqliteNativeBinding(app, process.versions.electron, process.arch, fs.existsSync);
  // Backup code opens its own SQLite handles (to check copies): same binary as the main connection.
  configureBackupRuntime({ nativeBinding });
  return openAppDatabase(
    file,
    { nativeBinding },
    {
      showErrorBox: (title, message) => dialog.showErrorBox(title, message),
      quit: () => app.exit(1),
      confirmRestore: ({ title, message, detail }) =>
        dialog.showMessageBoxSync({ type: 'warning', title, message, detail, buttons: ['Restore Backup', 'Quit'], defaultId: 1, cancelId: 1 }) === 0,
      showInfo: (message, detail) => void dialog.showMessageBoxSync({ type: 'info', title: APP_NAME, message, detail, buttons: ['OK'] }),
    },
  );
}

/** Work that needs the open database, started once it is open; returns what stops it at quit. */
function afterDatabaseOpened(ctx: ServiceContext, _invoke: Invoke): () => void {
  // A backup when the app starts, then daily. A failure is shown: a clerk must know backups stopped.
  return startBackupSchedule(ctx, {
    firstDelayMs: 5_000,
    onResult: (result) => {
      if (result.ok) return;
      console.error('Order Desk: automatic backup failed:', result.error);
      const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
      const box = { type: 'warning' as const, title: 'Automatic backup failed', message: 'The automatic backup was not made.', detail: result.error.message, buttons: ['OK'] };
      void (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box));
    },
  });
}

function start(): void {
  const file = databaseFile(app);
  const db = openDatabaseOrQuit(file);
  if (!db) return;

  // Invoice PDFs are made in a worker beside main.cjs, started on the first preview or issue.
  const documents = lazyRenderer(() => createDocumentRenderer(bundledRenderWorker(__dirname)));
  const ctx = createContext(db, desktopSessionUser(), undefined, documents);
  // E-mail: the password under the operating system's protection, mails handed over by a worker beside main.cjs.
  const mail = createMailRuntime({ passwords: safeStoragePasswordStore(safeStorage, userDataDir(app), (message, error) => console.error(message, error)), transport: createWorkerTransport() });
  attachMail(ctx, mail);
  const invoke = createInvoke(ctx);
  const stopBackgroundWork = afterDatabaseOpened(ctx, invoke);
  // The worker the first bank statement import reads its file in, started and warmed up now, not when the clerk waits.
  warmUpWaitingBankWorkers(true);
  keepBankWorkerReady();
  const mailSender = startMailSender(ctx);
  app.on('will-quit', () => {
    stopBackgroundWork();
    // A mail in the middle of its handover is found `uncertain` at the next start, never silently sent twice.
    void mailSender.stop();
    void mail.transport.close();
    void documents.close();
    // A restore from the Backups screen swaps the connection: close the one in use now.
    if (ctx.db.open) ctx.db.close();
  });

  hardenSession(session.defaultSession);
  serveRenderer(rendererDir(app));
  // desktop.* methods (native dialogs, the disk) are answered here; the rest go to invoke.
  const desktopInvoke = withDesktopMethods(invoke, {
    showOpenDialog: (options) => (mainWindow && !mainWindow.isDestroyed() ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    fs: fs.promises,
  });
  registerContractHandlers(ipcMain, desktopInvoke);
  installMenu({
    platform: process.platform,
    isPackaged: app.isPackaged,
    invoke,
    about: { appName: APP_NAME, appVersion: app.getVersion(), versions: process.versions, databaseFile: file },
    mainWindow: openOrFocusMainWindow,
  });
  started = true;
  openOrFocusMainWindow();
  app.on('activate', () => openOrFocusMainWindow());
}

function main(): void {
  // Before ready: the scheme's privileges, and the userData folder browser mode also uses (or the one --user-data-dir names).
  declareAppScheme();
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox();
  pinUserDataDir(app);
  teeConsoleToLog(app.getPath('logs'));
  // Windows groups taskbar buttons and finds the installed shortcut by this id.
  if (process.platform === 'win32') app.setAppUserModelId('org.iom.publications.orderdesk');
  // A second launch hands over to the first window instead of opening the database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (started) openOrFocusMainWindow();
  });
  // Nothing but the one window: no webviews, no pop-ups, in any web contents.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Order Desk: start-up failed:', error);
      dialog.showErrorBox('Order Desk cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

main();
