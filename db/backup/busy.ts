/**
 * One backup or restore at a time per app. Both now wait on a worker thread, so requests
 * run in between: a second backup must not start, and a restore must not close the
 * connection under a running backup (nor a backup start while a restore is checking).
 */
import { DomainError } from '../../shared/api/errors';
import type { ServiceContext } from '../context';

type Work = 'backup' | 'restore';

// Keyed by the context, not its connection: a restore swaps ctx.db.
const busy = new WeakMap<ServiceContext, Work>();

const refusals: Record<Work, Record<Work, string>> = {
  backup: {
    backup: 'A backup is being written right now. Wait a moment; it will appear in the list.',
    restore: 'A backup is being written right now. Try the restore again in a minute; nothing was changed.',
  },
  restore: {
    backup: 'A backup is being restored right now. Back up again once it is done.',
    restore: 'A backup is being restored right now. Wait for it to finish; nothing else was changed.',
  },
};

/** Runs `work` as the one backup or restore under way, or refuses with a conflict. */
export async function exclusively<T>(ctx: ServiceContext, wanted: Work, work: () => Promise<T>): Promise<T> {
  const current = busy.get(ctx);
  if (current) throw new DomainError('conflict', refusals[current][wanted]);
  busy.set(ctx, wanted);
  try {
    return await work();
  } finally {
    busy.delete(ctx);
  }
}
