/**
 * The native menu, as a plain template so it can be checked without Electron. The
 * actions are passed in; menu.ts wires them to the window and dialogs.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newOrder(): void;
  backUpNow(): void;
  about(): void;
  /** Opens the file manager at the database, for IT and backups by hand. */
  showDataFolder(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools are for development builds only. */
  isPackaged: boolean;
  appName: string;
  actions: MenuActions;
}

export function buildMenuTemplate({ platform, isPackaged, appName, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-order', label: '&New Order', accelerator: 'CmdOrCtrl+N', click: () => actions.newOrder() },
      { type: 'separator' },
      { id: 'back-up-now', label: '&Back Up Now', click: () => actions.backUpNow() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'E&xit', accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'forceReload' }, { role: 'toggleDevTools' }];
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...developerItems,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  // The windowMenu role fills in each platform's usual items (Minimize, Zoom, Close, ...).
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ id: 'show-data-folder', label: 'Show &Data Folder', click: () => actions.showDataFolder() }, ...(isMac ? [] : [{ type: 'separator' } as const, about])],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
