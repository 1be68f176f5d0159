/**
 * The renderer gets no Node, runs sandboxed and isolated from the preload, and keeps
 * web security on. The preload is the only bridge, and it exposes only the contract.
 */
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spell checker downloads dictionaries on Linux; the app never touches the network.
    spellcheck: false,
  };
}
