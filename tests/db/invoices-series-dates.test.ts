/**
 * A series' dates follow its numbers: an invoice or credit note cannot be dated before the
 * latest document already issued in its series (kind and year), and the draft shows the date
 * that will be printed (issue 15).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp(undefined, () => new Date('2026-12-06T10:00:00Z'), { documents: () => fakeRenderer() });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
});
afterEach(() => app?.close());

async function order(receivedOn = '2026-10-20', quantity = 1) {
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn,
    lines: [{ title: 'World Migration Report 2024', quantity, unitPrice: '40.00' }],
  });
  return order as { id: number };
}

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

describe('the date of issue', () => {
  it('cannot be before the latest invoice of its series: INV-2026-00002 is refused on 1 Nov after INV-2026-00001 of 6 Dec', async () => {
    const first = await order();
    const second = await order();
    expect((await call(app, 'invoices.issue', { orderId: first.id, issuedOn: '2026-12-06' })).invoice).toMatchObject({ number: 'INV-2026-00001', issuedOn: '2026-12-06' });
    const error = await refused('invoices.issue', { orderId: second.id, issuedOn: '2026-11-01' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      field: 'issuedOn',
      message: 'Date of issue cannot be before 2026-12-06, the date of INV-2026-00001, the latest invoice of 2026: a series is numbered in the order of its dates.',
    });
    expect(app.db.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(1);
    // The same day, or a later one, is fine.
    expect((await call(app, 'invoices.issue', { orderId: second.id, issuedOn: '2026-12-06' })).invoice).toMatchObject({ number: 'INV-2026-00002' });
  });

  it('is compared within its own series only: credit notes with credit notes, each year with itself', async () => {
    const early = await order('2025-12-01', 2);
    const late = await order();
    await call(app, 'invoices.issue', { orderId: late.id, issuedOn: '2026-12-06' });
    // Another year's series: an invoice of 30 Dec 2025 is the first of its own.
    const old = (await call(app, 'invoices.issue', { orderId: early.id, issuedOn: '2025-12-30' })).invoice;
    expect(old.number).toBe('INV-2025-00001');
    // Credit notes are their own series: the first of 2026 may be dated before the latest invoice of 2026.
    const credit = (await call(app, 'invoices.credit', { invoiceId: old.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy returned', issuedOn: '2026-01-10' })).creditNote;
    expect(credit).toMatchObject({ number: 'CN-2026-00001', issuedOn: '2026-01-10' });
    const error = await refused('invoices.credit', { invoiceId: old.id, lines: [{ position: 1, quantity: 1 }], reason: 'The other copy', issuedOn: '2026-01-09' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'issuedOn', message: expect.stringContaining('the date of CN-2026-00001, the latest credit note of 2026') });
    expect(app.db.prepare("SELECT count(*) FROM invoices WHERE kind = 'credit_note'").pluck().get()).toBe(1);
  });
});

describe('the draft invoice', () => {
  it('shows the date of issue that will be printed: the one chosen, else today', async () => {
    const o = await order();
    expect((await call(app, 'invoices.preview', { orderId: o.id })).document.issuedOn).toBe('2026-12-06');
    expect((await call(app, 'invoices.preview', { orderId: o.id, issuedOn: '2026-11-30' })).document.issuedOn).toBe('2026-11-30');
  });
});
