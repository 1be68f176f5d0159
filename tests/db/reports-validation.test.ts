/**
 * The reports methods over the browser-mode HTTP API: every bad input answers 400 with the
 * field and a message a clerk can act on, never a 500.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type RunningWebApp } from '../support/web-app';

let web: RunningWebApp;
beforeAll(async () => {
  web = await startWebApp(undefined, () => new Date('2026-11-20T10:00:00Z'));
});
afterAll(async () => {
  await web?.stop();
});

function post(method: string, body: unknown): Promise<{ status: number; body: any }> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: web.server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}`, 'Content-Length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('reports API input', () => {
  const cases: [string, string, unknown, string, RegExp][] = [
    ['a month that is not a month', 'reports.monthly', { month: '2026-13' }, 'month', /YYYY-MM/],
    ['a month written otherwise', 'reports.monthly', { month: 'November 2026' }, 'month', /YYYY-MM/],
    ['a month far away', 'reports.monthly', { month: '1999-12' }, 'month', /between 2000 and 2100/],
    ['a number for a month', 'reports.monthly', { month: 202611 }, 'month', /YYYY-MM/],
    ['no period at all', 'reports.monthly', {}, 'from', /From is required/],
    ['both a month and a range', 'reports.monthly', { month: '2026-11', from: '2026-11-01', to: '2026-11-30' }, 'month', /either a month or a range/],
    ['from after to', 'reports.monthly', { from: '2026-11-30', to: '2026-11-01' }, 'to', /on or after From/],
    ['a range of years', 'reports.monthly', { from: '2024-01-01', to: '2026-01-01' }, 'to', /at most a year/],
    ['an impossible day', 'reports.monthly', { from: '2026-02-30', to: '2026-03-01' }, 'from', /./],
    ['an unknown format', 'reports.export', { month: '2026-10', format: 'docx' }, 'format', /one of: csv, xlsx, pdf/],
    ['a bad CSV separator', 'reports.export', { month: '2026-10', format: 'csv', delimiter: 'tab' }, 'delimiter', /one of: comma, semicolon/],
    ['a zero rate', 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { EUR: '0' } }, 'rates.EUR', /positive number/],
    ['a negative rate', 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { EUR: '-0.94' } }, 'rates.EUR', /positive number/],
    ['a rate as a number', 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { USD: 0.8 } }, 'rates.USD', /written as text/],
    ['a rate with words', 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { USD: 'about 0.8' } }, 'rates.USD', /positive number/],
    ['too many decimals', 'reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { USD: '0.1234567890123' } }, 'rates.USD', /positive number/],
    ['an unknown currency', 'reports.setRates', { month: '2026-10', reportingCurrency: 'GBP', rates: {} }, 'reportingCurrency', /one of: CHF, EUR, USD/],
    ['the reporting currency at another rate', 'reports.setRates', { month: '2026-10', reportingCurrency: 'EUR', rates: { EUR: '1.1' } }, 'rates.EUR', /to itself is 1/],
    ['rates that are not a list of rates', 'reports.setRates', { month: '2026-10', reportingCurrency: 'EUR', rates: 'CHF 1.06' }, 'rates', /rate per currency/],
    ['a reopening without a reason', 'reports.reopenMonth', { month: '2026-10' }, 'reason', /Reason is required/],
    ['closing without a month', 'reports.closeMonth', {}, 'month', /Month is required/],
    ['a year as text', 'reports.closedMonths', { year: '2026' }, 'year', /whole number/],
  ];
  for (const [what, method, input, field, message] of cases) {
    it(`answers 400 naming ${field} for ${what}`, async () => {
      const reply = await post(method, input);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(reply.body.error.field).toBe(field);
      expect(reply.body.error.message).toMatch(message);
    });
  }

  it('answers 400, not 500, to a body that is not an object', async () => {
    for (const body of ['[]', '"2026-11"', 'null']) {
      const reply = await post('reports.monthly', body);
      expect(reply.status, body).toBe(400);
    }
  });

  it('answers a refused closing or reopening with 409 and the field', async () => {
    const current = await post('reports.closeMonth', { month: '2026-11' });
    expect(current.status).toBe(400);
    expect(current.body.error).toMatchObject({ field: 'month' });
    const notClosed = await post('reports.reopenMonth', { month: '2026-10', reason: 'Testing' });
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.error).toMatchObject({ field: 'month', message: 'October 2026 is not closed.' });
  });

  it('answers a good period and good rates with 200', async () => {
    expect((await post('reports.monthly', { month: '2026-10' })).status).toBe(200);
    expect((await post('reports.monthly', { from: '2026-01-01', to: '2026-12-31' })).status).toBe(200);
    const rates = await post('reports.setRates', { month: '2026-10', reportingCurrency: 'USD', rates: { CHF: ' 1.2480 ', EUR: '1.0870', USD: '1.000' } });
    expect(rates.status).toBe(200);
    expect(rates.body.rates.rates).toEqual({ CHF: '1.2480', EUR: '1.0870', USD: '1' });
    expect((await post('reports.closedMonths', {})).body).toEqual({ rows: [] });
  });
});
