/**
 * Entry of the backup worker thread: runs one job from workerData and posts its result.
 * Bundled as dist/electron/backup-worker.cjs for the desktop app (build/bundle-electron.mjs);
 * loaded from this source through tsx when running from TypeScript (worker-client.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { configureBackupRuntime } from './runtime';
import { runBackupJob, type BackupJob } from './worker-jobs';

const { job, nativeBinding } = workerData as { job: BackupJob; nativeBinding: string | undefined };
// The same better-sqlite3 binary as the main thread (Electron's own build in development).
configureBackupRuntime({ nativeBinding });
void runBackupJob(job).then((result) => parentPort!.postMessage(result));
