/**
 * A caller who sends a value the API does not know is told the values it does accept,
 * exactly as they are to be sent (`visa`, not the label "Visa" the payment form shows).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
let orderId: number;
beforeAll(async () => {
  app = openTestApp();
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'Karin Olsen', country: 'SE', city: 'Uppsala', email: 'karin@example.se', address: 'Storgatan 1' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-11-19',
    lines: [{ title: 'Migration atlas', quantity: 1, unitPrice: '50.00' }],
  });
  orderId = order.id;
});
afterAll(() => app.close());

const card = (brand: string) => ({ orderId, method: 'credit_card', receivedOn: '2026-11-20', amount: '50.00', reference: '', note: '', card: { brand, last4: '1111', authorisationCode: '' } });

it.each([
  { method: 'payments.record', field: 'card.brand', input: () => card('Visa'), message: 'Card brand must be one of: visa, mastercard, amex, other.' },
  { method: 'payments.record', field: 'method', input: () => ({ ...card('visa'), method: 'card', card: undefined }), message: 'Method must be one of: credit_card, check, bank_transfer.' },
  { method: 'invoices.preview', field: 'language', input: () => ({ orderId, language: 'French' }), message: 'Language must be one of: en, fr, es.' },
  { method: 'reports.export', field: 'delimiter', input: () => ({ month: '2026-11', format: 'csv', delimiter: ';' }), message: 'CSV separator must be one of: comma, semicolon.' },
])('$method names the values accepted for $field', async ({ method, field, input, message }) => {
  const reply = await app.invoke(method as never, input());
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message } });
});
