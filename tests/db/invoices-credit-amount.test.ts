/**
 * The amount the credit note dialog shows before issuing is the amount the service then credits,
 * to the cent, over a run of partial notes whose roundings would drift if either priced afresh.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { creditChoiceOf, creditInput, creditRowsOf } from '../../renderer/screens/orders/invoicing/credit-choice';
import type { Invoice } from '../../shared/contract/invoices';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp(undefined, () => new Date('2026-11-20T10:00:00Z'), { documents: () => fakeRenderer() });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
});
afterEach(() => app?.close());

it('credits exactly what the dialog computed, note after note, until the invoice is credited in full', async () => {
  const customer = { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' };
  const { order } = await call(app, 'orders.create', {
    customer,
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: [
      { title: 'Bookmarks', quantity: 3, unitPrice: '0.01', discountPercent: '50' },
      { title: 'World Migration Report 2024', quantity: 7, unitPrice: '19.99', discountPercent: '12.5' },
    ],
  });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id, shipping: '9.95' });
  // What the clerk types, note by note: line → copies, and shipping.
  const steps: [Record<number, string>, string][] = [
    [{ 1: '1', 2: '3' }, '2.00'],
    [{ 1: '1', 2: '1' }, ''],
    [{ 1: '1', 2: '3' }, '7.95'],
  ];
  let current: Invoice = invoice;
  for (const [quantities, shipping] of steps) {
    const choice = creditChoiceOf(creditRowsOf(current), quantities, shipping, current.creditable!.shipping, 'CHF');
    expect(choice.errors).toEqual({});
    const result = await call(app, 'invoices.credit', creditInput(current.id, choice, 'Returned', '2026-11-20'));
    expect(result.creditNote.total).toBe(choice.total);
    current = result.invoice;
  }
  // The last step took everything left, so it went as a full note and the parts add up to the invoice.
  expect(current).toMatchObject({ status: 'credited', credited: invoice.total, creditable: { lines: [], shipping: '0.00', total: '0.00' } });
});
