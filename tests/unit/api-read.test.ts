import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/errors';
import { createReadTracker, initialReadState, type ReadState } from '../../renderer/hooks/read-tracker';
import { followsHere } from '../../renderer/components/link-click';

/** A read whose answer the test hands over when it wants, to play out slow and fast answers. */
function deferred<T>() {
  let answer!: (result: Result<T>) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<Result<T>>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

function tracked<T>() {
  let state: ReadState<T> = initialReadState<T>();
  const tracker = createReadTracker<T>((change) => {
    state = change(state);
  });
  return { tracker, state: () => state };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading from the API for a screen', () => {
  it('keeps the newest answer when an older, slower one arrives after it', async () => {
    const { tracker, state } = tracked<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    tracker.run(() => slow.promise);
    tracker.run(() => fast.promise);
    fast.answer({ ok: true, value: 'Customers matching "Zoë"' });
    await flush();
    slow.answer({ ok: true, value: 'Customers matching "Z"' });
    await flush();
    expect(state()).toEqual({ data: 'Customers matching "Zoë"', error: null, loading: false });
  });

  it('drops an answer that arrives after the screen stopped asking', async () => {
    const { tracker, state } = tracked<string>();
    const pending = deferred<string>();
    tracker.run(() => pending.promise);
    tracker.stop();
    pending.answer({ ok: true, value: 'order 12' });
    await flush();
    expect(state().data).toBeNull();
  });

  it('shows an error but keeps what was read before, and clears the error on the next good answer', async () => {
    const { tracker, state } = tracked<number>();
    tracker.run(() => Promise.resolve({ ok: true, value: 3 }));
    await flush();
    tracker.run(() => Promise.resolve({ ok: false, error: { code: 'not_found', message: 'No order 99.' } }));
    expect(state().loading).toBe(true);
    await flush();
    expect(state()).toEqual({ data: 3, error: { code: 'not_found', message: 'No order 99.' }, loading: false });
    tracker.run(() => Promise.resolve({ ok: true, value: 4 }));
    await flush();
    expect(state()).toEqual({ data: 4, error: null, loading: false });
  });

  it('turns a read that throws into an error a clerk can read instead of an endless "Loading…"', async () => {
    const { tracker, state } = tracked<number>();
    const broken = deferred<number>();
    tracker.run(() => broken.promise);
    broken.fail(new Error('bridge closed'));
    await flush();
    expect(state().loading).toBe(false);
    expect(state().error).toMatchObject({ code: 'internal', message: expect.stringContaining('bridge closed') });
  });

  it('asks nothing when the screen has nothing to ask yet, and keeps the last answer', async () => {
    const { tracker, state } = tracked<string>();
    tracker.run(() => Promise.resolve({ ok: true, value: 'prices of 2026-11-20' }));
    await flush();
    tracker.run(() => null);
    expect(state()).toEqual({ data: 'prices of 2026-11-20', error: null, loading: false });
  });
});

describe('app links', () => {
  const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

  it('switch the screen here on a plain click, and on Ctrl/Cmd/Shift/Alt or middle click, since a new tab would have no session', () => {
    expect(followsHere(click)).toBe(true);
    for (const key of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) expect(followsHere({ ...click, [key]: true })).toBe(true);
    expect(followsHere({ ...click, button: 1 })).toBe(true);
  });

  it('leave the right button to its menu', () => {
    expect(followsHere({ ...click, button: 2 })).toBe(false);
  });
});
