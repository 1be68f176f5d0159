/**
 * The orders list's indexes (migration 0004) at work: SQLite's own query plans, on demo data
 * analysed as the real database is, show that no first page sorts the whole table and that
 * filters and counts read an index. Speeds at 100,000 orders are in `npm run bench`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainListOrders } from '../../db/services/orders/read';
import { generateDemoData } from '../../db/seed/demo-data';
import { OrderListInput } from '../../shared/contract/orders';
import { openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
  // Enough orders, in every status, currency and channel, for ANALYZE's statistics to look like real use.
  generateDemoData(app.db, { orders: 3000, seed: 11 });
}, 120_000);
afterAll(() => app?.close());

const plan = (input: Record<string, unknown>) => explainListOrders(app.ctx, OrderListInput.parse(input));
const SORTS = OrderListInput.shape.sort.unwrap().options;

describe('query plans of the orders list', () => {
  it('reads the first page and a later page of every sort, both ways, in index order without sorting', () => {
    for (const sort of SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const offset of [0, 50]) {
          const page = plan({ sort, direction, offset }).page.join(' | ');
          expect(page, `${sort} ${direction} from ${offset}`).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
          expect(page, `${sort} ${direction} from ${offset}`).toMatch(/USING INDEX/);
        }
      }
    }
  });

  it.each([
    { status: 'received' },
    { paymentStatus: 'partially_paid' },
    { receivedVia: 'fax' },
    { currency: 'EUR' },
    { month: '2025-03' },
    { paymentMethod: 'check' },
    { receivedVia: 'fax', paymentMethod: 'check' },
    { status: 'received', month: '2026-03' },
  ])('finds and counts the newest orders matching %o through an index', (filters) => {
    const { page, count } = plan(filters);
    expect(page.join(' | ')).toMatch(/^SEARCH orders USING INDEX/);
    expect(page.join(' | ')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(count.join(' | ')).toMatch(/^SEARCH orders USING COVERING INDEX/);
  });

  it('counts all orders from an index, never reading the table itself', () => {
    expect(plan({}).count.join(' | ')).toMatch(/^SCAN orders USING COVERING INDEX/);
  });
});
