/**
 * Issued invoices and credit notes as real PDFs from the worker, read back with pdftotext:
 * the number, the customer, every line and the totals; the preview says DRAFT and has no
 * number. Also: an invoice row from before migration 0006 gets its PDF on first request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { MIGRATIONS } from '../../db/migrations';

let app: TestApp;
let dir: string;

beforeAll(async () => {
  dir = tempDir('order-desk-issued-');
  app = openTestApp(path.join(dir, 'orders.db'));
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
}, 60_000);
afterAll(() => app?.close());

function text(base64: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('an issued invoice PDF', () => {
  it('prints the number, the customer, every line and the totals; its preview says DRAFT without a number', async () => {
    const { order } = await call(app, 'orders.create', {
      customer: { name: 'Наталья Иванова', country: 'RU', email: '', city: 'Москва', postalCode: '101000', address: 'ул. Воздвиженка, 3/5' },
      currency: 'EUR',
      receivedVia: 'mail',
      receivedOn: '2026-11-02',
      customerReference: 'PO 2026/117',
      lines: [
        { title: 'Ending child labour, forced labour and human trafficking in global supply chains', quantity: 3, unitPrice: '19.99', discountPercent: '15' },
        { title: 'Migrants and their Vulnerability to Human Trafficking', quantity: 2, unitPrice: '25.00' },
      ],
    });
    await call(app, 'payments.record', { orderId: order.id, method: 'bank_transfer', receivedOn: '2026-11-05', amount: '30.00' });

    const preview = await call(app, 'invoices.preview', { orderId: order.id, shipping: '18.00' });
    const draft = text(preview.contentBase64, 'preview.pdf');
    expect(draft).toContain('DRAFT');
    expect(draft).not.toMatch(/INV-\d{4}-\d{5}/);

    const { invoice } = await call(app, 'invoices.issue', { orderId: order.id, shipping: '18.00' });
    const file = await call(app, 'invoices.pdf', { id: invoice.id });
    expect(file.sha256).toBe(invoice.sha256);
    const printed = text(file.contentBase64, 'invoice.pdf');
    expect(printed).toContain('INV-2026-00001');
    expect(printed).not.toContain('DRAFT');
    expect(printed).toContain('Наталья Иванова');
    expect(printed).toContain(order.number);
    expect(printed).toContain('PO 2026/117');
    expect(printed).toContain('Ending child labour, forced labour');
    expect(printed).toContain('Migrants and their Vulnerability');
    // 3 × 19.99 less 15 % = 50.97; 2 × 25.00 = 50.00; + 18.00 shipping = 118.97; 30.00 paid leaves 88.97.
    for (const figure of ['50.97', '50.00', '18.00', '118.97', '30.00', '88.97']) expect(printed).toContain(figure);
    // Set in a narrow column, the sentence wraps; pdftotext -layout reads it around the next column.
    expect(printed).toContain('Bank transfer fees are borne by the');
    expect(invoice.document.bankAccount).toMatchObject({ iban: 'CH9300762011623852957' });

    const { creditNote } = await call(app, 'invoices.credit', { invoiceId: invoice.id, lines: [{ position: 2, quantity: 1 }], reason: 'One copy returned damaged' });
    const note = text((await call(app, 'invoices.pdf', { id: creditNote.id })).contentBase64, 'credit.pdf');
    expect(note).toContain('CN-2026-00001');
    expect(note).toContain('INV-2026-00001');
    expect(note).toContain('One copy returned damaged');
    expect(note).toContain('25.00');
  }, 240_000);

  it('makes the PDF of an invoice issued before PDFs were stored, from its old snapshot, once', async () => {
    const file = path.join(dir, 'old.db');
    const raw = new Database(file);
    raw.exec('PRAGMA foreign_keys = ON');
    for (const m of MIGRATIONS.filter((m) => m.version <= 5)) raw.exec(m.sql);
    raw.pragma('user_version = 5');
    const now = '2025-03-01T09:00:00.000Z';
    const orderId = Number(
      raw
        .prepare(`INSERT INTO orders (number, received_on, received_via, currency, customer_name, customer_country, customer_city, status, total_minor, payment_status, balance_minor, created_at, updated_at)
                  VALUES ('2025-00007', '2025-03-01', 'mail', 'CHF', 'Γιώργος Παπαδόπουλος', 'GR', 'Αθήνα', 'invoiced', 5000, 'unpaid', 5000, ?, ?)`)
        .run(now, now).lastInsertRowid,
    );
    raw.prepare(`INSERT INTO order_lines (order_id, position, title, free_text, quantity, unit_price_minor, line_total_minor) VALUES (?, 1, 'Migration and Health', 1, 2, 2500, 5000)`).run(orderId);
    const snapshot = {
      issuer: { name: 'Publications Unit, International Organization for Migration', address: '17 route des Morillons', phone: '+41 22 717 9111', fax: '', email: 'publications@iom.int' },
      customer: { name: 'Γιώργος Παπαδόπουλος', address: 'Πανεπιστημίου 32', country: 'GR', city: 'Αθήνα', postalCode: '10679', phone: '', email: '' },
      orderNumber: '2025-00007',
      lines: [{ id: 1, position: 1, publicationId: null, title: 'Migration and Health', freeText: true, quantity: 2, unitPrice: '25.00', discountPercent: null, lineTotal: '50.00' }],
      total: '50.00',
    };
    raw.prepare('INSERT INTO invoices (order_id, number, issued_on, currency, total_minor, snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(orderId, 'INV-2025-00012', '2025-03-02', 'CHF', 5000, JSON.stringify(snapshot), now);
    raw.close();

    const old = openTestApp(file);
    try {
      const list = await call(old, 'invoices.list', {});
      expect(list.rows).toEqual([expect.objectContaining({ number: 'INV-2025-00012', kind: 'invoice', total: '50.00', status: 'unpaid', customerName: 'Γιώργος Παπαδόπουλος' })]);
      expect((await call(old, 'invoices.get', { id: list.rows[0].id })).invoice).toMatchObject({ sha256: null, language: 'en' });
      const first = await call(old, 'invoices.pdf', { id: list.rows[0].id });
      const again = await call(old, 'invoices.pdf', { id: list.rows[0].id });
      expect(again.contentBase64).toBe(first.contentBase64);
      const printed = text(first.contentBase64, 'legacy.pdf');
      expect(printed).toContain('INV-2025-00012');
      expect(printed).toContain('Γιώργος Παπαδόπουλος');
      expect(printed).toContain('50.00');
      // The series goes on after the old numbers of the year.
      await call(old, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
      expect(() => old.db.prepare('UPDATE invoices SET total_minor = 1').run()).toThrow(/cannot be changed/);
    } finally {
      await old.close();
    }
  }, 240_000);
});
