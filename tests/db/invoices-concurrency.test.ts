/**
 * Two Order Desk processes issue invoices at the same time on one database file. Both finish
 * every invoice, none told to try again, and the numbers are exactly INV-2026-00001 … N, no gap,
 * no duplicate, each order invoiced once, each stored PDF made with its row's number. Also when
 * one desk renders its PDFs much more slowly than the other issues (the slower desk used to lose
 * the race for the next number every time until it gave up).
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { sha256Hex } from '../../db/sha256';

const SCRIPT = path.resolve(import.meta.dirname, '../support/issue-many.ts');

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A database with `count` orders ready to invoice; answers their ids in order. */
async function deskWithOrders(count: number): Promise<{ desk: TestApp; orderIds: number[] }> {
  const desk = openTestApp(path.join(tempDir(), 'shared.db'), () => new Date(), { documents: () => fakeRenderer() });
  app = desk;
  await call(desk, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const orderIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const { order } = await call(desk, 'orders.create', {
      customer: { name: `Library ${i}`, country: 'CH', email: '' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-01-05',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    });
    orderIds.push(order.id as number);
  }
  return { desk, orderIds };
}

interface Issued {
  numbers: string[];
  failures: string[];
}

interface IssuingChild {
  ready: Promise<void>;
  start(): void;
  done: Promise<Issued>;
}

function issueInChild(file: string, ids: { first: number; last: number; step: number }, renderMs = 0): IssuingChild {
  const args = [file, ids.first, ids.last, ids.step, renderMs].map(String);
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    if (err.includes('ready\n')) markReady();
  });
  const done = new Promise<Issued>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Issued) : reject(new Error(`issuing process exited ${code}: ${err}`))));
  });
  return { ready, start: () => child.stdin.end('go\n'), done };
}

/** Both loaded before either starts, so they really issue at the same time. */
async function together(one: IssuingChild, two: IssuingChild): Promise<[Issued, Issued]> {
  await Promise.all([one.ready, two.ready]);
  one.start();
  two.start();
  return Promise.all([one.done, two.done]);
}

function series(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `INV-2026-${String(i + 1).padStart(5, '0')}`);
}

/** What was stored: every number once, in order, each order invoiced once, each PDF the one made with its number. */
function expectStoredSeries(desk: TestApp, count: number): void {
  const stored = desk.db.prepare("SELECT number, order_id, pdf, pdf_sha256 FROM invoices WHERE kind = 'invoice' ORDER BY sequence").all() as {
    number: string;
    order_id: number;
    pdf: Buffer;
    pdf_sha256: string;
  }[];
  expect(stored.map((r) => r.number)).toEqual(series(count));
  expect(new Set(stored.map((r) => r.order_id)).size).toBe(count);
  // The fake PDF carries the document it was made from (tests/support/fake-renderer.ts).
  const printed = stored.map((r) => (JSON.parse(r.pdf.toString().split('\n').slice(1).join('\n')) as { number: string }).number);
  expect(printed).toEqual(series(count));
  expect(stored.every((r) => r.pdf_sha256 === sha256Hex(r.pdf))).toBe(true);
  const invoiced = desk.db.prepare("SELECT count(*) AS n FROM orders WHERE status = 'invoiced'").get() as { n: number };
  expect(invoiced.n).toBe(count);
}

/** Each process's own numbers rise: it never got a number below one it already had. */
function expectRising(numbers: string[]): void {
  expect([...numbers].sort()).toEqual(numbers);
}

describe('two processes issuing on one database', () => {
  it('both issue all of theirs, and the numbers are 1..1000 without a gap or a duplicate', async () => {
    const perProcess = 500;
    const { desk, orderIds } = await deskWithOrders(perProcess * 2);
    const first = orderIds[0]!;
    const last = orderIds.at(-1)!;
    // Interleaved orders, so both processes issue all the way through, at the same time.
    const [a, b] = await together(issueInChild(desk.file, { first, last, step: 2 }), issueInChild(desk.file, { first: first + 1, last, step: 2 }));
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(a.numbers).toHaveLength(perProcess);
    expect(b.numbers).toHaveLength(perProcess);
    expect([...a.numbers, ...b.numbers].sort()).toEqual(series(perProcess * 2));
    expectRising(a.numbers);
    expectRising(b.numbers);
    expectStoredSeries(desk, perProcess * 2);
  }, 400_000);

  it('a desk whose PDFs take 150 ms issues all of its invoices while another desk issues back to back', async () => {
    const slow = 20;
    const fast = 300;
    const { desk, orderIds } = await deskWithOrders(slow + fast);
    const slowIds = { first: orderIds[0]!, last: orderIds[slow - 1]!, step: 1 };
    const fastIds = { first: orderIds[slow]!, last: orderIds.at(-1)!, step: 1 };
    const [a, b] = await together(issueInChild(desk.file, slowIds, 150), issueInChild(desk.file, fastIds));
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(a.numbers).toHaveLength(slow);
    expect(b.numbers).toHaveLength(fast);
    expect([...a.numbers, ...b.numbers].sort()).toEqual(series(slow + fast));
    expectRising(a.numbers);
    expectRising(b.numbers);
    // The slow desk did not wait for the other to finish: it got numbers while the other issued.
    expect(a.numbers.some((n) => n < b.numbers.at(-1)!)).toBe(true);
    expectStoredSeries(desk, slow + fast);
  }, 400_000);
});
