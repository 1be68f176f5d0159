/**
 * npm run web -- [--db PATH] [--port N] [--token T] [--user NAME] [--ask-user] [--restore-latest] [--smtp-password-file FILE]
 * Serves the built renderer and the API on 127.0.0.1 and prints the address to open.
 * --user fixes who is working for the whole run; --ask-user instead asks in the page, as the
 * desktop app does (starting from --user or the operating-system account until answered).
 * Backs the database up on start and daily. When the database file is damaged it says
 * so, names the latest good backup, and restores it only when run with --restore-latest
 * (the damaged file is kept beside it; nothing is deleted).
 * The mail server's password is read from --smtp-password-file (its first line), else from the
 * environment variable ORDER_DESK_SMTP_PASSWORD; it is never stored by Order Desk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../db/connection';
import { backupFolderForFile, currentBackupFolder, findLatestGoodBackup, recoverFromLatestBackup, startBackupSchedule } from '../../db/backup';
import { createContext } from '../../db/context';
import { askedUser } from '../../db/session-user';
import { createInvoke } from '../../db/api/invoke';
import { DomainError } from '../../shared/api/errors';
import { startWebServer } from './http-bridge';
import { createDocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import { lazyRenderer } from '../../db/documents/lazy-renderer';
import { DATABASE_FILE_NAME, defaultUserDataDir } from './default-paths';
import { attachMail, createMailRuntime } from '../../db/mail/runtime';
import { createWorkerTransport } from '../../db/mail/smtp-client';
import { startMailSender } from '../../db/mail/sender';
import { commandLinePasswordStore } from '../../db/mail/password-store';
import { keepBankWorkerReady, warmUpWaitingBankWorkers } from '../../db/bank/waiting-workers';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5180' },
      token: { type: 'string' },
      user: { type: 'string' },
      'ask-user': { type: 'boolean', default: false },
      'restore-latest': { type: 'boolean', default: false },
      'smtp-password-file': { type: 'string' },
    },
  });
  const dbFile = path.resolve(values.db ?? path.join(defaultUserDataDir(), DATABASE_FILE_NAME));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const token = values.token ?? crypto.randomBytes(24).toString('base64url');
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });

  const db = openOrRecover(dbFile, values['restore-latest'] ?? false);
  const userName = values.user ?? os.userInfo().username;
  // Invoice PDFs are made in a worker thread (the TypeScript source through tsx), started on first use.
  const documents = lazyRenderer(() => createDocumentRenderer(sourceRenderWorker()));
  const ctx = createContext(db, values['ask-user'] ? askedUser(userName) : userName, undefined, documents);
  const passwordFile = values['smtp-password-file'] === undefined ? undefined : path.resolve(values['smtp-password-file']);
  if (passwordFile !== undefined && !fs.existsSync(passwordFile)) throw new Error(`--smtp-password-file names ${passwordFile}, which does not exist.`);
  const mail = createMailRuntime({ passwords: commandLinePasswordStore({ file: passwordFile }), transport: createWorkerTransport() });
  attachMail(ctx, mail);
  const mailSender = startMailSender(ctx);
  const stopBackups = startBackupSchedule(ctx, {
    onResult: (result) => {
      if (result.ok) console.log(`Backup written and verified: ${path.join(currentBackupFolder(ctx).folder, result.created.backup.name)}`);
      else console.error(`Backup failed: ${result.error.message}`);
    },
  });
  const server = await startWebServer({ invoke: createInvoke(ctx), token, port, staticDir: path.resolve(here, '../../dist/renderer') });
  // The worker the first bank statement import reads its file in, started and warmed up now, not when the clerk waits.
  warmUpWaitingBankWorkers(true);
  keepBankWorkerReady();
  console.log(`Database: ${dbFile}`);
  console.log(`Order Desk listening on ${server.url}?token=${encodeURIComponent(token)}`);

  const stop = () => {
    stopBackups();
    // A mail cut off in its handover is `uncertain` (now, or at the next start): never silently sent twice.
    void mailSender.stop();
    void Promise.all([server.close(), documents.close(), mail.transport.close()]).then(() => {
      // A restore may have swapped the connection: close the one in use now.
      if (ctx.db.open) ctx.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Opens the database; when it is damaged, offers (or with --restore-latest performs) recovery from the latest good backup. */
function openOrRecover(dbFile: string, restoreLatest: boolean): Db {
  try {
    return openDatabase(dbFile);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'database_damaged') throw error;
    const folder = backupFolderForFile(dbFile);
    const good = findLatestGoodBackup(dbFile, folder);
    console.error(error.message);
    if (!good) {
      console.error(`No good backup of this database was found in ${folder} (backups of other databases there are never used). Keep the file as it is and ask IT for help.`);
      process.exit(2);
    }
    const counts = good.counts ? ` (${good.counts.orders} orders, ${good.counts.customers} customers)` : '';
    if (!restoreLatest) {
      console.error(`The latest good backup is ${path.join(folder, good.name)}, made ${good.createdAt}${counts}.`);
      console.error('To restore it, start again with --restore-latest. The damaged file will be kept beside it; nothing is deleted.');
      console.error('Anything entered after that backup will have to be entered again.');
      process.exit(2);
    }
    const recovery = recoverFromLatestBackup(dbFile, folder)!;
    console.log(`Restored ${recovery.restoredFrom}${counts}.`);
    console.log(`The damaged file is kept as ${recovery.damagedCopy}.`);
    return openDatabase(dbFile);
  }
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) console.error(`Order Desk cannot start: ${error.message}`);
  else console.error('Order Desk cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
