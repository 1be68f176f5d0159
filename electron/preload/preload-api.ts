/**
 * window.orderDesk for the desktop app: exactly the contract, each method sent on its
 * own IPC channel. Nothing else crosses: no ipcRenderer, no generic send.
 */
import { buildApi, type OrderDeskApi } from '../../shared/contract';
import type { Result } from '../../shared/api/errors';
import { channelFor } from '../main/channels';

export type IpcInvoke = (channel: string, input: unknown) => Promise<unknown>;

const UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Order Desk could not reach its database. Nothing was saved. Please restart Order Desk.' },
};

export function createPreloadApi(ipcInvoke: IpcInvoke): OrderDeskApi {
  // ipcRenderer.invoke rejects only when the main process cannot answer (no handler, shutting down):
  // the renderer still gets an error value, never an exception.
  return buildApi((method, input) => (ipcInvoke(channelFor(method), input) as Promise<Result<unknown>>).catch(() => UNREACHABLE));
}
