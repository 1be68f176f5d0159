/**
 * A second (and third) Order Desk process for the concurrency test: opens its own connection
 * to the database file and issues an invoice for each order id given, through the API, with
 * a fake renderer so the test measures numbering, not PDF making. Prints a JSON summary.
 *
 *   node --import tsx tests/support/issue-many.ts FILE FIRST_ID LAST_ID STEP
 */
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke } from '../../db/api/invoke';
import { fakeRenderer } from './fake-renderer';

async function main(): Promise<void> {
  const [file, first, last, step] = process.argv.slice(2);
  const db = openDatabase(file!);
  const invoke = createInvoke(createContext(db, `process-${process.pid}`, undefined, fakeRenderer()), { log: () => undefined });
  const numbers: string[] = [];
  const failures: string[] = [];
  for (let id = Number(first); id <= Number(last); id += Number(step)) {
    const result = await invoke('invoices.issue', { orderId: id });
    if (result.ok) numbers.push((result.value as { invoice: { number: string } }).invoice.number);
    else failures.push(`${id}: ${result.error.message}`);
  }
  db.close();
  process.stdout.write(JSON.stringify({ numbers, failures }));
}

void main();
