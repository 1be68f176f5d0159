/**
 * Two Order Desk processes issue 500 invoices each, at the same time, on one database file:
 * the numbers must be exactly INV-2026-00001 … 01000, no gap, no duplicate, each order once.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';

const PER_PROCESS = 500;
const SCRIPT = path.resolve(import.meta.dirname, '../support/issue-many.ts');

let app: TestApp;
let orderIds: number[];

beforeAll(async () => {
  app = openTestApp(path.join(tempDir(), 'shared.db'), () => new Date(), { documents: () => fakeRenderer() });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  orderIds = [];
  for (let i = 0; i < PER_PROCESS * 2; i++) {
    const { order } = await call(app, 'orders.create', {
      customer: { name: `Library ${i}`, country: 'CH', email: '' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-01-05',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    });
    orderIds.push(order.id as number);
  }
}, 240_000);
afterAll(() => app?.close());

function issueInChild(first: number, last: number, step: number): Promise<{ numbers: string[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, app.file, String(first), String(last), String(step)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { numbers: string[]; failures: string[] }) : reject(new Error(`issuing process exited ${code}: ${err}`))));
  });
}

describe('two processes issuing on one database', () => {
  it('take the numbers 1..1000 exactly, without a gap or a duplicate', async () => {
    const first = orderIds[0]!;
    const last = orderIds.at(-1)!;
    // Interleaved orders, so both processes issue all the way through, at the same time.
    const [a, b] = await Promise.all([issueInChild(first, last, 2), issueInChild(first + 1, last, 2)]);
    // A desk that keeps losing the race is told to try again, with no number used (a known
    // unfairness of the optimistic issue, see the closing note); trying again gives the invoice.
    const refused = [...a.failures, ...b.failures];
    for (const failure of refused) expect(failure).toMatch(/^\d+: Other users kept issuing at the same moment, so this document was not issued and no number was used\. Please try again\.$/);
    const retried: string[] = [];
    for (const failure of refused) retried.push((await call(app, 'invoices.issue', { orderId: Number(failure.split(':')[0]) })).invoice.number);
    expect(a.numbers.length + b.numbers.length + retried.length).toBe(PER_PROCESS * 2);
    const expected = Array.from({ length: PER_PROCESS * 2 }, (_, i) => `INV-2026-${String(i + 1).padStart(5, '0')}`);
    expect([...a.numbers, ...b.numbers, ...retried].sort()).toEqual(expected);
    // Each process's own numbers rise; how often they took turns depends on the scheduler.
    expect([...a.numbers].sort()).toEqual(a.numbers);
    expect([...b.numbers].sort()).toEqual(b.numbers);
    console.log(`two issuing processes: ${refused.length} refused and issued on a second try`);
    const stored = app.db.prepare("SELECT number, order_id FROM invoices WHERE kind = 'invoice' ORDER BY sequence").all() as { number: string; order_id: number }[];
    expect(stored.map((r) => r.number)).toEqual(expected);
    expect(new Set(stored.map((r) => r.order_id)).size).toBe(PER_PROCESS * 2);
    const invoiced = app.db.prepare("SELECT count(*) AS n FROM orders WHERE status = 'invoiced'").get() as { n: number };
    expect(invoiced.n).toBe(PER_PROCESS * 2);
  }, 300_000);
});
