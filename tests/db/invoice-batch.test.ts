/**
 * What the batch screen stands on: invoices.uninvoiced lists a month's orders still to invoice
 * with exact totals per currency and what in Settings would fail; invoices.zip puts the stored
 * PDFs in one ZIP byte for byte; desktop.saveInvoicePdfs outside the desktop app says so.
 * PDFs come from the fake renderer (bytes made from the document, different per invoice).
 */
import crypto from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { startWebServer } from '../../electron/web/http-bridge';
import { DESKTOP_ONLY_MESSAGE } from '../../shared/contract/desktop';

let app: TestApp;

beforeEach(async () => {
  app = openTestApp(undefined, () => new Date('2026-12-03T10:00:00Z'), { documents: fakeRenderer });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS.filter((a) => a.currency !== 'USD') });
});
afterEach(() => app?.close());

async function order(currency: string, unitPrice: string, receivedOn: string, name = 'Bibliothèque de Genève') {
  const { order } = await call(app, 'orders.create', {
    customer: { name, country: 'CH', email: '', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' },
    currency,
    receivedVia: 'mail',
    receivedOn,
    lines: [{ title: 'World Migration Report 2024', quantity: 3, unitPrice }],
  });
  return order as { id: number; number: string; total: string };
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('invoices.uninvoiced', () => {
  it('lists the orders received in the month that are neither invoiced nor cancelled, oldest first, with exact totals per currency', async () => {
    const late = await order('CHF', '10.10', '2026-11-30', 'Zoë Ångström');
    const first = await order('EUR', '33.33', '2026-11-01');
    const chf = await order('CHF', '0.10', '2026-11-12');
    const usd = await order('USD', '19.99', '2026-11-15');
    const cancelled = await order('CHF', '50.00', '2026-11-05');
    await call(app, 'orders.cancel', { id: cancelled.id, reason: 'Sent twice' });
    const invoiced = await order('CHF', '70.00', '2026-11-06');
    await call(app, 'invoices.issue', { orderId: invoiced.id });
    // Credited in full, the order is back to received: its corrected invoice is still to issue.
    const credited = await order('EUR', '5.00', '2026-11-07');
    const { invoice } = await call(app, 'invoices.issue', { orderId: credited.id });
    await call(app, 'invoices.credit', { invoiceId: invoice.id, reason: 'Wrong address' });
    await order('CHF', '1.00', '2026-10-31');
    await order('CHF', '1.00', '2026-12-01');

    const month = await call(app, 'invoices.uninvoiced', { month: '2026-11' });
    expect(month.month).toBe('2026-11');
    expect(month.orders.map((o: { number: string }) => o.number)).toEqual([first.number, credited.number, chf.number, usd.number, late.number]);
    expect(month.orders[0]).toEqual({ id: first.id, number: first.number, receivedOn: '2026-11-01', customerName: 'Bibliothèque de Genève', currency: 'EUR', total: '99.99' });
    expect(month.orders.at(-1)).toMatchObject({ customerName: 'Zoë Ångström', total: '30.30' });
    expect(month.totals).toEqual([
      { currency: 'CHF', orders: 2, total: '30.60' },
      { currency: 'EUR', orders: 2, total: '114.99' },
      { currency: 'USD', orders: 1, total: '59.97' },
    ]);
    // No USD account in Settings: said before the batch starts, naming where to fix it.
    expect(month.problems).toEqual([expect.stringMatching(/no USD bank account in Settings/)]);
  });

  it('answers an empty month with no orders, no totals and no problems', async () => {
    await order('USD', '19.99', '2026-11-15');
    expect(await call(app, 'invoices.uninvoiced', { month: '2026-02' })).toEqual({ month: '2026-02', orders: [], totals: [], problems: [] });
  });

  it('refuses a month that is not YYYY-MM, naming the field', async () => {
    for (const month of ['2026-13', '2026-1', 'November', '1999-12']) {
      expect(await refused('invoices.uninvoiced', { month })).toMatchObject({ code: 'invalid_input', field: 'month', message: expect.stringMatching(/^Month must be a month/) });
    }
    expect(await refused('invoices.uninvoiced', {})).toMatchObject({ field: 'month', message: 'Month is required.' });
  });
});

describe('invoices.zip', () => {
  it('holds every stored PDF unchanged, named by its number, SHA-256 equal to the one stored at issue', async () => {
    const issued = [];
    for (const [currency, price] of [['CHF', '12.00'], ['EUR', '7.50'], ['CHF', '99.95']] as const) {
      const o = await order(currency, price, '2026-11-10');
      issued.push((await call(app, 'invoices.issue', { orderId: o.id })).invoice);
    }
    const { creditNote } = await call(app, 'invoices.credit', { invoiceId: issued[0].id, reason: 'Returned' });
    const ids = [...issued.map((i) => i.id), creditNote.id, issued[1].id];

    const file = await call(app, 'invoices.zip', { ids });
    expect(file).toMatchObject({ fileName: 'invoices-2026-12.zip', mimeType: 'application/zip', rows: 4 });
    const entries = unzipSync(Buffer.from(file.contentBase64, 'base64'));
    expect(Object.keys(entries).sort()).toEqual(['CN-2026-00001.pdf', 'INV-2026-00001.pdf', 'INV-2026-00002.pdf', 'INV-2026-00003.pdf']);
    for (const document of [...issued, creditNote]) {
      const { invoice } = await call(app, 'invoices.get', { id: document.id });
      const bytes = entries[`${invoice.number}.pdf`]!;
      expect(sha256(bytes)).toBe(invoice.sha256);
      expect(Buffer.from(bytes).equals(Buffer.from((await call(app, 'invoices.pdf', { id: document.id })).contentBase64, 'base64'))).toBe(true);
    }
    // The same documents make the same ZIP, byte for byte.
    expect((await call(app, 'invoices.zip', { ids })).contentBase64).toBe(file.contentBase64);
  });

  it('is named by the batch month when one is given: November’s batch issued in December is invoices-2026-11.zip', async () => {
    const o = await order('CHF', '12.00', '2026-11-10');
    const { invoice } = await call(app, 'invoices.issue', { orderId: o.id });
    expect(invoice.issuedOn.slice(0, 7)).toBe('2026-12');
    const file = await call(app, 'invoices.zip', { ids: [invoice.id], month: '2026-11' });
    expect(file.fileName).toBe('invoices-2026-11.zip');
    expect(Object.keys(unzipSync(Buffer.from(file.contentBase64, 'base64')))).toEqual([`${invoice.number}.pdf`]);
    expect(await refused('invoices.zip', { ids: [invoice.id], month: 'November' })).toMatchObject({ code: 'invalid_input', field: 'month' });
  });

  it('refuses an unknown invoice by its id, an empty list and more than 500, without an internal error', async () => {
    const o = await order('CHF', '12.00', '2026-11-10');
    const { invoice } = await call(app, 'invoices.issue', { orderId: o.id });
    expect(await refused('invoices.zip', { ids: [invoice.id, 9999] })).toMatchObject({ code: 'not_found', message: 'Invoice 9999 does not exist.' });
    expect(await refused('invoices.zip', { ids: [] })).toMatchObject({ code: 'invalid_input', field: 'ids' });
    expect(await refused('invoices.zip', { ids: Array.from({ length: 501 }, (_, i) => i + 1) })).toMatchObject({ code: 'invalid_input', field: 'ids', message: expect.stringContaining('at most 500') });
    expect(await refused('invoices.zip', { ids: ['1'] })).toMatchObject({ code: 'invalid_input', field: 'ids.0' });
  });
});

describe('desktop.saveInvoicePdfs outside the desktop app', () => {
  it('answers a typed desktop_only error, also over HTTP as browser mode does (400, never 500)', async () => {
    expect(await refused('desktop.saveInvoicePdfs', { ids: [1] })).toEqual({ code: 'desktop_only', message: DESKTOP_ONLY_MESSAGE });
    // Input is still validated first, as for every method.
    expect(await refused('desktop.saveInvoicePdfs', { ids: [] })).toMatchObject({ code: 'invalid_input', field: 'ids' });

    const server = await startWebServer({ invoke: app.invoke, token: 't', staticDir: '/nonexistent' });
    try {
      const response = await fetch(`${server.url}api/desktop.saveInvoicePdfs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
        body: JSON.stringify({ ids: [1] }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'desktop_only', message: DESKTOP_ONLY_MESSAGE } });
    } finally {
      await server.close();
    }
  });
});
