/** Creates the one window: remembered bounds, locked-down preferences, loaded from app://. */
import fs from 'node:fs';
import { BrowserWindow, screen, shell } from 'electron';
import { APP_START_URL } from '../security/app-origin';
import { secureWebPreferences } from '../security/web-preferences';
import { hardenWebContents } from '../security/web-contents';
import { createSafeOpenExternal } from '../security/open-external';
import { MIN_HEIGHT, MIN_WIDTH, loadWindowState, saveWindowState, windowStateFile } from './window-state';

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

  void window.loadURL(APP_START_URL);
  return window;
}
