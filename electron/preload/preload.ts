/**
 * Runs sandboxed before the page, in an isolated world. Exposes window.orderDesk (the
 * contract) and nothing else. The menu moves the page by setting location.hash from
 * the main process, so no event channel is exposed for it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('orderDesk', createPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)));
