import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startWebApp, type RunningWebApp } from '../support/web-app';

let web: RunningWebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(async () => {
  await web?.stop();
});

interface Reply {
  status: number;
  body: any;
}

/** Raw HTTP so tests can send the Host and Origin headers a browser or an attacker would. */
function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: web.server.port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}`, 'Content-Length': Buffer.byteLength(payload), ...headers },
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

const order = (changes: Record<string, unknown> = {}) => ({
  customer: { name: 'Amina Diallo', country: 'SN', city: 'Dakar', email: 'amina@example.sn' },
  currency: 'USD',
  receivedVia: 'email',
  receivedOn: '2026-11-18',
  lines: [{ title: 'Migration atlas', quantity: 2, unitPrice: '12.50' }],
  ...changes,
});

const orderCount = () => (web.app.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;

describe('browser-mode API', () => {
  it('lists the nine seed publications with the token', async () => {
    const reply = await post('/api/catalogue.list', {});
    expect(reply.status).toBe(200);
    expect(reply.body.publications).toHaveLength(9);
    expect(reply.body.publications.map((p: { title: string }) => p.title)).toContain('Ending child labour, forced labour and human trafficking in global supply chains');
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await post('/api/catalogue.list', {}, { Authorization: '' })).status).toBe(401);
    const wrong = await post('/api/catalogue.list', {}, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('answers 403 to another origin or a rebound host name, even with the token', async () => {
    expect((await post('/api/catalogue.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/catalogue.list', {}, { Host: `evil.example:${web.server.port}` })).status).toBe(403);
    expect((await post('/api/catalogue.list', {}, { Origin: `http://127.0.0.1:${web.server.port}` })).status).toBe(200);
  });

  it('creates an order with exact totals', async () => {
    const reply = await post(
      '/api/orders.create',
      order({ lines: [{ title: 'Report A', quantity: 3, unitPrice: '19.99', discountPercent: '15' }, { title: 'Report B', quantity: 7, unitPrice: '0.10' }] }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.order.lines.map((l: { lineTotal: string }) => l.lineTotal)).toEqual(['50.97', '0.70']);
    expect(reply.body.order.total).toBe('51.67');
  });

  it.each([
    ['a negative quantity', order({ lines: [{ title: 'X', quantity: -2, unitPrice: '5.00' }] }), 'lines.0.quantity'],
    ['a price with three decimals', order({ lines: [{ title: 'X', quantity: 1, unitPrice: '1.005' }] }), 'lines.0.unitPrice'],
    ['an unknown currency', order({ currency: 'GBP' }), 'currency'],
    ['a missing name', order({ customer: { country: 'SN' } }), 'customer.name'],
    ['a 10 MB name', order({ customer: { name: 'A'.repeat(10 * 1024 * 1024), country: 'SN' } }), 'customer.name'],
    ['an unknown country', order({ customer: { name: 'Amina', country: 'XX' } }), 'customer.country'],
    ['no lines', order({ lines: [] }), 'lines'],
    ['an impossible date', order({ receivedOn: '2026-02-30' }), 'receivedOn'],
  ])('refuses %s with a 400 naming the field and stores nothing', async (_label, input, field) => {
    const before = orderCount();
    const reply = await post('/api/orders.create', input);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_input');
    expect(reply.body.error.field).toBe(field);
    expect(reply.body.error.message.length).toBeLessThan(200);
    expect(orderCount()).toBe(before);
  });

  it('explains malformed requests instead of failing obscurely', async () => {
    expect((await post('/api/orders.create', '{"customer":')).body.error.message).toMatch(/not valid JSON/);
    expect((await post('/api/orders.create', [1, 2])).status).toBe(400);
    expect((await post('/api/no.such', {})).status).toBe(404);
    expect((await post('/api/catalogue.list', {}, { 'Content-Type': 'text/plain' })).status).toBe(400);
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    expect((await fetch(`${web.server.url}assets/%E0%A4%A.js`)).status).toBe(400);
    expect((await fetch(web.server.url)).status).toBe(200);
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const res = await fetch(web.server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await res.text()).toMatch(/<div id="root">/);
  });

  it('serves the PDF viewer\'s worker (an .mjs module) as JavaScript, so the page may start it', async () => {
    const assets = fs.readdirSync(path.resolve(import.meta.dirname, '../../dist/renderer/assets'));
    const worker = assets.find((name) => /^pdf\.worker.*\.mjs$/.test(name));
    expect(worker).toBeDefined();
    const res = await fetch(`${web.server.url}assets/${worker}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
});
