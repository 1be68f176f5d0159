/**
 * One ipcMain.handle channel per contract method ("order-desk:orders.create"), generated
 * from the contract so a new method is reachable the moment it is added there. Input is
 * passed straight to invoke, which validates it with the same schemas browser mode uses.
 */
import { METHOD_NAMES } from '../../shared/contract';
import type { Invoke } from '../../db/api/invoke';
import type { Result } from '../../shared/api/errors';
import { isTrustedSender, type SenderFrame } from '../security/app-origin';
import { channelFor } from './channels';


/** The slice of an IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  senderFrame: SenderFrame | null;
}

/** The slice of Electron's ipcMain used here; a fake in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Order Desk window and was refused.' },
};

export function registerContractHandlers(ipcMain: IpcMainLike, invoke: Invoke, methods: readonly string[] = METHOD_NAMES): () => void {
  for (const method of methods) {
    ipcMain.handle(channelFor(method), async (event, input) => {
      if (!isTrustedSender(event.senderFrame)) return FORBIDDEN;
      return invoke(method, input);
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(channelFor(method));
  };
}
