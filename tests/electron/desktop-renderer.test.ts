/**
 * The desktop page in real Chromium, as Electron would run it (its binary is not
 * available here): the built renderer served through the app:// protocol handler with
 * its CSP, the real bundled preload giving window.orderDesk, and every call answered by
 * the contract's IPC handlers (sender check included) on a real database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { bundleElectron } from '../../build/bundle-electron.mjs';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { registerContractHandlers, type IpcMainLike, type InvokeEventLike } from '../../electron/main/ipc';
import type { Result } from '../../shared/api/errors';

// Chromium cannot be taught the app:// scheme here, so the same handler answers on a stand-in http origin.
const STAND_IN = 'http://order-desk.desktop';
const toAppUrl = (url: string) => (url.startsWith(`${STAND_IN}/`) ? `app://order-desk${url.slice(STAND_IN.length)}` : url);

let browser: BrowserContext;
let app: TestApp;
let preloadCode: string;
const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>>();

beforeAll(async () => {
  const bundle = await bundleElectron(path.join(tempDir('order-desk-bundle-'), 'electron'));
  preloadCode = fs.readFileSync(bundle.preload, 'utf8');
  app = openTestApp(undefined, () => new Date());
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) };
  registerContractHandlers(ipcMain, app.invoke);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  app?.close();
});

/** What Electron's sandboxed preload gets: require('electron') and nothing else. */
function preloadScript(code: string): string {
  return `(() => {
    const electron = {
      contextBridge: { exposeInMainWorld: (key, value) => { Object.defineProperty(window, key, { value, enumerable: true }); } },
      ipcRenderer: { invoke: (channel, input) => window.__orderDeskIpc(channel, input) },
    };
    const require = (name) => { if (name !== 'electron') throw new Error('sandboxed preload cannot load ' + name); return electron; };
    const module = { exports: {} };
    ((require, module, exports) => {\n${code}\n})(require, module, module.exports);
  })();`;
}

/** A page served as the desktop app serves it, with the preload's bridge; what goes wrong is collected. */
async function openDesktopPage() {
  const handler = createAppProtocolHandler(path.resolve(import.meta.dirname, '../../dist/renderer'), (file) => fs.promises.readFile(file));
  const page = await browser.newPage();
  const problems: string[] = [];
  const offOrigin: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${STAND_IN}/`)) {
      offOrigin.push(url);
      return route.abort();
    }
    const response = await handler(new Request(toAppUrl(url), { method: route.request().method() }));
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  await page.exposeBinding('__orderDeskIpc', async (source, channel: string, input: unknown) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: { url: toAppUrl(source.frame.url()), parent: source.frame.parentFrame() ? {} : null } }, input);
  });
  await page.addInitScript({ content: preloadScript(preloadCode) });
  return { page, problems, offOrigin };
}

it('runs the desktop page on app:// with the preload bridge: no network, no CSP violations, data saved through IPC', async () => {
  const { page, problems, offOrigin } = await openDesktopPage();

  const documentResponse = page.waitForResponse(`${STAND_IN}/index.html`);
  await page.goto(`${STAND_IN}/index.html#/catalogue`);
  expect((await documentResponse).headers()['content-security-policy']).toContain("script-src 'self'");
  await page.getByRole('heading', { name: 'Catalogue' }).waitFor();

  const title = 'Ending child labour, forced labour and human trafficking in global supply chains';
  const price = page.getByRole('textbox', { name: `EUR price of ${title}` });
  await price.fill('31');
  await price.press('Enter');
  await expect.poll(() => price.inputValue()).toBe('31.00');
  await expect.poll(() => app.db.prepare("SELECT unit_price_minor AS minor FROM prices WHERE currency = 'EUR'").all()).toEqual([{ minor: 3100 }]);
  await screenshot(page, 'desktop-catalogue-via-preload');

  // The page sees exactly the contract, and the HTTP client was never used.
  expect(await page.evaluate(() => Object.keys(window.orderDesk ?? {}).sort())).toEqual(expect.arrayContaining(['catalogue', 'customers', 'orders', 'settings']));
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(offOrigin).toEqual([]);
  expect(problems.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
  expect(problems).toEqual([]);

  // The CSP lets no frame into the page at all (frames are also refused IPC: see ipc.test.ts).
  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        const frame = document.createElement('iframe');
        frame.src = '/index.html#/orders';
        document.body.append(frame);
      }),
  );
  expect(violated).toBe('frame-src');
  await page.close();
});

it('shows an issued invoice\'s PDF in the desktop page with pdf.js\'s worker under the app\'s CSP, and offers the native Save dialog', async () => {
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'Bibliothèque de Genève', country: 'CH', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1', email: 'achats@bge.ch' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-01-05',
    lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '40.00' }],
  });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id });
  const { page, problems, offOrigin } = await openDesktopPage();
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`${STAND_IN}/index.html#/invoice/${invoice.id}`);
  const viewer = page.getByRole('region', { name: `Invoice ${invoice.number}` });
  await expect.poll(() => viewer.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Page 1 of 1');
  await page.locator('canvas[data-drawn="true"]').waitFor({ timeout: 20_000 });
  // pdf.js ran in its own worker, started from the app's files (not a blob:, not on the main thread).
  expect(workers).toEqual([expect.stringMatching(new RegExp(`^${STAND_IN}/assets/pdf\\.worker.*\\.mjs$`))]);
  // Electron answers a download with its Save dialog; the page says so.
  expect(await viewer.getByRole('button', { name: 'Save as PDF…' }).count()).toBe(1);
  expect(await viewer.getByRole('button', { name: 'Download PDF' }).count()).toBe(0);
  expect(offOrigin).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
