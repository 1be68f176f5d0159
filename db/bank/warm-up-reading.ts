/**
 * A reading worker waiting for its file warms up its reader: it reads statements of its own, so
 * the code that parses and prepares lines (read-file.ts) is compiled to fast machine code before
 * the clerk's file comes. Cold, it read the bench's statement in about 0.5 s instead of 0.3 s,
 * and the import waits for that read. Nothing of it touches a database; it reads in slices of a
 * few milliseconds and stops at the first slice after the file came.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DEMO_BANK_ACCOUNTS } from '../../shared/domain/demo-books';
import { readStatementFile } from './read-file';
import { warmUpStatement, type InvoiceToPay } from './warm-up-statement';

/** Payments per statement, and statements read: slices of a few milliseconds, enough for V8 to optimise the reader. */
const PAYMENTS = 200;
const ROUNDS = 25;

/** Invoices the warm-up statement pays: the reader never looks them up, so any numbers do. */
const INVOICES: InvoiceToPay[] = Array.from({ length: PAYMENTS }, (_, i) => ({
  number: `INV-2026-${String(i + 1).padStart(5, '0')}`,
  currency: i % 2 ? 'EUR' : 'CHF',
  owedMinor: 2550 + 100 * i,
}));

/** Reads until done or until `stop()` answers true (checked between slices): answers the lines read, or null when it stopped. */
export async function warmUpReading(stop: () => boolean): Promise<number | null> {
  const contentBase64 = Buffer.from(warmUpStatement('2026-01-05', DEMO_BANK_ACCOUNTS, INVOICES)).toString('base64');
  let read = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await nextTurn();
    if (stop()) return null;
    const done = readStatementFile({ contentBase64, fileName: 'warm-up.xml', accounts: DEMO_BANK_ACCOUNTS });
    if (!done.ok) throw new Error(`the warm-up statement was refused: ${done.message}`);
    read += done.read.prepared.lines.length;
  }
  return read;
}
