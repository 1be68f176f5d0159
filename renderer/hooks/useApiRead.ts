import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { createReadTracker, initialReadState, type Read, type ReadState } from './read-tracker';

export interface ApiRead<T> extends ReadState<T> {
  /** Reads again with the same inputs (after a change made on this screen, or Try again after an error). */
  reload(): void;
  /** Changes the data held locally (e.g. one row the screen just saved), without asking the API. */
  update(change: (data: T) => T): void;
}

export interface ApiReadOptions {
  /** Waits this long after the inputs change before asking (a pause in typing); 0 asks at once. */
  delayMs?: number;
  /**
   * When the inputs change, the answer to the old ones disappears at once (data null, loading),
   * for a screen where it would pass for the new one (last month's report under this month's
   * name). By default it stays until the new answer is in, so a list does not blank out while
   * the clerk types. A reload always keeps it.
   */
  forgetOnChange?: boolean;
}

function sameInputs(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * The one way a screen reads from the API, redone whenever deps change:
 * `useApiRead(() => orderDesk().orders.get({ id }), [id])` gives `{ data, error, loading, reload, update }`.
 * Answers to superseded reads are dropped (a slow answer never overwrites a newer one, nor lands after
 * the screen is gone); a failure is `error`, never an empty result. `read` may return null to skip asking
 * (data and error then stay as they were). Paged lists whose search and page outlive the screen use a
 * paged-list store (components/list) instead.
 */
export function useApiRead<T>(read: Read<T>, deps: DependencyList, options: ApiReadOptions = {}): ApiRead<T> {
  const [state, setState] = useState<ReadState<T>>(initialReadState);
  const [tracker] = useState(() => createReadTracker<T>(setState));
  const [version, setVersion] = useState(0);
  const delayMs = options.delayMs ?? 0;

  // Adjusted during render (not in an effect), so not even one frame shows the old answer under the new inputs.
  const [answering, setAnswering] = useState<DependencyList>(deps);
  if (options.forgetOnChange && !sameInputs(answering, deps)) {
    setAnswering(deps);
    setState(initialReadState<T>());
  }

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
