import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainListOrders } from '../../db/services/orders/read';
import { OrderListInput } from '../../shared/contract/orders';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;

interface Row {
  id: number;
  number: string;
  customerName: string;
  receivedOn: string;
  total: string;
  currency: string;
  status: string;
  needsReview: boolean;
  country: string;
}

const PEOPLE = [
  { name: 'Zoë Ångström-Müller', country: 'SE', city: 'Uppsala', email: 'zoe.angstrom@uu.se', currency: 'CHF', via: 'fax', pay: 'credit_card', on: '2026-03-02' },
  { name: 'Łukasz Żółć', country: 'PL', city: 'Kraków', email: 'lukasz.zolc@wp.pl', currency: 'EUR', via: 'mail', pay: 'bank_transfer', on: '2026-03-15' },
  { name: 'Ngọc Trần', country: 'VN', city: 'Hà Nội', email: 'ngoc.tran@vnu.edu.vn', currency: 'USD', via: 'email', pay: 'check', on: '2026-04-01' },
  { name: 'محمد الحسن', country: 'EG', city: 'القاهرة', email: 'mohamed@aucegypt.edu', currency: 'USD', via: 'email', pay: 'bank_transfer', on: '2026-04-20' },
  { name: '王小明', country: 'CN', city: '北京', email: 'wang.xiaoming@pku.edu.cn', currency: 'CHF', via: 'mail', pay: 'credit_card', on: '2025-12-31' },
] as const;

async function seedOrders(): Promise<Row[]> {
  const { publications } = await call(app, 'catalogue.list', {});
  const created: Row[] = [];
  for (const [i, p] of PEOPLE.entries()) {
    const { order } = await call(app, 'orders.create', {
      customer: { name: p.name, country: p.country, city: p.city, email: p.email, address: 'Main street 1' },
      currency: p.currency,
      receivedVia: p.via,
      receivedOn: p.on,
      paymentMethod: p.pay,
      lines:
        i === 2
          ? [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }]
          : [{ publicationId: publications[i].id, quantity: i + 1, unitPrice: `${10 * (i + 1)}.50` }],
    });
    created.push(order);
  }
  return created;
}

const list = async (input: Record<string, unknown>) => call<{ rows: Row[]; total: number }>(app, 'orders.list', input);
const names = async (input: Record<string, unknown>) => (await list(input)).rows.map((r) => r.customerName);

beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app?.close());

describe('orders list', () => {
  it('stores names in every script and shows them back exactly, newest first by default', async () => {
    await seedOrders();
    const { rows, total } = await list({});
    expect(total).toBe(5);
    expect(rows.map((r) => r.customerName)).toEqual(['محمد الحسن', 'Ngọc Trần', 'Łukasz Żółć', 'Zoë Ångström-Müller', '王小明']);
    expect(rows.map((r) => r.receivedOn)).toEqual(['2026-04-20', '2026-04-01', '2026-03-15', '2026-03-02', '2025-12-31']);
    const free = rows.find((r) => r.customerName === 'Ngọc Trần')!;
    expect(free.needsReview).toBe(true);
    expect(rows.filter((r) => r.needsReview)).toHaveLength(1);
  });

  it.each([
    ['angstrom', ['Zoë Ångström-Müller']],
    ['ÅNGSTRÖM-müller', ['Zoë Ångström-Müller']],
    ['zolc', ['Łukasz Żółć']],
    ['Lukasz', ['Łukasz Żółć']],
    ['krakow', ['Łukasz Żółć']],
    ['tran', ['Ngọc Trần']],
    ['ngoc tr', ['Ngọc Trần']],
    ['ha noi', ['Ngọc Trần']],
    ['محمد', ['محمد الحسن']],
    ['الحسن', ['محمد الحسن']],
    ['حسن', ['محمد الحسن']],
    ['王小明', ['王小明']],
    ['小明', ['王小明']],
    ['北京', ['王小明']],
    ['lukasz.zolc@wp', ['Łukasz Żółć']],
    ['wang.xiao', ['王小明']],
    ['migration report', ['Ngọc Trần']],
  ])('search "%s" finds %j (accents, case and scripts)', async (query, expected) => {
    await seedOrders();
    expect(await names({ query })).toEqual(expected);
  });

  it('finds an order by its number, whole or in part, and treats search syntax as text', async () => {
    const orders = await seedOrders();
    const third = orders[2]!;
    expect((await list({ query: third.number })).rows.map((r) => r.id)).toEqual([third.id]);
    expect((await list({ query: third.number.slice(5) })).rows.map((r) => r.id)).toEqual([third.id]);
    expect(await names({ query: 'NOT "zolc" OR *' })).toEqual([]);
    expect(await names({ query: 'nobody-like-this' })).toEqual([]);
    expect((await list({ query: '  ' })).total).toBe(5);
  });

  it('filters by status, currency, month, received via and payment method, and combines them', async () => {
    const orders = await seedOrders();
    await call(app, 'orders.cancel', { id: orders[0]!.id, reason: 'Duplicate of a fax.' });
    expect(await names({ status: 'cancelled' })).toEqual(['Zoë Ångström-Müller']);
    expect(await names({ status: 'received', currency: 'CHF' })).toEqual(['王小明']);
    expect(await names({ currency: 'USD' })).toEqual(['محمد الحسن', 'Ngọc Trần']);
    expect(await names({ month: '2026-03' })).toEqual(['Łukasz Żółć', 'Zoë Ångström-Müller']);
    expect(await names({ month: '2025-12' })).toEqual(['王小明']);
    expect(await names({ receivedVia: 'email' })).toEqual(['محمد الحسن', 'Ngọc Trần']);
    expect(await names({ paymentMethod: 'credit_card' })).toEqual(['Zoë Ångström-Müller', '王小明']);
    expect(await names({ receivedVia: 'email', paymentMethod: 'check', query: 'tran' })).toEqual(['Ngọc Trần']);
    expect((await list({ receivedVia: 'fax', currency: 'EUR' })).total).toBe(0);
  });

  it('sorts by every column both ways', async () => {
    await seedOrders();
    const by = async (sort: string, direction: string) => names({ sort, direction });
    expect(await by('customerName', 'asc')).toEqual(['Łukasz Żółć', 'Ngọc Trần', 'Zoë Ångström-Müller', 'محمد الحسن', '王小明']);
    expect(await by('receivedOn', 'asc')).toEqual(['王小明', 'Zoë Ångström-Müller', 'Łukasz Żółć', 'Ngọc Trần', 'محمد الحسن']);
    // Totals: 10.50, 2×20.50=41.00, 40.00, 4×40.50=162.00, 5×50.50=252.50 (compared as minor units, any currency).
    expect((await list({ sort: 'total', direction: 'desc' })).rows.map((r) => r.total)).toEqual(['252.50', '162.00', '41.00', '40.00', '10.50']);
    // By name as the list shows it in en-CH: Egypt, People's Republic of China, Poland, Sweden, Vietnam.
    expect((await list({ sort: 'country', direction: 'asc' })).rows.map((r) => r.country)).toEqual(['EG', 'CN', 'PL', 'SE', 'VN']);
    expect((await list({ sort: 'currency', direction: 'desc' })).rows.map((r) => r.currency)).toEqual(['USD', 'USD', 'EUR', 'CHF', 'CHF']);
    const numbers = (await list({ sort: 'number', direction: 'asc' })).rows.map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('pages in SQL with an exact total on every page', async () => {
    await seedOrders();
    const first = await list({ limit: 2, offset: 0 });
    const second = await list({ limit: 2, offset: 2 });
    const third = await list({ limit: 2, offset: 4 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.customerName)).toEqual(await names({}));
    expect(third.rows).toHaveLength(1);
    const beyond = await list({ limit: 2, offset: 10 });
    expect(beyond).toEqual({ rows: [], total: 5 });
  });

  it('explains bad list input in words that name the field', async () => {
    for (const [input, field, message] of [
      [{ month: '2026-13' }, 'month', /YYYY-MM/],
      [{ status: 'lost' }, 'status', /Status must be one of/],
      [{ limit: 0 }, 'limit', /Rows per page must be at least 1/],
      [{ offset: -5 }, 'offset', /Page start must be at least 0/],
    ] as const) {
      const result = await app.invoke('orders.list', input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.field).toBe(field);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads the first page of every sort from an index, never sorting the whole table', () => {
    for (const sort of OrderListInput.shape.sort.unwrap().options) {
      for (const direction of ['asc', 'desc'] as const) {
        const plan = explainListOrders(app.ctx, OrderListInput.parse({ sort, direction }));
        expect(plan.page.join(' | '), `${sort} ${direction}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        expect(plan.page.join(' | '), `${sort} ${direction}`).toMatch(/INDEX/);
      }
    }
    const filtered = explainListOrders(app.ctx, OrderListInput.parse({ status: 'received', month: '2026-03' }));
    expect(filtered.page.join(' | ')).toMatch(/USING INDEX/);
  });

  it('returns payments, invoices and the balance with the order', async () => {
    const [order] = await seedOrders();
    const record = await call(app, 'orders.get', { id: order!.id });
    expect(record.payments).toEqual([]);
    expect(record.invoices).toEqual([]);
    expect(record.balance).toBe('10.50');
    expect(record.history.map((h: { action: string }) => h.action)).toEqual(['create']);
  });
});
