/** Automatic backups: one when the app starts, then one a day while it runs. */
import type { ServiceContext } from '../context';
import { createBackup, currentBackupFolder, type CreatedBackup } from './create';
import { listBackups } from './files';
import { identityOf } from './identity';

export const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Only this database's own backups count: another database backing up into the same folder does not stand in for it. */
function hasRecentBackup(ctx: ServiceContext, withinMs: number): boolean {
  const latest = listBackups(currentBackupFolder(ctx).folder, identityOf(ctx.db).id).find((b) => b.verified && b.origin === 'this-database');
  return latest !== undefined && ctx.now().getTime() - new Date(latest.createdAt).getTime() < withinMs;
}

export interface BackupScheduleOptions {
  /** Time between automatic backups; a day unless a test says otherwise. */
  intervalMs?: number;
  /** Delay before the first backup, so start-up is not slowed; 0 by default. */
  firstDelayMs?: number;
  /**
   * No start-up backup when a verified one is younger than this (an hour by default), so
   * restarting the app often does not push the older daily backups out of "keep".
   */
  recentEnoughMs?: number;
  /** Called after each attempt: the created backup, or the error a clerk should see. */
  onResult?: (result: { ok: true; created: CreatedBackup } | { ok: false; error: Error }) => void;
  /** Injectable timers for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Starts automatic backups of ctx's database and returns the function that stops them.
 * A backup never overlaps another; a failed one is reported and retried at the next tick.
 */
export function startBackupSchedule(ctx: ServiceContext, options: BackupScheduleOptions = {}): () => void {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const interval = options.intervalMs ?? DAY_MS;
  let stopped = false;
  let running = false;
  let handle: unknown;

  const tick = async (first: boolean) => {
    if (stopped || running) return;
    running = true;
    try {
      if (first && hasRecentBackup(ctx, options.recentEnoughMs ?? HOUR_MS)) return;
      const created = await createBackup(ctx);
      options.onResult?.({ ok: true, created });
    } catch (error) {
      options.onResult?.({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      running = false;
      if (!stopped) handle = setTimer(() => void tick(false), interval);
    }
  };

  handle = setTimer(() => void tick(true), options.firstDelayMs ?? 0);
  return () => {
    stopped = true;
    clearTimer(handle);
  };
}
