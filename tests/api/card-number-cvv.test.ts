import { expect, it } from 'vitest';
import { call, openTestApp } from '../support/test-db';

it('refuses a card number typed with its CVV right after it, which reads as one longer run of digits, and keeps no digits of it', async () => {
  const app = openTestApp();
  const { publications } = await call(app, 'catalogue.list', {});
  const order = {
    customer: { name: 'Karin Olsen', country: 'SE', city: 'Uppsala', email: 'karin@example.se', address: 'Storgatan 1' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-11-19',
    lines: [{ publicationId: publications[0].id, quantity: 1, unitPrice: '50.00' }],
  };
  const refused = await app.invoke('orders.create', { ...order, notes: 'Visa 4111 1111 1111 1111 123' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'notes' } });
  const { order: created } = await call(app, 'orders.create', { ...order, notes: 'Visa 4111 1111 1111 1111' });
  expect(created.notes).toBe('Visa •••• 1111');
  const payment = await app.invoke('payments.record', {
    orderId: created.id,
    method: 'credit_card',
    receivedOn: '2026-11-20',
    amount: '50.00',
    reference: '4111-1111-1111-1111-123',
    card: { brand: 'visa', last4: '1111' },
  });
  expect(payment).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reference' } });
  expect(app.db.prepare("SELECT count(*) FROM payments WHERE reference LIKE '%4111%'").pluck().get()).toBe(0);
  app.close();
});
