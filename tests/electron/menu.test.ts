import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu-template';
import { describeBackupResult } from '../../electron/main/backup-message';
import { aboutText } from '../../electron/main/about';
import { MENU_ROUTES, hashNavigationScript } from '../../electron/main/renderer-navigation';

function actions() {
  return { newOrder: vi.fn<() => void>(), backUpNow: vi.fn<() => void>(), about: vi.fn<() => void>(), showDataFolder: vi.fn<() => void>() } satisfies MenuActions;
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((item) => item.label?.replace('&', '') === label || item.role === label);
  if (!found) throw new Error(`No ${label} menu`);
  return submenu(found);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item!.click as () => void)();
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);

describe('the native menu', () => {
  it('offers New Order on Ctrl/Cmd+N, Back Up Now and Exit under File on Windows and Linux', () => {
    const a = actions();
    const template = buildMenuTemplate({ platform: 'win32', isPackaged: true, appName: 'Order Desk', actions: a });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const file = menu(template, 'File');
    const newOrder = file.find((i) => i.id === 'new-order');
    expect(newOrder).toMatchObject({ label: '&New Order', accelerator: 'CmdOrCtrl+N' });
    click(newOrder);
    expect(a.newOrder).toHaveBeenCalledOnce();
    click(file.find((i) => i.id === 'back-up-now'));
    expect(a.backUpNow).toHaveBeenCalledOnce();
    expect(file.at(-1)).toMatchObject({ role: 'quit' });
    click(menu(template, 'Help').find((i) => i.label === 'About Order Desk'));
    expect(a.about).toHaveBeenCalledOnce();
    click(menu(template, 'Help').find((i) => i.id === 'show-data-folder'));
    expect(a.showDataFolder).toHaveBeenCalledOnce();
  });

  it('has the usual editing commands', () => {
    const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Order Desk', actions: actions() });
    expect(roles(menu(template, 'Edit'))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles(menu(template, 'View'))).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('shows developer tools only in development builds', () => {
    const packaged = buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Order Desk', actions: actions() });
    const development = buildMenuTemplate({ platform: 'linux', isPackaged: false, appName: 'Order Desk', actions: actions() });
    expect(roles(menu(packaged, 'View'))).not.toContain('toggleDevTools');
    expect(roles(menu(development, 'View'))).toContain('toggleDevTools');
  });

  it('follows macOS conventions: an app menu with About and Quit, and Close under File', () => {
    const a = actions();
    const template = buildMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Order Desk', actions: a });
    expect(template[0]!.label).toBe('Order Desk');
    const appMenu = submenu(template[0]);
    expect(roles(appMenu)).toEqual(expect.arrayContaining(['hide', 'hideOthers', 'unhide', 'quit']));
    click(appMenu[0]);
    expect(a.about).toHaveBeenCalledOnce();
    expect(menu(template, 'File').at(-1)).toMatchObject({ role: 'close' });
  });

  it('moves the renderer to the new-order screen by its address only', () => {
    expect(hashNavigationScript(MENU_ROUTES.newOrder)).toBe('location.hash = "#/new-order"; undefined;');
    expect(() => hashNavigationScript('#/x"; alert(1); "' as never)).toThrow();
  });
});

describe('Back Up Now tells the clerk what happened', () => {
  it('reports a finished backup with its name', () => {
    const text = describeBackupResult({
      ok: true,
      value: {
        backup: { name: 'order-desk-2026-11-29T0900.db', createdAt: '', sizeBytes: 1, verified: true, schemaVersion: 2, counts: null },
        removedOld: ['a.db', 'b.db'],
      },
    });
    expect(text.type).toBe('info');
    expect(text.message).toBe('Backup complete.');
    expect(text.detail).toContain('order-desk-2026-11-29T0900.db');
    expect(text.detail).toContain('checked');
    expect(text.detail).toContain('2 older backups were removed');
  });

  it('shows the error message when there is no backup yet (method not available)', () => {
    const text = describeBackupResult({ ok: false, error: { code: 'not_found', message: 'Unknown method "backups.create".' } });
    expect(text).toEqual({ type: 'error', message: 'The backup was not made.', detail: 'Unknown method "backups.create".' });
  });
});

it('About names the version and where the database is', () => {
  const text = aboutText({ appName: 'Order Desk', appVersion: '0.1.0', versions: { electron: '39.5.0', chrome: '142.0', node: '22.20.0' }, databaseFile: '/home/clerk/.config/Order Desk/order-desk.db' });
  expect(text.message).toBe('Order Desk 0.1.0');
  expect(text.detail).toContain('/home/clerk/.config/Order Desk/order-desk.db');
  expect(text.detail).toContain('Electron 39.5.0');
});
