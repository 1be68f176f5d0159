import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { businessDay } from '../../shared/domain/calendar';
import { useReportFileRenderer } from '../../db/services/reports/renderer-override';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call, openTestApp, type TestApp } from '../support/test-db';

// The unit is in Geneva: at 23:30 UTC on 6 December it is already 00:30 on the 7th there.
const GENEVA_00_30 = new Date('2026-12-06T23:30:00Z');

let app: TestApp;
let now: Date;
beforeEach(async () => {
  now = GENEVA_00_30;
  app = openTestApp(undefined, () => now, { documents: () => fakeRenderer() });
  // The report's files are not what is tested here: bytes stand in for them.
  useReportFileRenderer(app.ctx, async (_ctx, _report, format) => ({ fileName: `report.${format}`, mimeType: 'application/octet-stream', contentBase64: Buffer.from(format).toString('base64'), rows: 1, sha256: '' }));
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
});
afterEach(() => app?.close());

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

async function order(receivedOn: string) {
  const { order } = await call(app, 'orders.create', {
    customer: { name: 'Bibliothèque de Genève', country: 'CH' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn,
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '80.00' }],
  });
  return order as { id: number; number: string };
}

describe("the unit's business day in the services", () => {
  it('accepts a payment at 00:30 in Geneva dated with the default the dialog fills in, the new day', async () => {
    const { settings } = await call(app, 'settings.get', {});
    expect(settings.timeZone).toBe('Europe/Zurich');
    // The dialog's default: the same function, the same zone.
    const dialogDefault = businessDay(new Date(GENEVA_00_30), settings.timeZone);
    expect(dialogDefault).toBe('2026-12-07');
    const o = await order(dialogDefault);
    const paid = await call(app, 'payments.record', { orderId: o.id, method: 'check', receivedOn: dialogDefault, amount: '30.00' });
    expect(paid).toMatchObject({ balance: '50.00', payment: { on: '2026-12-07' } });
    // Dates left out are the same day, and the next day is still the future.
    const writeOff = await call(app, 'payments.writeOff', { orderId: o.id, amount: '1.00', reason: 'Rounding' });
    expect(writeOff.payment.on).toBe('2026-12-07');
    expect(await refused('payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-12-08', amount: '1.00' })).toMatchObject({ field: 'receivedOn', message: 'Date received cannot be in the future.' });
    const shipped = await call(app, 'orders.ship', { id: o.id, shippedOn: dialogDefault, carrier: 'La Poste', tracking: '' });
    expect(shipped.order.shippedOn).toBe('2026-12-07');
    const { invoice } = await call(app, 'invoices.issue', { orderId: o.id });
    expect(invoice.issuedOn).toBe('2026-12-07');
  });

  it('follows the time zone set in Settings, refusing a name it does not know with the field named', async () => {
    expect(await refused('settings.set', { timeZone: 'Europe/Geneva' })).toMatchObject({ code: 'invalid_input', field: 'timeZone' });
    await call(app, 'settings.set', { timeZone: 'UTC' });
    const o = await order('2026-12-06');
    expect(await refused('payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-12-07', amount: '1.00' })).toMatchObject({ field: 'receivedOn', message: 'Date received cannot be in the future.' });
    await call(app, 'settings.set', { timeZone: 'Pacific/Kiritimati' });
    // 23:30 UTC is 13:30 the next day at UTC+14.
    expect((await call(app, 'payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-12-07', amount: '1.00' })).payment.on).toBe('2026-12-07');
  });

  it('ends a month at midnight in Geneva: November can be closed from 00:00 on 1 December there, not before', async () => {
    now = new Date('2026-11-30T22:59:00Z');
    expect(await refused('reports.closeMonth', { month: '2026-11' })).toMatchObject({ field: 'month', message: 'November 2026 has not ended yet; it can be closed from 2026-12-01 on.' });
    now = new Date('2026-11-30T23:00:00Z');
    const { closing } = await call(app, 'reports.closeMonth', { month: '2026-11' });
    expect(closing.month).toBe('2026-11');
  });
});

describe('dates a typo put out of reach', () => {
  it('refuses an order received in the future, naming the field, and takes one received today', async () => {
    expect(await refused('orders.create', { customer: { name: 'Late Library', country: 'CH' }, currency: 'CHF', receivedVia: 'mail', receivedOn: '2099-01-01', lines: [{ title: 'Atlas', quantity: 1, unitPrice: '1.00' }] })).toMatchObject({
      code: 'invalid_input',
      field: 'receivedOn',
      message: 'Date received cannot be in the future.',
    });
    const today = await order('2026-12-07');
    expect(await refused('orders.update', { id: today.id, currency: 'CHF', receivedVia: 'mail', receivedOn: '2026-12-08', customer: { name: 'Bibliothèque de Genève', country: 'CH' }, lines: [{ title: 'Atlas', quantity: 1, unitPrice: '1.00' }] })).toMatchObject({ field: 'receivedOn', message: 'Date received cannot be in the future.' });
  });

  it("takes a month's exchange rates at most a month ahead of the unit's month, naming the field", async () => {
    // 00:30 on 7 December 2026 in Geneva: next month is January 2027.
    const rates = { reportingCurrency: 'CHF', rates: { EUR: '0.94' } };
    const tooLate = { field: 'month', message: 'The month of the exchange rates cannot be after next month (2027-01): rates are entered at most a month ahead.' };
    expect(await refused('reports.setRates', { month: '2099-01', ...rates })).toMatchObject({ code: 'invalid_input', ...tooLate });
    expect(await refused('reports.setRates', { month: '2027-02', ...rates })).toMatchObject(tooLate);
    expect((await call(app, 'reports.monthly', { month: '2099-01' })).rates).toBeNull();
    await call(app, 'reports.setRates', { month: '2026-12', ...rates });
    await call(app, 'reports.setRates', { month: '2027-01', ...rates });
    // The unit's month, not the server's: at 00:30 on 1 January in Geneva (still 31 December in UTC) February is next month.
    now = new Date('2026-12-31T23:30:00Z');
    await call(app, 'reports.setRates', { month: '2027-02', ...rates });
  });

  it("refuses dates before the unit's first day of business (2000-01-01 by default, or as set), naming the field", async () => {
    const before2000 = "cannot be before the unit's first day of business (2000-01-01, in Settings).";
    expect(await refused('orders.create', { customer: { name: 'Old Library', country: 'CH' }, currency: 'CHF', receivedVia: 'mail', receivedOn: '1901-01-01', lines: [{ title: 'Atlas', quantity: 1, unitPrice: '1.00' }] })).toMatchObject({ field: 'receivedOn', message: `Date received ${before2000}` });
    const { publications } = await call(app, 'catalogue.list', {});
    const publicationId = publications[0].id;
    expect(await refused('prices.set', { publicationId, currency: 'CHF', unitPrice: '20.00', validFrom: '1900-01-01' })).toMatchObject({ field: 'validFrom', message: `Valid from ${before2000}` });
    // A price can still be scheduled ahead.
    await call(app, 'prices.set', { publicationId, currency: 'CHF', unitPrice: '21.00', validFrom: '2027-01-01' });

    await call(app, 'settings.set', { firstBusinessDay: '2026-03-01' });
    expect((await call(app, 'settings.get', {})).settings.firstBusinessDay).toBe('2026-03-01');
    const since = "cannot be before the unit's first day of business (2026-03-01, in Settings).";
    expect(await refused('orders.create', { customer: { name: 'Old Library', country: 'CH' }, currency: 'CHF', receivedVia: 'mail', receivedOn: '2026-02-27', lines: [{ title: 'Atlas', quantity: 1, unitPrice: '1.00' }] })).toMatchObject({ field: 'receivedOn', message: `Date received ${since}` });
    expect(await refused('reports.setRates', { month: '2026-02', reportingCurrency: 'CHF', rates: { EUR: '0.94' } })).toMatchObject({ field: 'month', message: `The month of the exchange rates ${since}` });
    await call(app, 'reports.setRates', { month: '2026-03', reportingCurrency: 'CHF', rates: { EUR: '0.94' } });
    const o = await order('2026-03-01');
    expect(await refused('payments.record', { orderId: o.id, method: 'check', receivedOn: '2026-02-28', amount: '1.00' })).toMatchObject({ field: 'receivedOn', message: `Date received ${since}` });
    expect(await refused('settings.set', { firstBusinessDay: '2026-12-08' })).toMatchObject({ field: 'firstBusinessDay', message: 'First day of business cannot be in the future.' });
  });
});
