import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const customer = { name: 'Zoë Ångström-Müller', address: 'Storgatan 1', country: 'se', city: 'Uppsala', postalCode: '753 10', phone: ' +46 18 000 00 ', email: 'zoe@example.se' };

describe('orders', () => {
  it('stores exact totals and returns the same after a restart', async () => {
    app = openTestApp();
    const { publications } = await call(app, 'catalogue.list', {});
    const created = await call(app, 'orders.create', {
      customer,
      currency: 'CHF',
      receivedVia: 'fax',
      receivedOn: '2026-11-20',
      lines: [
        { publicationId: publications[0].id, quantity: 3, unitPrice: '19.99', discountPercent: '15' },
        { title: 'A report we do not list', quantity: 7, unitPrice: '0.10' },
      ],
    });
    expect(created.order.lines.map((l: { lineTotal: string }) => l.lineTotal)).toEqual(['50.97', '0.70']);
    expect(created.order.total).toBe('51.67');
    expect(created.order.number).toBe('2026-00001');
    expect(created.order.needsReview).toBe(true);
    expect(created.order.customer.country).toBe('SE');
    expect(created.order.customer.phone).toBe('+46 18 000 00');

    app = app.restart();
    const again = await call(app, 'orders.get', { id: created.order.id });
    expect(again.order.total).toBe('51.67');
    expect(again.order.lines[0].discountPercent).toBe('15');
    expect(again.history.map((h: { action: string }) => h.action)).toEqual(['create']);
  });

  it.each([
    ['negative quantity', { quantity: -1 }, 'lines.0.quantity', /at least 1/],
    ['three-decimal price', { unitPrice: '1.005' }, 'lines.0.unitPrice', /at most 2 decimals/],
    ['negative price', { unitPrice: '-5' }, 'lines.0.unitPrice', /negative/],
  ])('refuses a %s, naming the field, and writes nothing', async (_label, change, field, message) => {
    app = openTestApp();
    const result = await app.invoke('orders.create', {
      customer,
      currency: 'EUR',
      receivedVia: 'mail',
      receivedOn: '2026-11-20',
      lines: [{ title: 'Book', quantity: 1, unitPrice: '10.00', ...change }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(message);
    expect(app.db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
  });

  it('finds orders by any word of the customer name, accents ignored, and by title', async () => {
    app = openTestApp();
    const names = ['Zoë Ångström-Müller', 'Łukasz Żółć', 'Ngọc Trần', 'محمد الحسن', '王小明'];
    for (const name of names) {
      await call(app, 'orders.create', {
        customer: { ...customer, name, email: '' },
        currency: 'USD',
        receivedVia: 'mail',
        receivedOn: '2026-11-02',
        lines: [{ title: 'Migration atlas', quantity: 1, unitPrice: '5.00' }],
      });
    }
    const search = async (query: string) => (await call(app, 'orders.list', { query })).rows.map((r: { customerName: string }) => r.customerName);
    expect(await search('angstrom')).toEqual(['Zoë Ångström-Müller']);
    expect(await search('Żółć')).toEqual(['Łukasz Żółć']);
    expect(await search('tran')).toEqual(['Ngọc Trần']);
    expect(await search('محمد')).toEqual(['محمد الحسن']);
    expect(await search('王小明')).toEqual(['王小明']);
    expect(await search('atlas')).toHaveLength(5);
  });
});
