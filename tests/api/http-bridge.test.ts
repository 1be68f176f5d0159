import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { startWebServer } from '../../electron/web/http-bridge';
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

/** Sends bytes as they are, as an attacker's tool would, and answers the status line the server sent back (or '' if it sent none). */
function rawRequest(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(web.server.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(text.split('\r\n')[0] ?? '') : reject(error)));
    socket.setTimeout(10_000, () => socket.destroy());
    socket.end(bytes, 'latin1');
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

  describe('requests that cannot be read', () => {
    const host = () => `Host: 127.0.0.1:${web.server.port}`;
    it.each([
      ['GET //[ HTTP/1.1'],
      ['GET http://[ HTTP/1.1'],
      ['GET //a:b@[x] HTTP/1.1'],
      ['GET http://% HTTP/1.1'],
      ['POST //[ HTTP/1.1'],
      ['GET /api/%E0%A4%A HTTP/1.1'],
    ])('answers "%s" (no token) with a 4xx, and the server keeps serving', async (requestLine) => {
      expect(await rawRequest(`${requestLine}\r\n${host()}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect((await post('/api/catalogue.list', {})).status).toBe(200);
    });

    it.each([
      ['a request line that is not HTTP', () => 'HELLO\r\n\r\n'],
      ['a header without a colon', () => `GET / HTTP/1.1\r\n${host()}\r\nNo colon here\r\n\r\n`],
      ['a control character in a header value', () => `GET / HTTP/1.1\r\n${host()}\r\nX-Test: a\x01b\r\n\r\n`],
      ['a Content-Length that is not a number', () => `POST /api/catalogue.list HTTP/1.1\r\n${host()}\r\nContent-Length: abc\r\n\r\n{}`],
      ['two different Content-Lengths', () => `POST /api/catalogue.list HTTP/1.1\r\n${host()}\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`],
      ['a broken chunked body', () => `POST /api/catalogue.list HTTP/1.1\r\n${host()}\r\nAuthorization: Bearer ${web.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
      ['headers larger than the server reads', () => `GET / HTTP/1.1\r\n${host()}\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`],
      ['a Host header with an IPv6 bracket left open', () => `GET / HTTP/1.1\r\nHost: [\r\n\r\n`],
    ])('answers %s with a 4xx, and the server keeps serving', async (_label, request) => {
      expect(await rawRequest(request())).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect((await post('/api/catalogue.list', {})).status).toBe(200);
    });
  });

  it('answers a request that fails unexpectedly with a 500, logs it, and keeps serving', async () => {
    const logged: string[] = [];
    let calls = 0;
    const server = await startWebServer({
      token: 't',
      staticDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
      log: (message) => void logged.push(message),
      invoke: async () => {
        calls += 1;
        if (calls === 1) throw new TypeError('a bug in a handler');
        return { ok: true, value: { fine: true } };
      },
    });
    try {
      const ask = () => fetch(`${server.url}api/catalogue.list`, { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: '{}' });
      const failed = await ask();
      expect(failed.status).toBe(500);
      expect((await failed.json()).error.code).toBe('internal');
      expect(logged).toEqual(['Order Desk web bridge: a request failed']);
      expect(await (await ask()).json()).toEqual({ fine: true });
    } finally {
      await server.close();
    }
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
