import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { createPreloadApi } from '../../electron/preload/preload-api';

const exposed: Record<string, unknown> = {};
const invoked: Array<[string, unknown]> = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: channel };
    },
  },
}));

function shape(api: object): string[] {
  return Object.entries(api).flatMap(([area, verbs]) => Object.keys(verbs as object).map((verb) => `${area}.${verb}`)).sort();
}

describe('the preload exposes exactly the contract', () => {
  it('has one function per contract method, grouped by area, and nothing else', () => {
    const api = createPreloadApi(async () => ({ ok: true, value: null }));
    expect(shape(api)).toEqual([...METHOD_NAMES].sort());
    for (const verbs of Object.values(api)) for (const fn of Object.values(verbs as object)) expect(typeof fn).toBe('function');
  });

  it('sends each call on its own channel with the input untouched', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = createPreloadApi(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: 42 };
    });
    const input = { id: 7 };
    await expect(api.orders.get(input)).resolves.toEqual({ ok: true, value: 42 });
    expect(calls).toEqual([['order-desk:orders.get', input]]);
  });

  it('turns an unreachable main process into an error value, never an exception', async () => {
    const api = createPreloadApi(async () => {
      throw new Error("No handler registered for 'order-desk:orders.get'");
    });
    const result = await api.orders.get({ id: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('preload.ts puts only window.orderDesk into the page, wired to ipcRenderer.invoke', async () => {
    await import('../../electron/preload/preload');
    expect(Object.keys(exposed)).toEqual(['orderDesk']);
    const api = exposed.orderDesk as ReturnType<typeof createPreloadApi>;
    expect(shape(api)).toEqual([...METHOD_NAMES].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|invoke|electron/i);
    await api.settings.get({});
    expect(invoked).toEqual([['order-desk:settings.get', {}]]);
  });
});
