/**
 * A second Order Desk process for the order-numbering concurrency test: opens its own
 * connection to the database file and creates COUNT orders through the API, as browser mode
 * beside the desktop app would. Prints a JSON summary.
 *
 *   node --import tsx tests/support/create-many.ts FILE COUNT LABEL OTHER_LABEL
 *
 * It says "ready" on stderr once loaded and waits for a line on stdin, so two such processes
 * start creating together however long each took to load. Half-way it waits until the other
 * process has created an order: on a busy machine one could otherwise be kept off the CPU until
 * the other finished, and the test would not test two processes creating at the same time.
 */
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke } from '../../db/api/invoke';

async function otherHasCreated(db: ReturnType<typeof openDatabase>, other: string): Promise<void> {
  const created = db.prepare('SELECT 1 FROM orders WHERE customer_name LIKE ? LIMIT 1');
  const until = Date.now() + 120_000;
  while (created.get(`${other} library %`) === undefined && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function main(): Promise<void> {
  const [file, count, label, other] = process.argv.slice(2);
  const db = openDatabase(file!);
  let cause = '';
  // The generic answer hides the cause; the test shows it when a call fails.
  const invoke = createInvoke(createContext(db, `process-${process.pid}`), { log: (_message, error) => (cause = String((error as { code?: string }).code ?? error)) });
  process.stderr.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
  const numbers: string[] = [];
  const failures: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    if (i === Math.floor(Number(count) / 2)) await otherHasCreated(db, other!);
    const result = await invoke('orders.create', {
      customer: { name: `${label} library ${i}`, country: 'CH', email: '' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-01-05',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    });
    if (result.ok) numbers.push((result.value as { order: { number: string } }).order.number);
    else failures.push(`${i}: ${result.error.code} ${result.error.message} (${cause})`);
  }
  db.close();
  process.stdout.write(JSON.stringify({ numbers, failures }));
}

void main();
