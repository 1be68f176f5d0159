/**
 * Payment reminder PDFs as a customer gets them, made by the real render worker: a French
 * reminder of a partly paid CHF invoice with a fee, whose QR-bill decodes (from a 200 dpi picture
 * of the page) to what the order really owes once the reminder is issued (the open amount and the
 * fee, booked on the order with the reminder) under the invoice's own QR reference, so a bank
 * transfer of exactly that settles the order without overpaying it; a EUR one under the invoice's RF creditor reference;
 * and the same stored bytes each time it is opened, also after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { documentLocale, formatDocumentAmount, formatDocumentMoney } from '../../shared/documents/document-labels';
import { formatDate } from '../../shared/format/dates';
import { camtBase64 } from '../support/camt-files';
import { withQueueOnlyMail } from '../support/mail';

let app: TestApp;
let today = '2026-01-05';
const dir = tempDir('order-desk-reminder-pdf-');

const GENEVE = { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' };
const LYON = { name: 'Bibliothèque municipale de Lyon', country: 'FR', email: 'compta@bm-lyon.fr', city: 'Lyon', postalCode: '69003', address: '30 boulevard Vivier-Merle' };

interface Issued {
  invoice: { id: number; number: string; orderId: number; document: { qrBill: { reference: string; referenceType: string } } };
}
let chf: Issued;
let eur: Issued;

async function invoiced(customer: typeof GENEVE, currency: string, lines: { title: string; quantity: number; unitPrice: string }[]): Promise<Issued> {
  const { order } = await call(app, 'orders.create', { customer, currency, receivedVia: 'mail', receivedOn: '2026-01-02', customerReference: 'Bon 2026/17', lines });
  return call(app, 'invoices.issue', { orderId: order.id, shipping: '12.00' });
}

beforeAll(async () => {
  app = openTestApp(undefined, () => new Date(`${today}T10:00:00Z`));
  await call(app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    reminders: { levels: [{ name: 'Reminder', days: 10, fees: { CHF: '10.00', EUR: '8.00' } }, { name: 'Final notice', days: 20, fees: { CHF: '30.00' } }] },
  });
  chf = await invoiced(GENEVE, 'CHF', [
    { title: 'Rapport État de la migration dans le monde 2024', quantity: 2, unitPrice: '40.00' },
    { title: 'Droit international de la migration', quantity: 1, unitPrice: '35.50' },
  ]);
  eur = await invoiced(LYON, 'EUR', [{ title: 'Migration et environnement', quantity: 3, unitPrice: '19.99' }]);
  today = '2026-01-25';
  await call(app, 'payments.record', { orderId: chf.invoice.orderId, method: 'bank_transfer', receivedOn: '2026-01-25', amount: '50.00' });
  await call(app, 'invoices.credit', { invoiceId: chf.invoice.id, lines: [{ position: 2, quantity: 1 }], reason: 'Exemplaire abîmé' });
  today = '2026-02-16';
}, 120_000);
afterAll(() => app?.close());

function decodeQr(file: string): string {
  const prefix = path.join(dir, `${path.basename(file, '.pdf')}-page`);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  if (!code) throw new Error('No QR code found on the page');
  return code.data;
}

function save(base64: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/** In reading order, block by block (a paragraph beside another column stays whole). */
const readingText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('a French reminder of a partly paid, partly credited CHF invoice with a fee', () => {
  let reminder: { id: number; openAmount: string; fee: string; total: string; sha256: string };
  let file: string;

  beforeAll(async () => {
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [chf.invoice.id], delivery: 'print' });
    reminder = reminders[0];
    const pdf = await call(app, 'reminders.pdf', { id: reminder.id });
    file = save(pdf.contentBase64, 'reminder-fr.pdf');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.copyFileSync(file, path.join(ARTIFACTS, 'reminder-fr.pdf'));
  }, 240_000);

  it('asks for what is open after the payment and the credit note and for its fee, which is what the order owes', async () => {
    // 2 × 40.00 + 35.50 + 12.00 shipping = 127.50; 50.00 paid; 35.50 credited: 42.00 open; the 10.00 fee booked with the reminder.
    expect(reminder).toMatchObject({ openAmount: '42.00', fee: '10.00', total: '52.00' });
    expect((await call(app, 'orders.get', { id: chf.invoice.orderId })).balance).toBe('52.00');
  });

  it('is one page in French, naming the invoice, its order, what is settled and open, the fee and the amount to pay', () => {
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    expect(() => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).not.toThrow();
    const all = text(file);
    for (const words of ['Rappel', chf.invoice.number, 'Bon 2026/17', 'Jours de retard', 'Payé ou crédité', 'Ouvert', 'Montant à payer', 'Section paiement', '16 février 2026', formatDate('2026-02-04', documentLocale('fr'))]) {
      expect(all).toContain(words);
    }
    // Amounts as the invoice writes them in French: the invoice total, what is settled, what is open.
    for (const value of ['127.50', '85.50', '42.00']) expect(all).toContain(formatDocumentAmount(value, 'CHF', 'fr').replace(/\s/g, ' '));
    const money = (value: string) => formatDocumentMoney(value, 'CHF', 'fr').replace(/\s/g, ' ');
    // The open amount, the fee and the amount to pay, each on its own line, and that the slip asks for all of it.
    expect(all).toContain(`Montant ouvert de la facture ${money('42.00')}`);
    expect(all).toContain(`Frais de rappel (rappel 1) ${money('10.00')}`);
    expect(all).toContain(`Montant à payer ${money('52.00')}`);
    expect(readingText(file)).toContain('Les frais de rappel sont compris dans le montant à payer et dans la section paiement ci-dessous.');
    expect(all).not.toContain('séparément');
  });

  it('carries a QR-bill for the open amount and the fee (what the order owes), under the invoice’s own QR reference on the QR-IBAN', () => {
    const payload = decodeQr(file).split(/\r?\n/);
    expect(payload.slice(0, 3)).toEqual(['SPC', '0200', '1']);
    expect(payload[3]).toBe('CH4431999123000889012');
    expect(payload[18]).toBe('52.00');
    expect(payload[19]).toBe('CHF');
    expect(payload[21]).toBe('Bibliothèque de Genève');
    expect(payload[27]).toBe('QRR');
    expect(payload[28]).toBe(chf.invoice.document.qrBill.reference);
    expect(payload[29]).toBe(`Rappel · Facture ${chf.invoice.number}`);
  });

  it('is settled, not overpaid, by a bank transfer of exactly what its QR-bill asks for', async () => {
    const payload = decodeQr(file).split(/\r?\n/);
    const statement = camtBase64({
      kind: '054',
      version: '08',
      iban: payload[3]!,
      currency: 'CHF',
      entries: [{ bookedOn: '2026-02-16', reference: 'QR-20260216', txs: [{ amount: payload[18]!, qrr: payload[28]!, bankReference: 'QR-20260216-1', payer: { name: 'BIBLIOTHEQUE DE GENEVE', country: 'CH' } }] }],
    });
    expect(await call(app, 'bank.import', { fileName: 'camt054-2026-02-16.xml', contentBase64: statement })).toMatchObject({ recorded: 1, toReview: 0 });
    const { order, balance } = await call(app, 'orders.get', { id: chf.invoice.orderId });
    expect({ paymentStatus: order.paymentStatus, balance }).toEqual({ paymentStatus: 'paid', balance: '0.00' });
  }, 60_000);

  it('answers the very bytes stored at issue every time it is opened, also after a restart', async () => {
    const again = await call(app, 'reminders.pdf', { id: reminder.id });
    expect(Buffer.from(again.contentBase64, 'base64').equals(fs.readFileSync(file))).toBe(true);
    expect(again.sha256).toBe(reminder.sha256);
    app = app.restart();
    const afterRestart = await call(app, 'reminders.pdf', { id: reminder.id });
    expect(afterRestart.contentBase64).toBe(again.contentBase64);
  });
});

it('a EUR reminder pays into the normal IBAN under the invoice’s RF creditor reference', async () => {
  await withQueueOnlyMail(app);
  const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [eur.invoice.id], delivery: 'email' });
  expect(reminders[0]).toMatchObject({ openAmount: '71.97', fee: '8.00', total: '79.97', deliveryStatus: 'email_pending', email: 'compta@bm-lyon.fr' });
  const pdf = await call(app, 'reminders.pdf', { id: reminders[0].id });
  const payload = decodeQr(save(pdf.contentBase64, 'reminder-eur.pdf')).split(/\r?\n/);
  expect(payload[3]).toBe('CH9300762011623852957');
  expect(payload[18]).toBe('79.97');
  expect(payload[19]).toBe('EUR');
  expect(payload[27]).toBe('SCOR');
  expect(payload[28]).toBe(eur.invoice.document.qrBill.reference);
}, 240_000);
