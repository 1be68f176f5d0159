/**
 * The Invoices screen in browser mode: the list (search, filters, paging, keyboard) and one
 * document shown in the app's own PDF viewer (pdf.js on a canvas), printed and downloaded.
 * The invoices are issued through the API with the real PDF renderer.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, screenshot } from '../support/browser';
import { call, tempDir } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { openScreen, useUiSession } from '../support/ui-session';
import { shownText } from './keyboard-support';

vi.setConfig({ testTimeout: 120_000 });
const SLOW = { timeout: 20_000 };
const session = useUiSession(120_000);

interface Issued {
  id: number;
  number: string;
  orderId: number;
  orderNumber: string;
  sha256: string | null;
}
const docs = {} as Record<'long' | 'cairo' | 'boston' | 'credit', Issued>;

async function order(currency: 'CHF' | 'EUR' | 'USD', customer: { name: string; country: string; city: string }, lines: { title: string; quantity: number; unitPrice: string }[], receivedOn: string) {
  const { order } = await call(session.web.app, 'orders.create', {
    customer: { ...customer, email: 'orders@example.org', address: 'Main Street 1', postalCode: '1000' },
    currency,
    receivedVia: 'mail',
    receivedOn,
    paymentMethod: 'bank_transfer',
    customerReference: 'PO 77',
    lines,
  });
  return order as { id: number; number: string };
}

async function issue(orderId: number, issuedOn: string, shipping?: string): Promise<Issued> {
  const { invoice } = await call(session.web.app, 'invoices.issue', { orderId, issuedOn, ...(shipping ? { shipping } : {}) });
  return invoice;
}

const manyLines = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Migration Research Series No. ${i + 1}: a long title that takes room`, quantity: (i % 3) + 1, unitPrice: '12.50' }));

beforeAll(async () => {
  const app = session.web.app;
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const geneva = await order('CHF', { name: 'Bibliothèque de Genève', country: 'CH', city: 'Genève' }, manyLines(45), '2025-11-03');
  docs.long = await issue(geneva.id, '2025-11-05', '18.00');
  const cairo = await order('EUR', { name: 'فاطمة عبد الله', country: 'EG', city: 'القاهرة' }, [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '40.00' }], '2026-01-10');
  docs.cairo = await issue(cairo.id, '2026-01-12');
  const boston = await order('USD', { name: 'Boston Public Library', country: 'US', city: 'Boston' }, [{ title: 'Glossary on Migration', quantity: 3, unitPrice: '30.00' }], '2026-02-02');
  docs.boston = await issue(boston.id, '2026-02-03');
  await call(app, 'payments.record', { orderId: boston.id, method: 'bank_transfer', receivedOn: '2026-02-20', amount: '90.00' });
  const { creditNote } = await call(app, 'invoices.credit', { invoiceId: docs.cairo.id, reason: 'One copy arrived damaged', lines: [{ position: 1, quantity: 1 }], issuedOn: '2026-02-01' });
  docs.credit = creditNote;
}, 120_000);

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text()) || m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Share of canvas pixels that are not white: a drawn invoice page has text, rules and tables on it. */
async function inkOnCanvas(page: Page): Promise<number> {
  return page.locator('canvas.pdf-page__canvas[data-drawn="true"]').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (data.length / 4);
  });
}

it('shows an invoice with its stored PDF in the app, page by page, and downloads exactly the stored bytes', async () => {
  const page = await openScreen(session, `#/invoice/${docs.long.id}`);
  const problems = watchConsole(page);
  await page.getByRole('heading', { level: 1, name: `Invoice ${docs.long.number}` }).waitFor(SLOW);
  const viewer = page.getByRole('region', { name: `Invoice ${docs.long.number}` });
  const status = viewer.getByRole('status');
  await expect.poll(() => status.textContent(), SLOW).toMatch(/^Page 1 of [2-9]$/);
  const pages = Number((await status.textContent())!.match(/of (\d+)/)![1]);
  await page.locator('canvas[data-drawn="true"]').waitFor(SLOW);
  expect(await inkOnCanvas(page)).toBeGreaterThan(0.005);
  // The page's text is its text alternative: the number and the customer as printed.
  const canvas = page.getByRole('img', { name: `Invoice ${docs.long.number}, page 1 of ${pages}` });
  await expect.poll(() => canvas.evaluate((c) => document.getElementById(c.getAttribute('aria-describedby')!)!.textContent), SLOW).toContain(docs.long.number);
  await screenshot(page, 'invoice-open');

  // Keyboard: Page Down turns the page, + zooms in, 0 fits the width again.
  await page.locator('.pdf-viewer__view').focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => status.textContent()).toBe(`Page 2 of ${pages}`);
  await page.keyboard.press('End');
  await expect.poll(() => status.textContent()).toBe(`Page ${pages} of ${pages}`);
  const fitted = await page.locator('.pdf-viewer__zoom').textContent();
  await page.keyboard.press('+');
  await expect.poll(() => page.locator('.pdf-viewer__zoom').textContent()).not.toBe(fitted);
  await page.locator('canvas[data-drawn="true"]').waitFor(SLOW);
  await screenshot(page, 'invoice-zoomed-last-page');
  await page.keyboard.press('0');
  await expect.poll(() => page.locator('.pdf-viewer__zoom').textContent()).toBe(fitted);
  await page.keyboard.press('Home');
  await expect.poll(() => status.textContent()).toBe(`Page 1 of ${pages}`);

  // Browser mode downloads; the bytes are the stored ones.
  const { invoice } = await call(session.web.app, 'invoices.get', { id: docs.long.id });
  const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`${docs.long.number}.*\\.pdf$`));
  const bytes = fs.readFileSync((await download.path())!);
  expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(invoice.sha256);
  expect(problems).toEqual([]);
});

it('prints the document, not the screen: every page at print resolution in the print-only container', async () => {
  const page = await openScreen(session, `#/invoice/${docs.long.id}`);
  await page.evaluate(() => {
    const w = window as unknown as { printCalls: number };
    w.printCalls = 0;
    window.print = () => void w.printCalls++;
  });
  const viewer = page.getByRole('region', { name: `Invoice ${docs.long.number}` });
  await expect.poll(() => viewer.getByRole('status').textContent(), SLOW).toMatch(/^Page 1 of \d$/);
  const pages = Number((await viewer.getByRole('status').textContent())!.match(/of (\d+)/)![1]);
  await viewer.getByRole('button', { name: 'Print…' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), SLOW).toBe(1);
  const printed = await page.locator('.pdf-print img').evaluateAll((imgs: HTMLImageElement[]) => imgs.map((img) => ({ width: img.naturalWidth, height: img.naturalHeight })));
  expect(printed).toHaveLength(pages);
  // A4 at 200 dpi: about 1654 × 2339 pixels per page.
  for (const size of printed) expect(size).toEqual({ width: expect.closeTo(1654, -1), height: expect.closeTo(2339, -1) });
  // On paper only the pages: the app is hidden by the print style sheet.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.app').isVisible()).toBe(false);
  expect(await page.locator('.pdf-print img').first().isVisible()).toBe(true);
  await page.emulateMedia({ media: null });
  // What Chromium would send to the printer: the document's pages, one A4 sheet each, nothing of the screen.
  const printout = path.join(tempDir('order-desk-print-'), 'printout.pdf');
  fs.writeFileSync(printout, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [printout], { encoding: 'utf8' });
  expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));
  expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
  // The pages are pictures: any text in the printout would be the screen's.
  expect(execFileSync('pdftotext', [printout, '-'], { encoding: 'utf8' }).trim()).toBe('');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', printout, path.join(ARTIFACTS, 'invoice-printout')]);
  // Ctrl+P prints the document too.
  await page.keyboard.press('Control+P');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), SLOW).toBe(2);
  expect(await page.locator('.pdf-print').count()).toBe(1);
  // Leaving the document, the app prints as itself again.
  await page.keyboard.press('Escape');
  await page.getByRole('table', { name: 'Invoices and credit notes' }).waitFor(SLOW);
  expect(await page.locator('.pdf-print').count()).toBe(0);
});

const rowNumbers = (page: Page) => page.getByRole('table', { name: 'Invoices and credit notes' }).locator('tbody tr td:first-child a').allTextContents();

it('lists invoices and credit notes newest first with their amounts and status, searchable and filterable, by keyboard', async () => {
  const page = await openScreen(session, '#/invoices');
  const problems = watchConsole(page);
  const table = page.getByRole('table', { name: 'Invoices and credit notes' });
  await table.waitFor(SLOW);
  expect(await rowNumbers(page)).toEqual([docs.boston.number, docs.credit.number, docs.cairo.number, docs.long.number]);
  expect(await page.getByRole('status').filter({ hasText: 'documents' }).textContent()).toBe('1–4 of 4 documents');
  // Headers as the issue names them, and each row's figures as the clerk reads them.
  expect(await table.locator('thead th').allTextContents()).toEqual(['Number', 'Date', 'Customer', 'Currency', 'Total', 'Paid', 'Balance', 'Status']);
  const row = (n: number) => shownText(table.locator('tbody tr').nth(n));
  expect(await row(0)).toMatch(new RegExp(`^${docs.boston.number} 3 Feb 2026 Boston Public Library Order ${docs.boston.orderNumber} USD USD 90\\.00 USD 90\\.00 USD 0\\.00 Paid$`));
  expect(await row(1)).toMatch(new RegExp(`^${docs.credit.number} credits ${docs.cairo.number} 1 Feb 2026 فاطمة عبد الله Order ${docs.cairo.orderNumber} EUR EUR -40\\.00 — — Credit note$`));
  expect(await row(2)).toMatch(new RegExp(`^${docs.cairo.number} 12 Jan 2026 .* EUR EUR 80\\.00 EUR 0\\.00 EUR 40\\.00 Unpaid$`));
  expect(await row(3)).toMatch(/CHF 1.143\.00 CHF 0\.00 CHF 1.143\.00 Unpaid$/);
  await screenshot(page, 'invoices-list');

  // Search by the customer's name, in its own script.
  const search = page.getByRole('searchbox', { name: 'Search invoices' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('invoices-search');
  await page.keyboard.type('فاطمة');
  await expect.poll(() => rowNumbers(page), SLOW).toEqual([docs.credit.number, docs.cairo.number]);
  await search.fill('');
  await expect.poll(() => rowNumbers(page), SLOW).toHaveLength(4);

  // Filters: year, kind, status, currency, and together.
  await page.getByLabel('Year').selectOption('2025');
  await expect.poll(() => rowNumbers(page), SLOW).toEqual([docs.long.number]);
  await page.getByLabel('Year').selectOption('2026');
  await expect.poll(() => rowNumbers(page), SLOW).toEqual([docs.boston.number, docs.credit.number, docs.cairo.number]);
  await page.getByLabel('Kind').selectOption('credit_note');
  await expect.poll(() => rowNumbers(page), SLOW).toEqual([docs.credit.number]);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Status').selectOption('paid');
  await expect.poll(() => rowNumbers(page), SLOW).toEqual([docs.boston.number]);
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Currency').selectOption('CHF');
  await expect.poll(() => rowNumbers(page), SLOW).toEqual([docs.long.number]);
  await page.getByLabel('Currency').selectOption('USD');
  await page.getByLabel('Status').selectOption('unpaid');
  await expect.poll(() => page.getByText('No invoices match these filters.').count(), SLOW).toBe(1);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect.poll(() => rowNumbers(page), SLOW).toHaveLength(4);

  // Keyboard: ↓ from the search box into the rows, ↓ again, Enter opens; Esc comes back with the list as it was.
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Credit note ${docs.credit.number}` }).waitFor(SLOW);
  const facts = await shownText(page.getByRole('region', { name: 'Credit note' }).first());
  expect(facts).toContain(`Credits Invoice ${docs.cairo.number}`);
  expect(facts).toContain('Reason One copy arrived damaged');
  await expect.poll(() => page.getByRole('region', { name: `Credit note ${docs.credit.number}` }).getByRole('status').textContent(), SLOW).toBe('Page 1 of 1');
  await page.locator('canvas[data-drawn="true"]').waitFor(SLOW);
  await screenshot(page, 'credit-note-open');
  // The credit note links to the invoice it credits, and the invoice lists it back.
  await page.getByRole('link', { name: `Invoice ${docs.cairo.number}` }).click();
  await page.getByRole('heading', { level: 1, name: `Invoice ${docs.cairo.number}` }).waitFor(SLOW);
  expect(await shownText(page.getByRole('region', { name: 'Credit notes' }))).toMatch(new RegExp(`${docs.credit.number} of 1 Feb 2026 EUR -40\\.00`));
  expect(await shownText(page.getByTestId('invoice-balance'))).toBe('EUR 40.00');
  await page.locator('canvas[data-drawn="true"]').waitFor(SLOW);
  await screenshot(page, 'invoice-with-credit-note');
  await page.keyboard.press('Escape');
  await table.waitFor(SLOW);
  expect(await rowNumbers(page)).toHaveLength(4);
  expect(problems).toEqual([]);
});

it('pages through many documents, 50 at a time, with Page Down from the list', async () => {
  const app = session.web.app;
  const { publications } = await call(app, 'catalogue.list', {});
  for (let i = 0; i < 52; i++) {
    const o = await order('USD', { name: `Reader ${i + 1}`, country: 'US', city: 'Denver' }, [{ title: publications[0].title, quantity: 1, unitPrice: '10.00' }], '2026-03-01');
    await issue(o.id, '2026-03-02');
  }
  const page = await openScreen(session, '#/invoices');
  await page.getByRole('table', { name: 'Invoices and credit notes' }).waitFor(SLOW);
  const count = page.getByRole('status').filter({ hasText: 'documents' });
  await expect.poll(() => count.textContent(), SLOW).toBe('1–50 of 56 documents');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('PageDown');
  await expect.poll(() => count.textContent(), SLOW).toBe('51–56 of 56 documents');
  expect((await rowNumbers(page)).slice(-1)).toEqual([docs.long.number]);
  expect(await page.getByRole('navigation', { name: 'Pages' }).textContent()).toContain('Page 2 of 2');
});

it('lists an order\'s invoices and credit notes on the order, as links to them', async () => {
  const page = await openScreen(session, `#/order/${docs.cairo.orderId}`);
  const section = page.getByRole('region', { name: 'Invoices and credit notes' });
  await section.waitFor(SLOW);
  await expect.poll(() => shownText(section), SLOW).toMatch(new RegExp(`Invoice ${docs.cairo.number} 12 Jan 2026 EUR 80\\.00 Unpaid E-mail… Credit note ${docs.credit.number} · credits ${docs.cairo.number} 1 Feb 2026 EUR -40\\.00 Credit note E-mail…`));
  // Each document can be e-mailed from here (its delivery history is on its own screen).
  expect(await section.getByRole('button', { name: `E-mail ${docs.credit.number}…` }).count()).toBe(1);
  await screenshot(page, 'order-invoices');
  await section.getByRole('link', { name: `Credit note ${docs.credit.number}` }).click();
  await page.getByRole('heading', { level: 1, name: `Credit note ${docs.credit.number}` }).waitFor(SLOW);
});
