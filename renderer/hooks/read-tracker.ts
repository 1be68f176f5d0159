/**
 * The bookkeeping behind useApiRead, kept free of React so its one tricky rule can be
 * unit-tested: only the answer to the newest read may land. A clerk who types fast or
 * leaves a screen must never see an older, slower answer overwrite a newer one.
 */
import type { ApiError, Result } from '../../shared/api/errors';

export interface ReadState<T> {
  /** The last good answer; kept while a newer read runs or after it fails, so the screen does not blank out. */
  data: T | null;
  /** Why the newest read failed; null once a read succeeds. */
  error: ApiError | null;
  /** A read has started and its answer is not in yet. */
  loading: boolean;
}

export function initialReadState<T>(): ReadState<T> {
  return { data: null, error: null, loading: true };
}

/** What a screen passes: the API call, or null when there is nothing to ask yet (e.g. a half-typed date). */
export type Read<T> = () => Promise<Result<T>> | null;

export interface ReadTracker<T> {
  /** Starts a read; any read still running is superseded and its answer dropped. */
  run(read: Read<T>): void;
  /** Drops the answer of any read still running (the screen left or its inputs changed). */
  stop(): void;
}

type Publish<T> = (change: (state: ReadState<T>) => ReadState<T>) => void;

export function createReadTracker<T>(publish: Publish<T>): ReadTracker<T> {
  let latest = 0;
  return {
    run(read) {
      const mine = ++latest;
      const pending = read();
      if (!pending) {
        publish((s) => (s.loading ? { ...s, loading: false } : s));
        return;
      }
      publish((s) => (s.loading ? s : { ...s, loading: true }));
      const settle = (result: Result<T>) => {
        if (mine !== latest) return;
        publish((s) => (result.ok ? { data: result.value, error: null, loading: false } : { ...s, error: result.error, loading: false }));
      };
      // Bridges answer failures as values; a thrown error is a bug, but the clerk still gets words, not a stuck "Loading…".
      pending.then(settle, (thrown: unknown) =>
        settle({ ok: false, error: { code: 'internal', message: `Order Desk could not read this: ${thrown instanceof Error ? thrown.message : String(thrown)}` } }),
      );
    },
    stop() {
      latest++;
    },
  };
}
