/**
 * One amount format per document: a French invoice and its credit note, issued through the
 * API and read back with pdftotext, write every amount (unit prices, line amounts, subtotal,
 * shipping, total, paid, balance due) the one French way, "1 180,00" — never "569.00 EUR"
 * beside "59,00". The QR-bill payment part is the exception the Swiss standard makes: its
 * amount is always written with a space between thousands and a decimal point ("1 246.50"),
 * whatever the language (Swiss Implementation Guidelines QR-bill, amount section; swissqrbill's
 * formatAmount), and it is checked here as such.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';

let app: TestApp;
let dir: string;

beforeAll(async () => {
  dir = tempDir('order-desk-amounts-');
  app = openTestApp(path.join(dir, 'orders.db'), () => new Date('2026-12-03T10:00:00Z'));
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
}, 60_000);
afterAll(() => app?.close());

function save(base64: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Every figure with two decimals, whichever separators it was written with. */
const amountsIn = (printed: string) => printed.match(/\d+(?:[ '.,]\d{3})*[.,]\d{2}(?!\d)/g) ?? [];
const FRENCH = /^\d{1,3}(?: \d{3})*,\d{2}$/;

it('prints every amount of a French invoice and its credit note in one French form, the QR-bill amount as its standard says', async () => {
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'Médiathèque Émile Zola', country: 'FR', email: '', city: 'Montpellier', postalCode: '34000', address: '218 boulevard de l’Aéroport' },
    currency: 'EUR',
    receivedVia: 'mail',
    receivedOn: '2026-11-20',
    lines: [
      { title: 'World Migration Report 2024', quantity: 20, unitPrice: '59.00' },
      { title: 'Migration and Health', quantity: 3, unitPrice: '19.99', discountPercent: '15' },
    ],
  });
  await call(app, 'payments.record', { orderId: order.id, method: 'bank_transfer', receivedOn: '2026-11-25', amount: '1000.00' });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id, shipping: '18.00' });
  expect(invoice.document.language).toBe('fr');
  const file = save((await call(app, 'invoices.pdf', { id: invoice.id })).contentBase64, 'facture.pdf');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(ARTIFACTS, 'invoice-french-page-1')]);

  const printed = text(file);
  const [invoicePart, qrPart] = printed.split('Récépissé');
  expect(qrPart).toBeDefined();
  // 20 × 59,00 = 1 180,00; 3 × 19,99 less 15 % = 50,97; + 18,00 shipping = 1 248,97; 1 000,00 paid leaves 248,97.
  for (const figure of ['59,00', '1 180,00', '19,99', '50,97', '18,00', '1 248,97 EUR', '1 000,00 EUR', '248,97 EUR']) expect(invoicePart).toContain(figure);
  const amounts = amountsIn(invoicePart!);
  expect(amounts.length).toBeGreaterThanOrEqual(8);
  expect(amounts.filter((a) => !FRENCH.test(a))).toEqual([]);
  // The payment part: the Swiss standard's own form, the same in every language.
  expect(qrPart).toContain('248.97');

  const { creditNote } = await call(app, 'invoices.credit', { invoiceId: invoice.id, lines: [{ position: 1, quantity: 20 }], reason: 'Vingt exemplaires retournés' });
  const note = text(save((await call(app, 'invoices.pdf', { id: creditNote.id })).contentBase64, 'avoir.pdf'));
  expect(note).toContain('1 180,00 EUR');
  const noteAmounts = amountsIn(note);
  expect(noteAmounts.length).toBeGreaterThanOrEqual(3);
  expect(noteAmounts.filter((a) => !FRENCH.test(a))).toEqual([]);
}, 240_000);
