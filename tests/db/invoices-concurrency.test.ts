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

interface IssuingChild {
  ready: Promise<void>;
  start(): void;
  done: Promise<{ numbers: string[]; failures: string[] }>;
}

function issueInChild(first: number, last: number, step: number): IssuingChild {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, app.file, String(first), String(last), String(step)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    if (err.includes('ready\n')) markReady();
  });
  const done = new Promise<{ numbers: string[]; failures: string[] }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { numbers: string[]; failures: string[] }) : reject(new Error(`issuing process exited ${code}: ${err}`))));
  });
  return { ready, start: () => child.stdin!.end('go\n'), done };
}

describe('two processes issuing on one database', () => {
  it('take the numbers 1..1000 exactly, without a gap or a duplicate', async () => {
    const first = orderIds[0]!;
    const last = orderIds.at(-1)!;
    // Interleaved orders, so both processes issue all the way through, at the same time.
    // Both loaded before either starts, so they really issue at the same time.
    const one = issueInChild(first, last, 2);
    const two = issueInChild(first + 1, last, 2);
    await Promise.all([one.ready, two.ready]);
    one.start();
    two.start();
    const [a, b] = await Promise.all([one.done, two.done]);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(a.numbers).toHaveLength(PER_PROCESS);
    expect(b.numbers).toHaveLength(PER_PROCESS);
    const expected = Array.from({ length: PER_PROCESS * 2 }, (_, i) => `INV-2026-${String(i + 1).padStart(5, '0')}`);
    expect([...a.numbers, ...b.numbers].sort()).toEqual(expected);
    // Each process's own numbers rise, and the two really interleaved.
    expect([...a.numbers].sort()).toEqual(a.numbers);
    expect(a.numbers.some((n, i) => i > 0 && Number(n.slice(-5)) - Number(a.numbers[i - 1]!.slice(-5)) > 1)).toBe(true);
    const stored = app.db.prepare("SELECT number, order_id FROM invoices WHERE kind = 'invoice' ORDER BY sequence").all() as { number: string; order_id: number }[];
    expect(stored.map((r) => r.number)).toEqual(expected);
    expect(new Set(stored.map((r) => r.order_id)).size).toBe(PER_PROCESS * 2);
    const invoiced = app.db.prepare("SELECT count(*) AS n FROM orders WHERE status = 'invoiced'").get() as { n: number };
    expect(invoiced.n).toBe(PER_PROCESS * 2);
  }, 300_000);
});
