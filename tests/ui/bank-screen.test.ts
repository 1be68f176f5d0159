/**
 * The Bank screen as the clerk uses it: a camt.054 generated from invoices issued in the test is
 * imported through the screen; the line the reference settles is recorded by itself, the rest are
 * worked down by keyboard (a suggestion taken with Enter and its bank fees written off, a transfer
 * split across two invoices of one customer, interest set aside with a reason); the order says
 * where its payment came from and links back; Home says when the last statement came and what waits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser';
import { call } from '../support/test-db';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { fakeRenderer } from '../support/fake-renderer';
import { camtXml, type CamtSpec } from '../support/camt-files';
import { BANK_ACCOUNTS, CHF_QR_IBAN, issueInvoice, type IssuedInvoice } from '../support/bank-fixtures';
import { focusedName, shownText, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 180_000 });
const SLOW = { timeout: 30_000 };
const CLERK = 'Anna Keller';
const NOW = new Date('2026-11-20T10:00:00Z');
const FILE = 'camt054-2026-11-19.xml';
const SHOTS = '/work/shots';

let browser: BrowserContext;
let web: RunningWebApp;
let exact: IssuedInvoice;
let short: IssuedInvoice;
let firstOfTwo: IssuedInvoice;
let secondOfTwo: IssuedInvoice;
let spec: CamtSpec;

beforeAll(async () => {
  browser = await launchBrowser({ timezoneId: 'Europe/Zurich' });
  await browser.clock.setFixedTime(NOW);
  web = await startWebApp(undefined, () => NOW, { actor: CLERK, documents: fakeRenderer });
  await call(web.app, 'settings.set', { bankAccounts: BANK_ACCOUNTS });
  exact = await issueInvoice(web.app, '120.00', { customer: { name: 'Bibliothèque de Genève', country: 'CH' } });
  short = await issueInvoice(web.app, '101.50', { customer: { name: 'Zentralbibliothek Zürich', country: 'CH' } });
  firstOfTwo = await issueInvoice(web.app, '60.00', { customer: { name: 'Libreria Ulrico Hoepli', country: 'IT' } });
  secondOfTwo = await issueInvoice(web.app, '40.00', { customer: { name: 'Libreria Ulrico Hoepli', country: 'IT' } });
  spec = {
    kind: '054',
    version: '08',
    iban: CHF_QR_IBAN,
    currency: 'CHF',
    entries: [
      // The QR reference settles its invoice without a click.
      { bookedOn: '2026-11-16', txs: [{ amount: '120.00', qrr: exact.reference!, bankReference: 'B-1', payer: { name: 'Bibliotheque de Geneve', town: 'Genève', country: 'CH' } }] },
      // No reference, 1.50 short: the name resembles, and the difference is within the tolerance.
      { bookedOn: '2026-11-16', txs: [{ amount: '100.00', text: 'Zahlung Publikationen', bankReference: 'B-2', payer: { name: 'ZENTRALBIBLIOTHEK ZURICH', town: 'Zürich', country: 'CH', iban: 'CH9300762011623852957' } }] },
      // One transfer for two invoices, 3.00 short: the bank kept its fees.
      { bookedOn: '2026-11-17', txs: [{ amount: '97.00', text: 'Fatture novembre', bankReference: 'B-3', payer: { name: 'Libreria Ulrico Hoepli', town: 'Milano', country: 'IT' } }] },
      // Interest: no order's money.
      { bookedOn: '2026-11-18', txs: [{ amount: '2.35', text: 'Habenzins November', bankReference: 'B-4' }] },
    ],
  };
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function open(hash: string, size = { width: 1280, height: 860 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(size);
  await page.goto(web.entryUrl(hash));
  await page.waitForFunction(() => !window.location.search.includes('token'));
  return page;
}

function orderRow(orderId: number) {
  return web.app.db.prepare('SELECT payment_status, balance_minor FROM orders WHERE id = ?').get(orderId);
}

async function saveShot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
  fs.copyFileSync(path.join(ARTIFACTS, name), path.join(SHOTS, name));
}

it('imports a generated camt.054 through the screen: the progress sentence, the statement listed, nothing twice; Home says when and what waits', async () => {
  const page = await open('#/home');
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
  expect(await shownText(page.getByTestId('home-bank'))).toMatch(/No bank statement imported yet\. No line waits for review\./);
  // Alt+B is the Bank screen (the digits are all taken).
  await page.keyboard.press('Alt+B');
  await page.getByRole('heading', { level: 1, name: 'Bank' }).waitFor(SLOW);
  // The statements are read after the screen shows: wait for them before looking.
  await page.getByText('No bank statement has been imported yet.').waitFor(SLOW);
  // Real books are not offered the demo's sample.
  expect(await page.getByRole('button', { name: 'Try with the sample statement' }).count()).toBe(0);

  const file = { name: FILE, mimeType: 'application/xml', buffer: Buffer.from(camtXml(spec), 'utf8') };
  await page.getByLabel('Bank statement file (camt.053 or camt.054, .xml)').setInputFiles(file);
  const answer = page.locator('.bank-import [role="status"]');
  await expect.poll(() => shownText(answer), SLOW).toBe(`${FILE}: 4 lines: 1 recorded automatically, 3 to review. All 4 are new.`);
  expect(orderRow(exact.orderId)).toEqual({ payment_status: 'paid', balance_minor: 0 });

  const statements = page.getByRole('table', { name: 'Statements imported, newest first' });
  await expect.poll(() => shownText(statements), SLOW).toMatch(
    new RegExp(`${FILE} Notification \\(camt\\.054\\) · CH44 3199 9123 0008 8901 2 16–18 Nov 2026 4 all new 1 3 ${CLERK} 20 Nov 2026, \\d\\d:\\d\\d$`),
  );
  const lines = page.getByRole('list', { name: 'Lines to review, oldest first' });
  await expect.poll(async () => lines.locator('> li').count(), SLOW).toBe(3);
  expect(await shownText(page.locator('.bank-lines-counts'))).toBe('4 lines: 1 recorded automatically, 3 to review.');
  const first = await shownText(lines.locator('> li').first());
  expect(first).toContain('ZENTRALBIBLIOTHEK ZURICH 16 Nov 2026 CHF 100.00 Zahlung Publikationen');
  expect(first).toContain('No reference. No reference and no invoice or order number found in the payment.');
  expect(first).toMatch(new RegExp(`${short.invoiceNumber} · order ${short.orderNumber} · Zentralbibliothek Zürich owes CHF 101.50 .*open balance, name resembles \\+ CHF 1.50 bank fees written off`));

  // The same file again records nothing and says so.
  await page.getByLabel('Bank statement file (camt.053 or camt.054, .xml)').setInputFiles(file);
  await expect.poll(() => shownText(answer), SLOW).toBe(`${FILE}: 4 lines: 0 recorded automatically, 0 to review. All 4 were already known from an earlier file: nothing was recorded twice.`);
  expect(web.app.db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(1);
  // Each import is kept, the newest first.
  await expect.poll(() => shownText(statements.locator('tbody tr').first()), SLOW).toMatch(new RegExp(`^${FILE} .* 4 all known before 0 0 ${CLERK}`));

  await page.keyboard.press('Alt+0');
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
  await expect.poll(() => shownText(page.getByTestId('home-bank')), SLOW).toMatch(
    new RegExp(`^Last statement imported 20 Nov 2026, \\d\\d:\\d\\d \\(${FILE}\\)\\. 3 lines wait for review\\. Review them on the Bank screen$`),
  );
  await page.getByRole('link', { name: 'Review them on the Bank screen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bank' }).waitFor(SLOW);
  await page.close();
});

it('a refused file is said at the file field: what it is and what is accepted', async () => {
  const page = await open('#/bank');
  await page.getByRole('heading', { level: 1, name: 'Bank' }).waitFor(SLOW);
  const field = page.getByLabel('Bank statement file (camt.053 or camt.054, .xml)');
  await field.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n', 'latin1') });
  const error = page.locator('.bank-import .field__error');
  await expect.poll(() => error.textContent(), SLOW).toMatch(/PDF.*camt\.053.*camt\.054/s);
  const doctype = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>';
  await field.setInputFiles({ name: 'evil.xml', mimeType: 'application/xml', buffer: Buffer.from(doctype, 'utf8') });
  await expect.poll(() => error.textContent(), SLOW).toMatch(/DOCTYPE|entit/i);
  // Nothing was kept of either: the two imports of the first test only.
  expect(web.app.db.prepare('SELECT count(*) FROM bank_statements').pluck().get()).toBe(2);
  await page.close();
});

it('reviews the lines by keyboard: Enter takes a suggestion with its fees, S splits a transfer across two invoices, A sets interest aside', async () => {
  const page = await open('#/bank', { width: 1024, height: 700 });
  const lines = page.getByRole('list', { name: 'Lines to review, oldest first' });
  await expect.poll(async () => lines.locator('> li').count(), SLOW).toBe(3);
  await page.getByRole('heading', { level: 1, name: 'Bank' }).focus();
  await saveShot(page, 'bank-screen.png');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);

  // Tab reaches the first suggestion; only one stop of the list is in the Tab order.
  await tabTo(page, /^Record CHF 100\.00 on /);
  expect(await focusedName(page)).toContain(`${short.invoiceNumber} · order ${short.orderNumber}, Zentralbibliothek Zürich, owes CHF 101.50, with CHF 1.50 bank fees written off. Suggested because: open balance, name resembles`);
  await page.keyboard.press('Enter');
  const notice = page.locator('.bank-notice');
  await expect.poll(() => shownText(notice), SLOW).toMatch(
    new RegExp(`^ZENTRALBIBLIOTHEK ZURICH, CHF 100\\.00 booked 16 Nov 2026: recorded: CHF 100\\.00 on order ${short.orderNumber} \\(${short.invoiceNumber}\\), now paid\\. Bank fees of CHF 1\\.50 written off\\. Open order ${short.orderNumber}$`),
  );
  expect(orderRow(short.orderId)).toEqual({ payment_status: 'paid', balance_minor: 0 });
  // The keyboard is on the next line's first suggestion.
  await expect.poll(() => lines.locator('> li').count(), SLOW).toBe(2);
  await expect.poll(() => focusedName(page), SLOW).toMatch(/^Record CHF 97\.00 on INV-.*Libreria Ulrico Hoepli/);
  // ↓ moves to its second suggestion, ↑ back.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedName(page)).toMatch(/^Record CHF 97\.00 on INV-.*Libreria Ulrico Hoepli/);
  await page.keyboard.press('ArrowUp');

  // S: split the transfer; the other open invoice of the customer is offered.
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: /^Assign CHF 97\.00 from Libreria Ulrico Hoepli/ });
  await dialog.waitFor(SLOW);
  await tabTo(page, /^Add INV-/);
  await page.keyboard.press('Enter');
  const rows = dialog.getByRole('table', { name: 'Orders this line pays' });
  await expect.poll(async () => rows.locator('tbody tr').count(), SLOW).toBe(2);
  await expect.poll(() => shownText(dialog.locator('.bank-assign__left'))).toBe('All CHF 97.00 assigned.');
  // The one left short is paid with the rest; the 3.00 the bank kept is written off on it.
  await tabTo(page, /^Write off a difference as bank fees$/);
  await page.keyboard.press('Space');
  expect(await dialog.getByLabel('Bank fees written off (CHF)').inputValue()).toBe('3.00');
  await page.screenshot({ path: path.join(ARTIFACTS, 'bank-split-dialog.png') });
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => dialog.count(), SLOW).toBe(0);
  await expect.poll(() => shownText(notice), SLOW).toMatch(/^Libreria Ulrico Hoepli, CHF 97\.00 booked 17 Nov 2026: recorded: CHF \d+\.00 on order .*, now paid; CHF \d+\.00 on order .*, now paid\. Bank fees of CHF 3\.00 written off\./);
  expect(orderRow(firstOfTwo.orderId)).toEqual({ payment_status: 'paid', balance_minor: 0 });
  expect(orderRow(secondOfTwo.orderId)).toEqual({ payment_status: 'paid', balance_minor: 0 });

  // The interest line has no suggestion: it is a stop itself; A sets it aside with a reason.
  await expect.poll(() => focusedName(page), SLOW).toBe('Payer not named, received CHF 2.35, booked 18 Nov 2026, to review');
  await page.keyboard.press('a');
  const aside = page.getByRole('dialog', { name: 'Set aside CHF 2.35 from Payer not named' });
  await aside.waitFor(SLOW);
  // A reason is required, said at the field.
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => aside.locator('.field__error').textContent(), SLOW).toMatch(/Reason/);
  await page.keyboard.type('Interest for November');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => aside.count(), SLOW).toBe(0);
  await expect.poll(() => shownText(notice), SLOW).toBe('Payer not named, CHF 2.35 booked 18 Nov 2026: set aside (Interest for November).');
  await expect.poll(() => page.getByText('No line waits for review.').count(), SLOW).toBe(1);
  expect(await shownText(page.locator('.bank-lines-counts'))).toBe('4 lines: 1 recorded automatically, 0 to review, 2 recorded by hand, 1 set aside.');

  // The other lines are there under their status.
  await page.getByLabel('Show').selectOption('set_aside');
  const setAside = page.getByRole('list', { name: 'Lines set aside, newest first' });
  await expect.poll(() => shownText(setAside), SLOW).toContain('Set aside: Interest for November');
  await page.getByLabel('Show').selectOption('recorded');
  const recorded = page.getByRole('list', { name: 'Lines recorded, newest first' });
  await expect.poll(async () => recorded.locator('> li').count(), SLOW).toBe(3);
  expect(await shownText(recorded)).toContain(`Recorded automatically by its reference: Payment of CHF 120.00 on order ${exact.orderNumber} (${exact.invoiceNumber})`);
  await page.close();
});

it("the order's payments panel says the payment came from the statement, and links to its line, which links back to the order", async () => {
  const page = await open(`#/order/${short.orderId}`, { width: 1024, height: 700 });
  const panel = page.getByRole('region', { name: 'Payments' });
  await panel.waitFor(SLOW);
  const ledger = panel.getByRole('table', { name: 'Money movements, oldest first' });
  await expect.poll(() => shownText(ledger), SLOW).toContain(`from bank statement ${FILE}, booked 16 Nov 2026`);
  expect(await shownText(panel.getByTestId('balance'))).toMatch(/CHF 0\.00 · Paid/);
  await panel.getByText('Payments', { exact: true }).scrollIntoViewIfNeeded();
  await ledger.scrollIntoViewIfNeeded();
  await saveShot(page, 'order-from-statement.png');

  await page.getByRole('link', { name: `from bank statement ${FILE}, booked 16 Nov 2026` }).first().click();
  await page.getByRole('heading', { level: 2, name: 'One bank line' }).waitFor(SLOW);
  const line = page.getByRole('list', { name: 'All lines, newest first' });
  await expect.poll(() => shownText(line), SLOW).toContain('Recorded by hand:');
  await line.getByRole('link', { name: `order ${short.orderNumber}` }).first().click();
  await page.getByRole('heading', { level: 1, name: `Order ${short.orderNumber}` }).waitFor(SLOW);
  await page.close();
});

it('F finds any invoice for a line nothing explains (no reference, no amount or name that matches): typed, picked with Enter, recorded with Enter', async () => {
  const invoice = await issueInvoice(web.app, '55.00', { customer: { name: 'Institut Bonvin', country: 'CH' } });
  await call(web.app, 'bank.import', {
    fileName: 'camt054-2026-11-20.xml',
    contentBase64: Buffer.from(
      camtXml({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-19', txs: [{ amount: '54.00', text: 'Payment', bankReference: 'B-5', payer: { name: 'Treuhand AG', country: 'CH' } }] }] }),
      'utf8',
    ).toString('base64'),
  });
  const page = await open('#/bank');
  const lines = page.getByRole('list', { name: 'Lines to review, oldest first' });
  await expect.poll(async () => lines.locator('> li').count(), SLOW).toBe(1);
  await page.getByRole('heading', { level: 1, name: 'Bank' }).focus();
  await tabTo(page, /^Treuhand AG, received CHF 54\.00, booked 19 Nov 2026, to review$/);
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Assign CHF 54.00 from Treuhand AG' });
  await dialog.waitFor(SLOW);
  // Enter with nothing chosen is refused beside the search, naming what is missing.
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.locator('.field__error').first().textContent(), SLOW).toBe('Choose at least one order for this bank line.');
  await page.keyboard.type(invoice.invoiceNumber);
  await dialog.getByRole('option', { name: new RegExp(`^${invoice.invoiceNumber} · order ${invoice.orderNumber} · Institut Bonvin`) }).waitFor(SLOW);
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(dialog.locator('.bank-assign__left')), SLOW).toBe('All CHF 54.00 assigned.');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count(), SLOW).toBe(0);
  await expect.poll(() => shownText(page.locator('.bank-notice')), SLOW).toContain(`Treuhand AG, CHF 54.00 booked 19 Nov 2026: recorded: CHF 54.00 on order ${invoice.orderNumber} (${invoice.invoiceNumber}), now partly paid.`);
  expect(orderRow(invoice.orderId)).toEqual({ payment_status: 'partially_paid', balance_minor: 100 });
  await page.close();
});
