/**
 * The invoice PDF as a customer gets it: rendered in the worker, read back with pdftotext,
 * checked by qpdf, and its QR-bill decoded from a 200 dpi picture of the last page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentRenderer, type DocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import { formatDocumentMoney } from '../../shared/documents/document-labels';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';
import { tempDir } from '../support/test-db';
import { ARABIC_CUSTOMER, BANK_ACCOUNTS, ISSUER, sampleInvoice, sampleLines, SCRIPT_SAMPLES } from '../support/invoice-fixtures';

const scriptLines = Object.values(SCRIPT_SAMPLES).map((title, i) => ({ position: 100 + i, title, quantity: 1, unitPrice: '10.00' }));

let renderer: DocumentRenderer;
let dir: string;
let longInvoice: InvoiceDocument;
let longPdf: Buffer;

beforeAll(async () => {
  renderer = createDocumentRenderer(sourceRenderWorker());
  dir = tempDir('order-desk-pdf-');
  longInvoice = sampleInvoice({ lines: [...sampleLines(22), ...scriptLines] });
  longPdf = await renderer.render(longInvoice);
}, 240_000);
afterAll(() => renderer?.close());

function save(pdf: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

/** pdftotext writes the lam-alef ligature as alef then lam; compare Arabic the way it reads. */
function text(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function decodeQr(file: string, page: number): string {
  const prefix = path.join(dir, `page-${page}`);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  if (!code) throw new Error('No QR code found on the page');
  return code.data;
}

describe('a three-page CHF invoice to a customer with an Arabic name', () => {
  it('has three pages, passes qpdf --check and says "Page 3 of 3"', () => {
    const file = save(longPdf, 'long.pdf');
    expect(pageCount(file)).toBe(3);
    expect(() => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).not.toThrow();
    const all = text(file);
    expect(all).toContain('Page 1 of 3');
    expect(all).toContain('Page 3 of 3');
  });

  it('prints the number, the customer in Arabic, every line in every script, and the totals from the money module', () => {
    const all = text(save(longPdf, 'long.pdf'));
    expect(all).toContain('INV-2025-00042');
    expect(all).toContain('فاطمة');
    expect(all).toContain('عبد');
    expect(all).toContain('القاهرة');
    for (const sample of Object.values(SCRIPT_SAMPLES)) {
      // Latin, Cyrillic, Greek and CJK lines come back word for word; Arabic through its words.
      for (const word of sample.split(/[\s,]+/).filter((w) => w.length > 1 && !/ال/.test(w))) expect(all).toContain(word);
    }
    for (const line of longInvoice.lines) expect(all).toMatch(new RegExp(`\\b${line.position} .*?${line.lineTotal.replace('.', '\\.')}`));
    for (const amount of [longInvoice.subtotal, longInvoice.total, longInvoice.amountPaid, longInvoice.balanceDue]) {
      expect(all).toContain(formatDocumentMoney(amount, 'CHF', 'en').replace(/\s/g, ' '));
    }
    // Without -layout, so the sentence is not interleaved with the bank details beside it.
    const flowing = execFileSync('pdftotext', [path.join(dir, 'long.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flowing).toContain('Bank transfer fees are borne by the customer.');
  });

  it('carries a QR-bill on the last page whose code holds exactly the invoice: QR-IBAN, QRR reference, amount, creditor and debtor', () => {
    const payload = decodeQr(save(longPdf, 'long.pdf'), 3).split(/\r?\n/);
    expect(payload.slice(0, 3)).toEqual(['SPC', '0200', '1']);
    expect(payload[3]).toBe('CH4431999123000889012');
    expect(payload.slice(4, 10)).toEqual(['S', 'Publications Unit, International Organization for Migration', 'Route des Morillons', '17', '1211', 'Geneva 19']);
    expect(payload[10]).toBe('CH');
    expect(payload[18]).toBe(longInvoice.balanceDue);
    expect(payload[19]).toBe('CHF');
    // The debtor is the Arabic customer, transliterated into the QR-bill character set.
    expect(payload[20]).toBe('S');
    expect(payload[21]).toMatch(/^[\x20-\x7e]+$/);
    expect(payload[22]).toMatch(/24$/);
    expect(payload.slice(24, 27)).toEqual([ARABIC_CUSTOMER.postalCode, expect.stringMatching(/^[\x20-\x7e]+$/), 'EG']);
    expect(payload[27]).toBe('QRR');
    expect(payload[28]).toBe(longInvoice.qrBill!.reference);
    expect(payload[28]).toMatch(/^0{17}2025000424$/);
    expect(payload[29]).toBe('Invoice INV-2025-00042 / ORD-2025-00317');
    expect(payload[30]).toBe('EPD');
  });

  it('gives the same bytes every time it is rendered', async () => {
    const again = await renderer.render(longInvoice);
    expect(again.equals(longPdf)).toBe(true);
  }, 240_000);
});

describe('other currencies and documents', () => {
  it('a EUR invoice to a normal Swiss IBAN carries an RF creditor reference in its QR code', async () => {
    const invoice = sampleInvoice({ currency: 'EUR', language: 'fr', lines: sampleLines(2), amountPaid: '0' });
    const file = save(await renderer.render(invoice), 'eur.pdf');
    // A short invoice is one sheet: the payment part fits at the foot of its only page.
    expect(pageCount(file)).toBe(1);
    const payload = decodeQr(file, 1).split(/\r?\n/);
    expect(payload[3]).toBe('CH9300762011623852957');
    expect(payload[18]).toBe(invoice.total);
    expect(payload[19]).toBe('EUR');
    expect(payload[27]).toBe('SCOR');
    expect(payload[28]).toBe(invoice.qrBill!.reference);
    const all = text(file);
    expect(all).toContain('Facture');
    expect(all).toContain('Section paiement');
    expect(all).toContain('14 mars 2025');
  }, 240_000);

  it('a USD invoice shows the bank details instead of a QR-bill', async () => {
    const invoice = sampleInvoice({ currency: 'USD', language: 'es', lines: sampleLines(2) });
    expect(invoice.qrBill).toBeNull();
    const all = text(save(await renderer.render(invoice), 'usd.pdf'));
    expect(all).toContain('GB29 NWBK 6016 1331 9268 19');
    expect(all).toContain('NWBKGB2L');
    expect(all).toContain('Factura');
    expect(all).not.toContain('Payment part');
    expect(BANK_ACCOUNTS.find((a) => a.currency === 'USD')!.holder).toBe('International Organization for Migration');
  }, 240_000);

  it('a preview without a number is marked DRAFT', async () => {
    const all = text(save(await renderer.render(sampleInvoice({ number: null, lines: sampleLines(2) })), 'draft.pdf'));
    expect(all).toContain('DRAFT');
    expect(all).not.toContain('INV-2025-00042');
  }, 240_000);

  it('a credit note names the invoice it credits and its reason, and has no QR-bill', async () => {
    const note = sampleInvoice({ kind: 'credit_note', number: 'CN-2025-00003', lines: sampleLines(1), shipping: null, creditNote: { invoiceNumber: 'INV-2025-00042', reason: 'Damaged copy returned' } });
    expect(note.qrBill).toBeNull();
    const all = text(save(await renderer.render(note), 'credit.pdf'));
    expect(all).toContain('Credit note');
    expect(all).toContain('CN-2025-00003');
    expect(all).toContain('INV-2025-00042');
    expect(all).toContain('Damaged copy returned');
  }, 240_000);
});

describe('one worker, one document after another', () => {
  it('keeps every letter copyable: after a customer in Łódź, the next invoice still says "Switzerland"', async () => {
    // A fresh worker, so this is the first document after its warm-up, and one without a plain z
    // (French, "Suisse", a bank and an issuer without one): its "ź" is drawn from the glyphs ´ and z,
    // and the z met that way first must not lose its character for every document after it.
    const fresh = createDocumentRenderer(sourceRenderWorker());
    try {
      const lodz = sampleInvoice({
        language: 'fr',
        issuer: { ...ISSUER, name: 'Publications Unit, International Labour Office' },
        bankAccounts: BANK_ACCOUNTS.map((account) => ({ ...account, holder: 'Bureau international du Travail', bankName: 'Banque Cantonale de Genève' })),
        customer: { name: 'Łucja Wróbel', addressLines: ['ul. Piotrkowska 12'], postalCode: '90-001', city: 'Łódź', country: 'PL' },
        lines: [{ position: 1, title: 'Źródła: Łódź', quantity: 1, unitPrice: '10.00' }],
      });
      const first = text(save(await fresh.render(lodz), 'lodz.pdf'));
      expect(first).toContain('Łódź');
      expect(first).toContain('Źródła');
      const next = text(save(await fresh.render(sampleInvoice({ lines: sampleLines(2) })), 'after-lodz.pdf'));
      expect(next).toContain('Geneva 19, Switzerland');
      expect(next).toContain('UBS Switzerland AG');
      expect(next).toContain('Organization for Migration');
    } finally {
      await fresh.close();
    }
  }, 240_000);
});
