/**
 * Issue 7, "Clean text everywhere", through browser mode's HTTP API: invisible-only text
 * is empty, controls and bidi overrides never reach the database, and nothing answers 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvoke } from '../../db/api/invoke';
import { startWebApp, type RunningWebApp } from '../support/web-app';

let web: RunningWebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(async () => {
  await web?.stop();
});

async function post(method: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${web.server.url.replace(/\/$/, '')}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const customer = (name: string, extra: Record<string, unknown> = {}) => ({ name, country: 'CH', city: 'Genève', ...extra });
const order = (name: string, extra: Record<string, unknown> = {}) => ({
  customer: customer(name),
  currency: 'CHF',
  receivedVia: 'mail',
  receivedOn: '2026-11-18',
  lines: [{ title: 'Migration atlas', quantity: 1, unitPrice: '12.50' }],
  ...extra,
});
const storedNames = () => (web.app.db.prepare('SELECT name FROM customers').all() as { name: string }[]).map((r) => r.name);
// eslint-disable-next-line no-control-regex -- the test looks for exactly the characters that must never be stored
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

describe('clean text through the API', () => {
  it.each([
    ['a right-to-left override alone', '\u202e'],
    ['an isolate between spaces', ' \u2066 '],
    ['zero-width characters only', '\u200b\u200c\u200d\u2060\ufeff'],
  ])('refuses a customer name made of %s with "Name is required." (400), storing nothing', async (_what, name) => {
    const before = storedNames().length;
    const reply = await post('customers.save', customer(name));
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_input', field: 'name', message: 'Name is required.' });
    const onOrder = await post('orders.create', order(name));
    expect(onOrder.status).toBe(400);
    expect(onOrder.body.error).toMatchObject({ code: 'invalid_input', field: 'customer.name', message: 'Name is required.' });
    expect(storedNames()).toHaveLength(before);
  });

  it('stores "\\u0000Bob" as "Bob", as a customer and on an order, never a 500', async () => {
    const saved = await post('customers.save', customer('\u0000Bob', { email: 'bob@example.ch' }));
    expect(saved.status).toBe(200);
    expect(saved.body.customer.name).toBe('Bob');
    const placed = await post('orders.create', order('\u0000Bob'));
    expect(placed.status).toBe(200);
    expect(placed.body.order.customer.name).toBe('Bob');
    const row = web.app.db.prepare('SELECT customer_name FROM orders WHERE id = ?').get(placed.body.order.id) as { customer_name: string };
    expect(row.customer_name).toBe('Bob');
  });

  it('never stores a right-to-left override inside a name, and stores names in NFC', async () => {
    const reply = await post('customers.save', customer('Zoë\u202eevil.exe'));
    expect(reply.status).toBe(200);
    expect(reply.body.customer.name).toBe('Zoëevil.exe');
    const nfc = await post('customers.save', customer('Zoe\u0308 A\u030angstro\u0308m'));
    expect(nfc.body.customer.name).toBe('Zoë Ångström');
    for (const name of storedNames()) expect(name).not.toMatch(HIDDEN);
    expect(storedNames()).toContain('Zoë Ångström');
  });

  it('keeps line breaks in address and notes, and makes them spaces in one-line fields', async () => {
    const reply = await post(
      'orders.create',
      order('Amina Diallo', {
        customer: customer('Amina\nDiallo', { address: 'Rue 1\r\nBP 7\u0000\u202e', city: 'Dakar\tPlateau' }),
        notes: 'Paid by\r\ncheck\u2066',
        customerReference: '\u200bPO-17\u200f',
        lines: [{ title: '\u202eMigration atlas', quantity: 1, unitPrice: '\u200b12.50' }],
      }),
    );
    expect(reply.status).toBe(200);
    const saved = web.app.db.prepare('SELECT customer_name, customer_address, customer_city, notes, customer_reference FROM orders WHERE id = ?').get(reply.body.order.id);
    expect(saved).toEqual({ customer_name: 'Amina Diallo', customer_address: 'Rue 1\nBP 7', customer_city: 'Dakar Plateau', notes: 'Paid by\ncheck', customer_reference: 'PO-17' });
    expect(reply.body.order.lines[0]).toMatchObject({ title: 'Migration atlas', unitPrice: '12.50' });
  });

  it('applies the same rule to titles, reasons, settings and searches', async () => {
    const title = await post('catalogue.save', { title: '\u2066\u2069', formats: ['print'] });
    expect(title.status).toBe(400);
    expect(title.body.error).toMatchObject({ field: 'title', message: 'Title is required.' });

    const placed = await post('orders.create', order('Kwame Mensah'));
    const cancel = await post('orders.cancel', { id: placed.body.order.id, reason: '\u200b \u202e' });
    expect(cancel.status).toBe(400);
    expect(cancel.body.error).toMatchObject({ field: 'reason', message: 'Reason is required.' });

    const issuer = await post('settings.set', { issuer: { name: '\u202e', address: { street: 'Route des Morillons', buildingNumber: '4', postalCode: '1211', town: 'Genève', country: 'CH' } } });
    expect(issuer.status).toBe(400);
    expect(issuer.body.error).toMatchObject({ field: 'issuer.name', message: 'Issuer name is required.' });

    const email = await post('customers.save', customer('Ana', { email: '\u200bana@example.ch\u200e' }));
    expect(email.status).toBe(200);
    expect(email.body.customer.email).toBe('ana@example.ch');

    for (const [method, input] of [
      ['orders.list', { query: '\u0000' }],
      ['orders.list', { query: 'Bo\u200bb', month: '\u200e2026-11' }],
      ['customers.search', { query: '\u202eBob' }],
      ['orders.findDuplicates', { customer: { name: '\u0000Bob', country: 'CH', email: '' }, lines: [], receivedOn: '2026-11-18' }],
    ] as const) {
      const reply = await post(method, input);
      expect(reply.status, `${method} ${JSON.stringify(input)}`).toBe(200);
    }
    const found = await post('customers.search', { query: '\u202eBob' });
    expect(found.body.customers.map((c: { name: string }) => c.name)).toContain('Bob');
  });

  it('answers a database constraint that slipped past validation with a clear 4xx, and logs it', async () => {
    // Simulates a validation gap: this trigger makes the database refuse a name the contract accepts.
    web.app.db.exec(`CREATE TEMP TRIGGER refuse_gap AFTER INSERT ON main.customers WHEN NEW.name = 'Gap Test'
      BEGIN UPDATE customers SET country = 'xx' WHERE id = NEW.id; END`);
    try {
      const reply = await post('customers.save', customer('Gap Test'));
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_input');
      expect(reply.body.error.message).toMatch(/nothing was saved/);
      expect(storedNames()).not.toContain('Gap Test');

      const logged: string[] = [];
      const invoke = createInvoke(web.app.ctx, { log: (message) => logged.push(message) });
      const result = await invoke('customers.save', customer('Gap Test'));
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(logged).toEqual([expect.stringContaining('SQLITE_CONSTRAINT_CHECK')]);
    } finally {
      web.app.db.exec('DROP TRIGGER refuse_gap');
    }
  });
});
