/**
 * Two Order Desk processes (browser mode beside the desktop app) create 500 orders each, at
 * the same time, on one database file: every call answers ok (200 over HTTP), and the order
 * numbers are exactly 2026-00001 … 01000, no gap, no duplicate.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, tempDir, type TestApp } from '../support/test-db';

const PER_PROCESS = 500;
const SCRIPT = path.resolve(import.meta.dirname, '../support/create-many.ts');

let app: TestApp;

beforeAll(() => {
  // Creates the file and its schema before the two processes open it.
  app = openTestApp(path.join(tempDir(), 'shared.db'), () => new Date());
});
afterAll(() => app?.close());

interface CreatingChild {
  ready: Promise<void>;
  start(): void;
  done: Promise<{ numbers: string[]; failures: string[] }>;
}

function createInChild(label: string, other: string): CreatingChild {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, app.file, String(PER_PROCESS), label, other], { stdio: ['pipe', 'pipe', 'pipe'] });
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
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { numbers: string[]; failures: string[] }) : reject(new Error(`creating process exited ${code}: ${err}`))));
  });
  return { ready, start: () => child.stdin!.end('go\n'), done };
}

describe('two processes creating orders on one database', () => {
  it('both succeed every time, and the numbers are 1..1000 without a gap or a duplicate', async () => {
    // Both loaded before either starts, so they really create at the same time.
    const one = createInChild('A', 'B');
    const two = createInChild('B', 'A');
    await Promise.all([one.ready, two.ready]);
    one.start();
    two.start();
    const [a, b] = await Promise.all([one.done, two.done]);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(a.numbers).toHaveLength(PER_PROCESS);
    expect(b.numbers).toHaveLength(PER_PROCESS);
    const expected = Array.from({ length: PER_PROCESS * 2 }, (_, i) => `2026-${String(i + 1).padStart(5, '0')}`);
    expect([...a.numbers, ...b.numbers].sort()).toEqual(expected);
    // Each process's own numbers rise, and the two really ran at the same time: one's numbers
    // have the other's in between (each waits half-way for the other to have begun).
    expect([...a.numbers].sort()).toEqual(a.numbers);
    expect([...b.numbers].sort()).toEqual(b.numbers);
    const interleaved = (numbers: string[]) => numbers.some((n, i) => i > 0 && Number(n.slice(5)) - Number(numbers[i - 1]!.slice(5)) > 1);
    expect(interleaved(a.numbers) || interleaved(b.numbers)).toBe(true);
    const stored = app.db.prepare('SELECT number, customer_name FROM orders ORDER BY id').all() as { number: string; customer_name: string }[];
    expect(stored.map((r) => r.number).sort()).toEqual(expected);
    expect(new Set(stored.map((r) => r.customer_name)).size).toBe(PER_PROCESS * 2);
  }, 300_000);
});
