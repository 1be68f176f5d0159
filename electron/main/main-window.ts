/** Creates the one window: remembered bounds, locked-down preferences, loaded from app://. */
import fs from 'node:fs';
import { BrowserWindow, dialog, screen, shell } from 'electron';
import { APP_START_URL } from '../security/app-origin';
import { secureWebPreferences } from '../security/web-preferences';
import { hardenWebContents } from '../security/web-contents';
import { createSafeOpenExternal } from '../security/open-external';
import { MIN_HEIGHT, MIN_WIDTH, loadWindowState, saveWindowState, windowStateFile } from './window-state';

const MAX_RELOADS_AFTER_CRASH = 3;

export interface MainWindowOptions {
  preload: string;
  userDataDir: string;
  title: string;
}

export function createMainWindow({ preload, userDataDir, title }: MainWindowOptions): BrowserWindow {
  const stateFile = windowStateFile(userDataDir);
  const state = loadWindowState(stateFile, fs, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  });
  if (state.isMaximized) window.maximize();

  hardenWebContents(window.webContents, createSafeOpenExternal((url) => shell.openExternal(url)));
  // Shown only once painted, so the clerk never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  // getNormalBounds: the size to restore to, even when closed while maximized.
  window.on('close', () => saveWindowState(stateFile, fs, window.getNormalBounds(), window.isMaximized()));

  // A screen with unsaved work cancels unload (beforeunload); Electron would then silently refuse
  // to close, so ask the clerk instead. preventDefault here means "leave anyway".
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Unsaved changes',
      message: 'Leave without saving?',
      detail: 'What you typed on this screen has not been saved yet.',
      buttons: ['Leave Without Saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  // If the page crashes, bring it back rather than leaving a blank window (saved data is in the
  // database), but not forever: a page that keeps crashing gets an explanation instead.
  let crashes = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    console.error('Order Desk: the window stopped unexpectedly:', details.reason);
    crashes += 1;
    if (crashes <= MAX_RELOADS_AFTER_CRASH) {
      void window.loadURL(APP_START_URL);
      return;
    }
    dialog.showErrorBox('Order Desk stopped working', `The window keeps stopping (${details.reason}). Everything saved is safe. Please restart Order Desk, and tell IT if it happens again.`);
  });

  void window.loadURL(APP_START_URL);
  return window;
}
