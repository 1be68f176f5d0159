/** Installs the native menu and connects its commands to the window and the API. */
import { Menu, dialog, shell, type BrowserWindow } from 'electron';
import type { Invoke } from '../../db/api/invoke';
import { buildMenuTemplate } from './menu-template';
import { describeBackupResult } from './backup-message';
import { aboutText, type AboutInfo } from './about';
import { MENU_ROUTES, hashNavigationScript } from './renderer-navigation';

export interface MenuContext {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  invoke: Invoke;
  about: AboutInfo;
  /** The window commands act on, created again if it was closed (macOS). */
  mainWindow(): BrowserWindow;
}

export function installMenu(context: MenuContext): void {
  let backingUp = false;
  const template = buildMenuTemplate({
    platform: context.platform,
    isPackaged: context.isPackaged,
    appName: context.about.appName,
    actions: {
      newOrder: () => {
        const window = context.mainWindow();
        if (window.isMinimized()) window.restore();
        window.focus();
        void window.webContents.executeJavaScript(hashNavigationScript(MENU_ROUTES.newOrder));
      },
      backUpNow: () => {
        // One at a time: a second click while a backup runs would only make a duplicate.
        if (backingUp) return;
        backingUp = true;
        void (async () => {
          try {
            const result = await context.invoke('backups.create', {});
            await dialog.showMessageBox(context.mainWindow(), { ...describeBackupResult(result), title: 'Back Up Now', buttons: ['OK'] });
          } finally {
            backingUp = false;
          }
        })();
      },
      showDataFolder: () => shell.showItemInFolder(context.about.databaseFile),
      about: () => {
        const text = aboutText(context.about);
        void dialog.showMessageBox(context.mainWindow(), { type: 'info', title: `About ${context.about.appName}`, buttons: ['OK'], ...text });
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
