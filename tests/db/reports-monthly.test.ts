/**
 * reports.monthly over a generated month (and its neighbours), every section compared with
 * figures computed independently from the raw rows (tests/support/report-expected.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { generateReportMonth, type GeneratedMonth, type ReportClock } from '../support/report-data';
import { expectedReport, money } from '../support/report-expected';

let app: TestApp;
let month: GeneratedMonth;
const clock: ReportClock = { today: '2026-09-01' };

beforeAll(async () => {
  app = openTestApp(undefined, () => new Date(`${clock.today}T10:00:00Z`), { documents: () => fakeRenderer() });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  month = await generateReportMonth(app, clock);
}, 120_000);
afterAll(() => app?.close());

const report = (input: Record<string, unknown>) => call(app, 'reports.monthly', input);

describe('reports.monthly', () => {
  it('the generated month has every kind of activity the report sums, and activity around it', () => {
    for (const kind of ['order', 'payment:credit_card', 'payment:check', 'payment:bank_transfer', 'bankFees', 'writeOff', 'refund', 'invoice', 'creditNote', 'cancel', 'reverse:payment', 'reverse:write_off', 'creditMove']) {
      expect(month.done[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    const outside = app.db.prepare("SELECT count(*) AS n FROM orders WHERE received_on NOT LIKE '2026-10-%'").get() as { n: number };
    expect(outside.n).toBeGreaterThan(10);
    const currencies = app.db.prepare("SELECT DISTINCT currency FROM orders WHERE received_on LIKE '2026-10-%' ORDER BY 1").all();
    expect(currencies).toHaveLength(3);
  });

  it('answers every section of October as computed from the raw rows', async () => {
    const value = await report({ month: '2026-10' });
    const expected = expectedReport(app.db, month.from, month.to);
    expect(value.period).toEqual({ month: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    expect(value.closing).toBeNull();
    expect(value.currencies).toEqual(expected.currencies);
    expect(value.orders).toEqual(expected.orders);
    expect(value.titles).toEqual(expected.titles);
    expect(value.amounts).toEqual(expected.amounts);
    expect(value.money).toEqual(expected.money);
    expect(value.outstanding).toEqual(expected.outstanding);
    expect(value.topCustomers).toEqual(expected.topCustomers);
    expect(value.topCountries).toEqual(expected.topCountries);
    expect(value.rates).toBeNull();
    expect(value.converted).toBeNull();
    // Sanity of the fixture: the month really has cancellations, reversals and refunds to get wrong.
    expect(value.orders.cancelled.length).toBeGreaterThan(0);
    expect(value.money.refunds.length).toBeGreaterThan(0);
    expect(value.orders.perDay).toHaveLength(31);
  });

  it('a range of days answers the same figures as computed for that range, with no month', async () => {
    const value = await report({ from: '2026-09-25', to: '2026-10-09' });
    const expected = expectedReport(app.db, '2026-09-25', '2026-10-09');
    expect(value.period).toEqual({ month: null, from: '2026-09-25', to: '2026-10-09' });
    const { currencies, orders, titles, amounts, money: moneySection, outstanding, topCustomers, topCountries } = value;
    expect({ currencies, orders, titles, amounts, money: moneySection, outstanding, topCustomers, topCountries }).toEqual(expected);
  });

  it('a range that is exactly one month is that month', async () => {
    const byRange = await report({ from: '2026-10-01', to: '2026-10-31' });
    const byMonth = await report({ month: '2026-10' });
    expect({ ...byRange, generatedAt: '' }).toEqual({ ...byMonth, generatedAt: '' });
  });

  it('an order cancelled after its month still counts in that month, and is listed where it was cancelled', async () => {
    const late = app.db
      .prepare("SELECT id, number, total_minor FROM orders WHERE status = 'cancelled' AND received_on LIKE '2026-10-%' AND cancelled_on > '2026-10-31' LIMIT 1")
      .get() as { id: number; number: string; total_minor: number } | undefined;
    const early = app.db
      .prepare("SELECT id FROM orders WHERE status = 'cancelled' AND received_on < '2026-10-01' AND cancelled_on LIKE '2026-10-%' LIMIT 1")
      .get() as { id: number } | undefined;
    expect(late ?? early, 'the fixture has a cancellation across a month end').toBeDefined();
    const october = await report({ month: '2026-10' });
    const november = await report({ month: '2026-11' });
    if (late) {
      expect(november.orders.cancelled.map((c: { orderId: number }) => c.orderId)).toContain(late.id);
      expect(october.orders.cancelled.map((c: { orderId: number }) => c.orderId)).not.toContain(late.id);
    }
    if (early) expect(october.orders.cancelled.map((c: { orderId: number }) => c.orderId)).toContain(early.id);
  });

  it('a month with nothing in it answers zero counts for every day and channel, and empty sections', async () => {
    const value = await report({ month: '2025-02' });
    expect(value.orders.count).toBe(0);
    expect(value.orders.perDay).toHaveLength(28);
    expect(value.orders.perDay.every((d: { count: number }) => d.count === 0)).toBe(true);
    expect(value.orders.byChannel).toEqual([
      { key: 'mail', count: 0 },
      { key: 'fax', count: 0 },
      { key: 'email', count: 0 },
      { key: 'other', count: 0 },
    ]);
    expect(value).toMatchObject({ titles: [], amounts: [], money: { byMethod: [], refunds: [], writeOffs: [], totals: [] }, outstanding: { asOf: '2025-02-28', rows: [] }, currencies: [] });
  });
});

describe('exchange rates', () => {
  it('converts every total at the month’s rates, rounded once at the end, and lists a currency without a rate', async () => {
    const set = await call(app, 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { EUR: '0.9412', USD: '0.80115' } });
    expect(set.rates).toMatchObject({ reportingCurrency: 'CHF', rates: { CHF: '1', EUR: '0.9412', USD: '0.80115' }, setBy: 'test-clerk' });
    const value = await report({ month: '2026-10' });
    expect(value.rates).toEqual(set.rates);
    const rate: Record<string, string> = { CHF: '1', EUR: '0.9412', USD: '0.80115' };
    const convert = (rows: { currency: string }[], field: string) =>
      rows.reduce((acc, r) => acc.plus(new Decimal((r as any)[field]).times(rate[r.currency]!)), new Decimal(0)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    expect(value.converted).toEqual({
      reportingCurrency: 'CHF',
      ordered: convert(value.amounts, 'ordered'),
      invoiced: convert(value.amounts, 'invoiced'),
      credited: convert(value.amounts, 'credited'),
      received: convert(value.money.totals, 'received'),
      refunded: convert(value.money.totals, 'refunded'),
      bankFees: convert(value.money.totals, 'bankFees'),
      writtenOff: convert(value.money.totals, 'writtenOff'),
      outstanding: convert(value.outstanding.rows, 'total'),
      missingRates: [],
    });
    const audit = app.db.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'report_month' AND entity_id = 202610").all() as { actor: string; action: string; after: string }[];
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['test-clerk', 'set_rates']]);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ reportingCurrency: 'CHF', rates: { EUR: '0.9412', USD: '0.80115' } });

    await call(app, 'reports.setRates', { month: '2026-10', reportingCurrency: 'EUR', rates: { CHF: '1.0625' } });
    const partial = await report({ month: '2026-10' });
    expect(partial.converted.missingRates).toEqual(['USD']);
    const eur = (rows: { currency: string }[], field: string) =>
      rows
        .filter((r) => r.currency !== 'USD')
        .reduce((acc, r) => acc.plus(new Decimal((r as any)[field]).times(r.currency === 'CHF' ? '1.0625' : '1')), new Decimal(0))
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2);
    expect(partial.converted).toMatchObject({ reportingCurrency: 'EUR', ordered: eur(partial.amounts, 'ordered'), received: eur(partial.money.totals, 'received') });
    // A range of days has no month and so no rates.
    expect((await report({ from: '2026-10-01', to: '2026-10-15' })).converted).toBeNull();
  });

  it('converted figures are the exact products summed, not the sum of rounded products', async () => {
    const probe = openTestApp(undefined, () => new Date('2026-11-20T10:00:00Z'), { documents: () => fakeRenderer() });
    try {
      const customer = { name: 'Rounding Test', country: 'CH', email: 'round@example.ch' };
      for (const [currency, unitPrice] of [['EUR', '0.05'], ['USD', '0.05']] as const) {
        await call(probe, 'orders.create', { customer, currency, receivedVia: 'mail', receivedOn: '2026-10-05', lines: [{ title: 'Leaflet', quantity: 1, unitPrice }] });
      }
      await call(probe, 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { EUR: '0.5', USD: '0.5' } });
      const value = await call(probe, 'reports.monthly', { month: '2026-10' });
      // 0.05 × 0.5 = 0.025 each: rounded one by one 0.03 + 0.03 = 0.06; the exact sum 0.05.
      expect(value.converted.ordered).toBe('0.05');
      expect(value.amounts.map((a: { ordered: string }) => a.ordered)).toEqual([money(5), money(5)]);
    } finally {
      await probe.close();
    }
  });
});
