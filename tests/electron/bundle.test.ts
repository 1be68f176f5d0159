/**
 * Runs the real bundles (dist/electron/main.cjs and preload.cjs, built into a temp folder)
 * against a fake 'electron' module, since the Electron binary is not available here:
 * proves the wiring end to end, from startup to an IPC call answered from the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Module, { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { bundleElectron } from '../../build/bundle-electron.mjs';
import { METHOD_NAMES } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { execFileSync } from 'node:child_process';
import { bundledRenderWorker, createDocumentRenderer } from '../../db/documents/render-pool';
import { tempDir } from '../support/test-db';
import { sampleInvoice, sampleLines } from '../support/invoice-fixtures';
import { camtBase64 } from '../support/camt-files';
import { BANK_ACCOUNTS, CHF_QR_IBAN } from '../support/bank-fixtures';
import { startSmtpServer } from '../support/mail';

let bundle: { main: string; preload: string; renderWorker: string };
const restoreConsole: Array<() => void> = [];
afterEach(() => restoreConsole.splice(0).forEach((restore) => restore()));

beforeAll(async () => {
  const appDir = tempDir('order-desk-bundle-');
  bundle = await bundleElectron(path.join(appDir, 'electron'));
  // The backup worker thread loads better-sqlite3 itself, outside this test's module hooks:
  // the project's packages sit beside the bundle as they do in the packaged app.
  fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(appDir, 'node_modules'), 'junction');
}, 120_000);

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, input: unknown) => Promise<unknown>;

function fakeElectron(appData: string, appPath: string, { firstInstance = true, switches = {} as Record<string, string> } = {}) {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const emit = (name: string, ...args: unknown[]) => (listeners.get(name) ?? []).forEach((l) => l(...args));
  const paths: Record<string, string> = { appData, logs: path.join(appData, 'logs') };
  const windows: FakeWindow[] = [];
  const ipc = new Map<string, Handler>();
  let menu: MenuItemConstructorOptions[] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class FakeWindow {
    options: { webPreferences: Record<string, unknown> };
    url = '';
    scripts: string[] = [];
    private events = new Map<string, () => void>();
    webContents = {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      executeJavaScript: vi.fn(async (script: string) => void this.scripts.push(script)),
    };
    constructor(options: FakeWindow['options']) {
      this.options = options;
      windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    once(name: string, listener: () => void) {
      this.events.set(name, listener);
    }
    on(name: string, listener: () => void) {
      this.events.set(name, listener);
    }
    emit(name: string) {
      this.events.get(name)?.();
    }
    maximize() {}
    show() {}
    focused = 0;
    focus() {
      this.focused += 1;
    }
    restore() {}
    isMinimized = () => false;
    isDestroyed = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1300, height: 850 });
  }

  const electron = {
    app: {
      isPackaged: false,
      getPath: (name: string) => paths[name],
      setPath: (name: string, value: string) => void (paths[name] = value),
      getAppPath: () => appPath,
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => firstInstance,
      commandLine: { getSwitchValue: (name: string) => switches[name] ?? '' },
      setAppUserModelId: vi.fn(),
      enableSandbox: vi.fn(),
      isReady: () => true,
      quit: vi.fn(),
      exit: vi.fn(),
      on: (name: string, listener: (...args: unknown[]) => void) => void listeners.set(name, [...(listeners.get(name) ?? []), listener]),
      whenReady: () => whenReady,
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })), showMessageBoxSync: vi.fn(() => 1) },
    ipcMain: { handle: (channel: string, handler: Handler) => void ipc.set(channel, handler), removeHandler: (channel: string) => void ipc.delete(channel) },
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => (menu = template), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (_scheme: string, handler: typeof protocolHandler) => void (protocolHandler = handler) },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } } },
    shell: { openExternal: vi.fn() },
    // Reversible, as the system's would be; only that the password never lands in clear matters here.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (bytes: Buffer) => Buffer.from(bytes).reverse().toString('utf8'),
    },
  };
  return { electron, ready, emit, windows, ipc, paths, menu: () => menu, protocol: () => protocolHandler! };
}

/** Loads the main bundle with require('electron') answered by the fake. */
function runMain(fake: ReturnType<typeof fakeElectron>): void {
  // main.cjs tees console.warn/error into its log file: give this test process its console back afterwards.
  const { warn, error } = console;
  restoreConsole.push(() => Object.assign(console, { warn, error }));
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const require = createRequire(import.meta.url);
  // The bundle sits in a temp folder, so its one real package is resolved from the project.
  const sqlite: unknown = require('better-sqlite3');
  loader._load = (request, ...rest) => {
    if (request === 'electron') return fake.electron;
    if (request === 'better-sqlite3') return sqlite;
    return original(request, ...rest);
  };
  try {
    delete require.cache[bundle.main];
    require(bundle.main);
  } finally {
    loader._load = original;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const appFrame = { url: 'app://order-desk/index.html', parent: null };

function fakeProject(): string {
  const appPath = tempDir('order-desk-app-');
  fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Order Desk</title>');
  return appPath;
}

describe('the bundled main process', () => {
  const opened: Array<ReturnType<typeof fakeElectron>> = [];
  afterEach(() => opened.splice(0).forEach((fake) => fake.emit('will-quit')));

  it('starts: opens the database in userData, serves app://, answers the contract over IPC, locks the window down', async () => {
    const appData = tempDir('order-desk-appdata-');
    const fake = fakeElectron(appData, fakeProject());
    opened.push(fake);
    runMain(fake);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(fake.paths.userData).toBe(path.join(appData, 'Order Desk'));
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    fake.ready();
    await settle();

    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(appData, 'Order Desk', 'order-desk.db'))).toBe(true);
    expect([...fake.ipc.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `order-desk:${m}`).sort());
    const list = (await fake.ipc.get('order-desk:catalogue.list')!({ senderFrame: appFrame }, {})) as { ok: boolean };
    expect(list.ok).toBe(true);
    // The libraries bundled into main.cjs still work there: an Excel export of the catalogue.
    const xlsx = (await fake.ipc.get('order-desk:transfer.export')!({ senderFrame: appFrame }, { kind: 'catalogue', format: 'xlsx' })) as { ok: boolean; value: { contentBase64: string; rows: number } };
    expect(xlsx.ok).toBe(true);
    expect(Buffer.from(xlsx.value.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as .xlsx files are
    const refused = await fake.ipc.get('order-desk:catalogue.list')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const page = await fake.protocol()(new Request('app://order-desk/'));
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();

    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.url).toBe('app://order-desk/index.html');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window.options.webPreferences.preload).toBe(path.join(path.dirname(bundle.main), 'preload.cjs'));
    expect(fs.existsSync(window.options.webPreferences.preload as string)).toBe(true);
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();

    const file = fake.menu().find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.id === 'new-order')!.click as () => void)();
    expect(window.scripts).toEqual(['location.hash = "#/new-order"; undefined;']);
    (file.find((i) => i.id === 'back-up-now')!.click as () => void)();
    // A real backup of the database is made; wait for its result dialog.
    await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalled(), { timeout: 15_000 });
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ type: 'info', title: 'Back Up Now', message: 'Backup complete.' }));
    expect(fs.readdirSync(path.join(appData, 'Order Desk', 'backups')).some((name) => name.endsWith('.db'))).toBe(true);

    // Launching Order Desk again brings this window forward instead of opening a second one.
    fake.emit('second-instance');
    expect(fake.windows).toHaveLength(1);
    expect(window.focused).toBeGreaterThan(0);

    // Closing with unsaved work: the clerk is asked, and only "Leave Without Saving" lets the page go.
    const unloadListener = window.webContents.on.mock.calls.find(([name]) => name === 'will-prevent-unload')![1] as (event: { preventDefault(): void }) => void;
    const stay = { preventDefault: vi.fn() };
    unloadListener(stay);
    expect(fake.electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(window, expect.objectContaining({ message: 'Leave without saving?' }));
    expect(stay.preventDefault).not.toHaveBeenCalled();
    fake.electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const leave = { preventDefault: vi.fn() };
    unloadListener(leave);
    expect(leave.preventDefault).toHaveBeenCalledOnce();

    window.emit('close');
    expect(JSON.parse(fs.readFileSync(path.join(appData, 'Order Desk', 'window-state.json'), 'utf8'))).toEqual({ x: 40, y: 30, width: 1300, height: 850, isMaximized: false });
  });

  it('reads and writes an import in the bundled import worker (import-worker.cjs beside main.cjs)', async () => {
    expect(fs.existsSync(path.join(path.dirname(bundle.main), 'import-worker.cjs'))).toBe(true);
    const fake = fakeElectron(tempDir('order-desk-appdata-'), fakeProject());
    opened.push(fake);
    runMain(fake);
    fake.ready();
    await settle();
    const call = (method: string, input: unknown) => fake.ipc.get(`order-desk:${method}`)!({ senderFrame: appFrame }, input);
    const exported = (await call('transfer.export', { kind: 'catalogue', format: 'xlsx' })) as { value: { contentBase64: string } };
    // The catalogue's own workbook read back: every row matches a publication, so each is an update.
    const preview = await call('transfer.preview', { kind: 'publications', fileName: 'catalogue.xlsx', contentBase64: exported.value.contentBase64 });
    expect(preview).toMatchObject({ ok: true, value: { format: 'xlsx', totalRows: 9, toUpdate: 9, problemCount: 0 } });
    // A commit's rows are written by that worker too, on its own connection (better-sqlite3 loaded beside the bundle).
    const customers = Buffer.from('Name;Country;E-mail\nAda King;GB;ada@example.org\nKwame Mensah;GH;kwame@example.gh\n').toString('base64');
    const commit = await call('transfer.commit', { kind: 'customers', fileName: 'customers.csv', contentBase64: customers });
    expect(commit).toMatchObject({ ok: true, value: { written: true, created: 2 } });
    expect(await call('customers.search', { query: 'example' })).toMatchObject({ ok: true, value: { customers: expect.arrayContaining([expect.objectContaining({ name: 'Ada King' })]) } });
  });

  it('hands mails to the server in the bundled SMTP worker (smtp-worker.cjs beside main.cjs), the password kept by safeStorage', async () => {
    expect(fs.existsSync(path.join(path.dirname(bundle.main), 'smtp-worker.cjs'))).toBe(true);
    const smtp = await startSmtpServer({ auth: { user: 'desk', password: 'bundle-secret' } });
    try {
      const appData = tempDir('order-desk-appdata-');
      const fake = fakeElectron(appData, fakeProject());
      opened.push(fake);
      runMain(fake);
      fake.ready();
      await settle();
      const call = (method: string, input: unknown) => fake.ipc.get(`order-desk:${method}`)!({ senderFrame: appFrame }, input);
      const mail = { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'desk', fromAddress: 'publications@unit.example' };
      expect(await call('settings.set', { mail })).toMatchObject({ ok: true, value: { settings: { mail: { passwordSet: false } } } });
      expect(await call('mail.setPassword', { password: 'bundle-secret' })).toEqual({ ok: true, value: { passwordSet: true } });
      expect(fs.readFileSync(path.join(appData, 'Order Desk', 'smtp-password.bin')).includes(Buffer.from('bundle-secret'))).toBe(false);
      expect(await call('mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: true, value: { ok: true, response: expect.stringMatching(/^250 /) } });
      expect(smtp.accepted.map((m) => m.parsed.subject)).toEqual(['Order Desk: test e-mail']);
    } finally {
      await smtp.close();
    }
  });

  it('asks who is working until the clerk answers over IPC, then writes that name on audit records', async () => {
    const appData = tempDir('order-desk-appdata-');
    const fake = fakeElectron(appData, fakeProject());
    opened.push(fake);
    runMain(fake);
    fake.ready();
    await settle();
    const call = (method: string, input: unknown) => fake.ipc.get(`order-desk:${method}`)!({ senderFrame: appFrame }, input);

    expect(await call('session.get', {})).toMatchObject({ ok: true, value: { askUser: true } });
    expect(await call('session.setUser', { name: 'Marie Dubois' })).toEqual({ ok: true, value: { user: 'Marie Dubois', askUser: false } });
    expect(await call('settings.set', { locale: 'fr-CH' })).toMatchObject({ ok: true });

    const db = new Database(path.join(appData, 'Order Desk', 'order-desk.db'), { readonly: true });
    const actors = db.prepare("SELECT actor FROM audit_log WHERE entity = 'settings' ORDER BY id").pluck().all();
    db.close();
    expect(actors).toEqual(['Marie Dubois', 'Marie Dubois']);
  });

  it('reads a bank statement in the bundled bank worker beside main.cjs, and refuses a hostile one there', async () => {
    const appData = tempDir('order-desk-appdata-');
    const fake = fakeElectron(appData, fakeProject());
    opened.push(fake);
    runMain(fake);
    fake.ready();
    await settle();
    const call = (method: string, input: unknown) => fake.ipc.get(`order-desk:${method}`)!({ senderFrame: appFrame }, input);
    expect(fs.existsSync(path.join(path.dirname(bundle.main), 'bank-worker.cjs'))).toBe(true);
    await call('session.setUser', { name: 'Marie Dubois' });
    expect(await call('settings.set', { bankAccounts: BANK_ACCOUNTS })).toMatchObject({ ok: true });
    const file = camtBase64({ kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '12.50', text: 'Thank you', bankReference: 'BUNDLE-1' }] }] });
    expect(await call('bank.import', { fileName: 'camt054.xml', contentBase64: file })).toMatchObject({ ok: true, value: { newLines: 1, toReview: 1, statement: { importedBy: 'Marie Dubois' } } });
    const hostile = Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>').toString('base64');
    expect(await call('bank.import', { fileName: 'evil.xml', contentBase64: hostile })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'contentBase64' } });
  }, 60_000);

  it('runs on the folder --user-data-dir names, leaving the usual one untouched (how the smoke test gets a scratch desk)', async () => {
    const appData = tempDir('order-desk-appdata-');
    const scratch = path.join(tempDir('order-desk-scratch-'), 'desk');
    const fake = fakeElectron(appData, fakeProject(), { switches: { 'user-data-dir': scratch } });
    opened.push(fake);
    runMain(fake);
    fake.ready();
    await settle();

    expect(fake.paths.userData).toBe(scratch);
    expect(fs.existsSync(path.join(scratch, 'order-desk.db'))).toBe(true);
    expect(fs.existsSync(path.join(appData, 'Order Desk'))).toBe(false);
    expect(await fake.ipc.get('order-desk:catalogue.list')!({ senderFrame: appFrame }, {})).toMatchObject({ ok: true });
  });

  it('refuses a database from a newer version with a dialog, quits, and opens no window', async () => {
    const appData = tempDir('order-desk-appdata-');
    fs.mkdirSync(path.join(appData, 'Order Desk'));
    const file = path.join(appData, 'Order Desk', 'order-desk.db');
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    const before = fs.readFileSync(file);
    const fake = fakeElectron(appData, fakeProject());
    runMain(fake);
    fake.ready();
    await settle();

    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('Order Desk needs an update', expect.stringMatching(/newer version of Order Desk/));
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.size).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // What the clerk saw is also in the log IT reads.
    expect(fs.readFileSync(path.join(appData, 'logs', 'main.log'), 'utf8')).toMatch(/ERROR Order Desk: the database could not be opened: .*newer version/);
  });
});

describe('a second launch', () => {
  it('quits at once, leaving the database to the first instance', async () => {
    const appData = tempDir('order-desk-appdata-');
    const fake = fakeElectron(appData, fakeProject(), { firstInstance: false });
    runMain(fake);
    fake.ready();
    await settle();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.size).toBe(0);
    expect(fs.existsSync(path.join(appData, 'Order Desk', 'order-desk.db'))).toBe(false);
  });
});

describe('the bundled preload', () => {
  it('runs where require() knows only electron (the sandbox) and exposes only window.orderDesk', () => {
    const exposed: Record<string, unknown> = {};
    const requests: string[] = [];
    const sandboxRequire = (name: string) => {
      requests.push(name);
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
        ipcRenderer: { invoke: async () => ({ ok: true, value: null }) },
      };
    };
    const code = fs.readFileSync(bundle.preload, 'utf8');
    const module = { exports: {} };
    vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder })(sandboxRequire, module, module.exports);
    expect(requests).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['orderDesk']);
    const areas = Object.keys(exposed.orderDesk as object).sort();
    expect(areas).toEqual([...new Set(METHOD_NAMES.map((m) => m.split('.')[0]))].sort());
  });
});

describe('the bundled invoice PDF worker', () => {
  it('is built beside main.cjs and renders an invoice with the real packages, as the packaged app lays them out', async () => {
    expect(path.dirname(bundle.renderWorker)).toBe(path.dirname(bundle.main));
    expect(path.basename(bundle.renderWorker)).toBe('render-worker.mjs');
    // The app's layout: dist/electron/ with node_modules beside dist/, where the worker finds react-pdf and the fonts.
    const app = tempDir('order-desk-worker-app-');
    fs.mkdirSync(path.join(app, 'dist'), { recursive: true });
    fs.cpSync(path.dirname(bundle.main), path.join(app, 'dist', 'electron'), { recursive: true });
    fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(app, 'node_modules'), 'dir');
    const location = bundledRenderWorker(path.join(app, 'dist', 'electron'));
    expect(fs.existsSync(location.script)).toBe(true);
    const renderer = createDocumentRenderer(location);
    try {
      const pdf = await renderer.render(sampleInvoice({ lines: sampleLines(2) }));
      const file = path.join(app, 'invoice.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('INV-2025-00042');
      expect(text).toContain('فاطمة');
      expect(text).toContain('Geneva 19, Switzerland');
    } finally {
      await renderer.close();
    }
  }, 240_000);
});
