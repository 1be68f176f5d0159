/**
 * The report's period statements read their period off an index (EXPLAIN QUERY PLAN), so a
 * month costs the rows of that month, not the whole history. The outstanding amounts at the
 * period's end are the one figure that reads every earlier order, by definition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
const prepared: string[] = [];
const periodStatements: string[] = [];

beforeAll(() => {
  app = openTestApp();
  const prepare = app.db.prepare.bind(app.db);
  app.db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof app.db.prepare;
});
afterAll(() => app?.close());

function planOf(sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  const values: Record<string, unknown> = { from: '2026-10-01', to: '2026-10-31', asOf: '2026-10-31', limit: 10, currency: null, customerId: null };
  const params = Object.fromEntries(names.map((n) => [n, values[n]]));
  return (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

describe('monthly report query plans', () => {
  it('every statement over the period searches an index and never scans orders, lines, movements or documents', async () => {
    await call(app, 'reports.monthly', { month: '2026-10' });
    periodStatements.push(...prepared.filter((sql) => sql.includes('@from')));
    expect(periodStatements.length).toBeGreaterThanOrEqual(5);
    for (const sql of periodStatements) {
      const plan = planOf(sql);
      // "SCAN o" of a materialised CTE is fine; a SCAN of a table (or of the lines, aliased l) is not.
      const scans = plan.filter((step) => /^SCAN (orders|order_lines|payments|invoices|l)\b/.test(step));
      expect(scans, `${sql.trim().slice(0, 120)}…\n${plan.join('\n')}`).toEqual([]);
    }
  });

  it('reads the period’s orders, lines and movements from covering indexes', async () => {
    const plans = periodStatements.flatMap(planOf).join('\n');
    expect(plans).toMatch(/SEARCH orders USING COVERING INDEX orders_report \(received_on>\? AND received_on<\?\)/);
    expect(plans).toMatch(/SEARCH l USING COVERING INDEX order_lines_report \(order_id=\?/);
    expect(plans).toMatch(/SEARCH payments USING COVERING INDEX payments_report \(kind=\? AND on_date>\? AND on_date<\?\)/);
    expect(plans).toMatch(/SEARCH invoices USING COVERING INDEX invoices_report \(issued_on>\? AND issued_on<\?\)/);
  });
});
