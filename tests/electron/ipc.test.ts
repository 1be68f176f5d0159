import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { registerContractHandlers, type IpcMainLike, type InvokeEventLike } from '../../electron/main/ipc';
import { isAppUrl, isTrustedSender } from '../../electron/security/app-origin';
import type { Result } from '../../shared/api/errors';
import { openTestApp, type TestApp } from '../support/test-db';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

const appFrame = { url: 'app://order-desk/index.html#/orders', parent: null };

describe('IPC handlers come from the contract', () => {
  let app: TestApp | undefined;
  afterEach(() => app?.close());

  it('registers every contract method on its own order-desk: channel, and nothing else', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerContractHandlers(ipc, vi.fn());
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `order-desk:${m}`).sort());
    expect(handlers.has('order-desk:orders.create')).toBe(true);
  });

  it('passes the input straight to invoke for the app window, and removes the handlers on request', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const invoke = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    const unregister = registerContractHandlers(ipc, invoke);
    const input = { lines: [{ quantity: 2 }] };
    await expect(handlers.get('order-desk:orders.create')!({ senderFrame: appFrame }, input)).resolves.toEqual({ ok: true, value: 'done' });
    expect(invoke).toHaveBeenCalledWith('orders.create', input);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers a real query from the app window with data from the database', async () => {
    app = openTestApp();
    const { ipc, handlers } = fakeIpcMain();
    registerContractHandlers(ipc, app.invoke);
    const result = await handlers.get('order-desk:catalogue.list')!({ senderFrame: appFrame }, {});
    expect(result.ok).toBe(true);
    // Validation errors still come back as values naming the field.
    const invalid = await handlers.get('order-desk:orders.create')!({ senderFrame: appFrame }, { lines: 'many' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error.code).toBe('invalid_input');
  });

  it.each([
    ['another web site', { url: 'https://evil.example/', parent: null }],
    ['a local file', { url: 'file:///home/clerk/Downloads/order.html', parent: null }],
    ['browser mode over http', { url: 'http://127.0.0.1:5180/', parent: null }],
    ['a look-alike host', { url: 'app://order-desk.evil/index.html', parent: null }],
    ['a user-info trick', { url: 'app://evil@order-desk/index.html', parent: null }],
    ['a different port', { url: 'app://order-desk:8080/index.html', parent: null }],
    ['another custom scheme', { url: 'apps://order-desk/index.html', parent: null }],
    ['an iframe inside the app page', { url: 'app://order-desk/index.html', parent: { url: 'app://order-desk/index.html' } }],
    ['another document on the app origin', { url: 'app://order-desk/assets/logo.svg', parent: null }],
    ['a frame that is gone', null],
    ['a garbage URL', { url: 'not a url', parent: null }],
  ])('refuses a call from %s with a forbidden error value and never runs the method', async (_label, senderFrame) => {
    const { ipc, handlers } = fakeIpcMain();
    const invoke = vi.fn();
    registerContractHandlers(ipc, invoke);
    const result = await handlers.get('order-desk:orders.cancel')!({ senderFrame }, { id: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/did not come from the Order Desk window/) } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('recognises only the app origin itself', () => {
    expect(isAppUrl('app://order-desk/')).toBe(true);
    expect(isAppUrl('app://order-desk/assets/index.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isTrustedSender({ url: 'app://order-desk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://order-desk/', parent: null })).toBe(true);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
