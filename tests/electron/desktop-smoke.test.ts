/**
 * The real desktop app, end to end, where the Electron binary is installed (`npm ci` with internet access; the
 * desktop workflow in .github/workflows/desktop.yml runs it on Linux, Windows and macOS). Everything else in
 * tests/electron runs the shell against fakes because npm installs here skip that binary.
 *
 * Prepared as `npm start` prepares the app: the renderer is built by the test run's global setup (`npm run build`),
 * the main, preload and worker bundles by build/bundle-electron.mjs (`npm run build:electron`), and better-sqlite3
 * for Electron's ABI into .native/ by build/ensure-electron-native.mjs (once; it needs internet access and a C++
 * toolchain the first time). Then Playwright's Electron launcher starts the app on a scratch --user-data-dir, the
 * clerk says who is working, keys in one order, issues its invoice, the PDF is read back, the app quits, and the
 * database file is opened to see that the order and the invoice were stored.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleElectron } from '../../build/bundle-electron.mjs';
import { locateElectronBinary } from '../../build/ensure-electron-native.mjs';
import { DATABASE_FILE_NAME } from '../../electron/web/default-paths';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { tempDir } from '../support/test-db';
import type { PaperForm } from '../ui/order-entry-support';
import { answerWhoIsWorking, apiOfPage, issueInvoice, keyInOrder, pdfText } from './desktop-smoke-steps';

const root = path.resolve(import.meta.dirname, '../..');
const CLERK = 'Smoke Tester';
const SLOW = { timeout: 60_000 };

/** The Electron executable, or null where `npm install` skipped downloading it. */
function installedElectron(): string | null {
  try {
    return locateElectronBinary(() => createRequire(import.meta.url)('electron'), fs.existsSync);
  } catch {
    return null;
  }
}

const electronBinary = installedElectron();
const NOT_INSTALLED = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the desktop smoke test runs where `npm ci` could download it, e.g. .github/workflows/desktop.yml';

/** A paper form from a library in the United Kingdom: an invoice in English, in CHF (the default currency). */
const FORM: PaperForm = {
  name: 'Smoke Test Library',
  address: '1 High Street',
  country: 'United King',
  city: 'London',
  zip: 'SW1A 1AA',
  phone: '+44 20 7946 0000',
  email: 'orders@library.example',
  lines: [
    // The new desk's catalogue has no prices yet: the clerk types the one on the form.
    { typed: 'migrants vulnerab', pick: 1, quantity: '2', price: '25.00' },
    { typed: 'Smoke signals (not in the catalogue)', quantity: '1', price: '40.00' },
  ],
};
const TOTAL = { shown: 'CHF 90.00', minor: 9000, printed: /Total\s+CHF\s90\.00/ };

let app: ElectronApplication | undefined;
let userData = '';
const mainOutput: string[] = [];

beforeAll(async () => {
  if (!electronBinary) {
    console.warn(`Skipping the desktop smoke test: ${NOT_INSTALLED}`);
    return;
  }
  execFileSync(process.execPath, [path.join(root, 'build', 'ensure-electron-native.mjs')], { cwd: root, stdio: 'inherit' });
  await bundleElectron();
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('dist/renderer is missing: the global setup (npm run build) builds it.');
  userData = tempDir('order-desk-smoke-');
}, 600_000);

afterAll(async () => {
  // Only when a failure left it running; the test itself quits the app.
  await app?.close().catch(() => undefined);
}, 60_000);

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const launched = await electron.launch({
    args: [root, `--user-data-dir=${userData}`],
    cwd: root,
    // The dialogs' default dates and the services agree in UTC whatever the machine's zone (issue #14's midnight bug).
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });
  const output = (chunk: Buffer) => void mainOutput.push(chunk.toString());
  launched.process().stdout?.on('data', output);
  launched.process().stderr?.on('data', output);
  const page = await launched.firstWindow({ timeout: 120_000 });
  page.on('pageerror', (error) => void mainOutput.push(`page error: ${error.message}\n`));
  return { app: launched, page };
}

it('opens the real window, keys in an order, issues its invoice with a readable PDF, quits, and leaves both in the database', async (ctx) => {
  if (!electronBinary) ctx.skip(NOT_INSTALLED);
  const { app: running, page } = await launch();
  app = running;
  try {
    // The one window is shown once painted (ready-to-show), with the page served on app://.
    await expect.poll(() => running.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())), SLOW).toEqual([true]);
    await expect.poll(() => page.title(), SLOW).toBe('Order Desk');
    expect(page.url()).toMatch(/^app:\/\/order-desk\//);
    await answerWhoIsWorking(page, CLERK);
    // A new desk has no bank account, and an invoice needs one in its currency: set through the app's own API.
    const api = apiOfPage(page);
    await api('settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });

    const order = await keyInOrder(page, FORM, TOTAL.shown);
    const invoice = await issueInvoice(page, order.number);
    const pdf = (await api('invoices.pdf', { id: invoice.id })) as { contentBase64: string; sha256: string };
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain(invoice.number);
    expect(text).toContain(order.number);
    expect(text).toMatch(/Invoice/);
    expect(text).toMatch(TOTAL.printed);
    await screenshot(page, 'desktop-smoke-invoice');

    // Home first, so no screen holds unsaved work that would ask before closing.
    await page.keyboard.press('Alt+0');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
    await running.close();
    app = undefined;

    const db = new Database(path.join(userData, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT number, currency, total_minor, customer_name, customer_country, status FROM orders').all()).toEqual([
        { number: order.number, currency: 'CHF', total_minor: TOTAL.minor, customer_name: FORM.name, customer_country: 'GB', status: 'invoiced' },
      ]);
      expect(db.prepare('SELECT title, quantity, unit_price_minor FROM order_lines WHERE order_id = ? ORDER BY position').all(order.id)).toEqual([
        { title: 'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour', quantity: 2, unit_price_minor: 2500 },
        { title: FORM.lines[1]!.typed, quantity: 1, unit_price_minor: 4000 },
      ]);
      const stored = db.prepare('SELECT kind, number, order_id, language, total_minor, pdf, pdf_sha256, created_by FROM invoices').all() as Array<Record<string, unknown>>;
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ kind: 'invoice', number: invoice.number, order_id: order.id, language: 'en', total_minor: TOTAL.minor, created_by: CLERK });
      // The bytes read in the window are the ones stored at issue, under the hash stored with them.
      expect(Buffer.compare(stored[0]!.pdf as Buffer, bytes)).toBe(0);
      expect(stored[0]!.pdf_sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(pdf.sha256).toBe(stored[0]!.pdf_sha256);
      expect(db.prepare("SELECT DISTINCT actor FROM audit_log WHERE entity = 'order'").pluck().all()).toEqual([CLERK]);
    } finally {
      db.close();
    }
  } catch (error) {
    if (app) await screenshot(page, 'desktop-smoke-failure').catch(() => undefined);
    console.error(`Order Desk's output while the smoke test ran:\n${mainOutput.join('')}`);
    throw error;
  }
}, 600_000);
