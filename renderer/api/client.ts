import type { OrderDeskApi } from '../../shared/contract';
import { createHttpApi, takeTokenFromAddress } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    orderDesk?: OrderDeskApi;
  }
}

let api: OrderDeskApi | undefined;

/** The contract, whichever bridge carries it: the preload's IPC, or HTTP in browser mode. */
export function orderDesk(): OrderDeskApi {
  api ??= window.orderDesk ?? createHttpApi(takeTokenFromAddress());
  return api;
}

/** True in the desktop app (the preload set window.orderDesk), false in browser mode. */
export function runsInDesktopApp(): boolean {
  return window.orderDesk !== undefined;
}
