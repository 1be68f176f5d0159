/**
 * A second (and third) Order Desk process for the concurrency test: opens its own connection
 * to the database file and issues an invoice for each order id given, through the API, with
 * a fake renderer so the test measures numbering, not PDF making. Prints a JSON summary.
 *
 *   node --import tsx tests/support/issue-many.ts FILE FIRST_ID LAST_ID STEP [RENDER_MS]
 *
 * RENDER_MS: how long each PDF takes, as the real worker's ~150 ms would (0, at once, by default).
 * It says "ready" on stderr once loaded and waits for a line on stdin, so two such processes
 * start issuing together however long each took to load.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke } from '../../db/api/invoke';
import type { DocumentRenderer } from '../../db/documents/render-pool';
import { fakeRenderer } from './fake-renderer';

function takingTime(renderer: DocumentRenderer, ms: number): DocumentRenderer {
  if (ms <= 0) return renderer;
  return { ...renderer, render: async (document) => (await sleep(ms), renderer.render(document)) };
}

async function main(): Promise<void> {
  const [file, first, last, step, renderMs = '0'] = process.argv.slice(2);
  const db = openDatabase(file!);
  let cause = '';
  // The generic answer hides the cause; the test shows it when a call fails.
  const log = (_message: string, error: unknown) => (cause = String((error as { code?: string }).code ?? error));
  const invoke = createInvoke(createContext(db, `process-${process.pid}`, undefined, takingTime(fakeRenderer(), Number(renderMs))), { log });
  process.stderr.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
  const numbers: string[] = [];
  const failures: string[] = [];
  for (let id = Number(first); id <= Number(last); id += Number(step)) {
    cause = '';
    const result = await invoke('invoices.issue', { orderId: id });
    if (result.ok) numbers.push((result.value as { invoice: { number: string } }).invoice.number);
    else failures.push(`${id}: ${result.error.code} ${result.error.message}${cause ? ` (${cause})` : ''}`);
  }
  db.close();
  process.stdout.write(JSON.stringify({ numbers, failures }));
}

void main();
