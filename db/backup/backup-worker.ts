/**
 * Entry of the backup worker thread: runs one job from workerData and posts its result.
 * Bundled as dist/electron/backup-worker.cjs for the desktop app (build/bundle-electron.mjs);
 * loaded from this source through tsx when running from TypeScript (worker-client.ts).
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { configureBackupRuntime } from './runtime';
import { runBackupJob, type BackupJob } from './worker-jobs';

// Background work yields to the thread that answers the clerk. On Linux a nice value is
// per thread, so this lowers only this worker; elsewhere it would lower the whole app.
if (process.platform === 'linux') os.setPriority(19);

const { job, nativeBinding } = workerData as { job: BackupJob; nativeBinding: string | undefined };
// The same better-sqlite3 binary as the main thread (Electron's own build in development).
configureBackupRuntime({ nativeBinding });
void runBackupJob(job).then((result) => parentPort!.postMessage(result));
