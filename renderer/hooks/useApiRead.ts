import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { createReadTracker, initialReadState, type Read, type ReadState } from './read-tracker';

export interface ApiRead<T> extends ReadState<T> {
  /** Reads again with the same inputs (after a change made on this screen). */
  reload(): void;
  /** Changes the data held locally (e.g. one row the screen just saved), without asking the API. */
  update(change: (data: T) => T): void;
}

export interface ApiReadOptions {
  /** Waits this long after the inputs change before asking (a pause in typing); 0 asks at once. */
  delayMs?: number;
}

/**
 * One read from the API, redone whenever deps change: `useApiRead(() => orderDesk().orders.get({ id }), [id])`
 * gives `{ data: OutputOf<'orders.get'> | null, error, loading, reload, update }`. Answers to superseded reads are
 * dropped. `read` may return null to skip asking (data and error then stay as they were).
 */
export function useApiRead<T>(read: Read<T>, deps: DependencyList, options: ApiReadOptions = {}): ApiRead<T> {
  const [state, setState] = useState<ReadState<T>>(initialReadState);
  const [tracker] = useState(() => createReadTracker<T>(setState));
  const [version, setVersion] = useState(0);
  const delayMs = options.delayMs ?? 0;

  useEffect(() => {
    if (delayMs <= 0) {
      tracker.run(read);
      return () => tracker.stop();
    }
    const timer = window.setTimeout(() => tracker.run(read), delayMs);
    return () => {
      window.clearTimeout(timer);
      tracker.stop();
    };
    // `read` is a new closure every render; the caller's deps say when it asks something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version, delayMs, tracker]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback((change: (data: T) => T) => setState((s) => (s.data === null ? s : { ...s, data: change(s.data) })), []);
  return { ...state, reload, update };
}
