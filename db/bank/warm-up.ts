/**
 * A bank worker waiting for its file warms up: it imports a statement of its own into books of
 * its own, in memory, so the code that reads, matches and records payments is compiled to fast
 * machine code before the clerk's file comes. V8 does that only for code that ran many times:
 * a cold worker recorded an import's first few hundred payments at half the speed of the rest.
 * Warmed up, the stages of the bench's 10,000-line statement took 0.2-0.3 s less, the whole
 * import about 0.1 s less (npm run bench). Nothing of it touches the unit's database, and it gives
 * way to a file that comes meanwhile: it works in slices (mostly 5 to 15 ms, the longest about
 * 50 ms) and stops at the first slice after the file came.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { OrderInput } from '../../shared/contract/orders';
import { DEMO_BANK_ACCOUNTS } from '../../shared/domain/demo-books';
import { openDatabase } from '../connection';
import { createContext, today, withStableReads, type ServiceContext } from '../context';
import { statement } from '../statements';
import { newImportRun, runStage } from '../services/bank/import-stage';
import { invoiceSpec, issueDocumentWithPdfLater } from '../services/invoices/issue';
import { createOrder } from '../services/orders/write';
import { getSettings, setSettings } from '../services/settings';
import { inWriteTransaction } from '../transactions';
import { readStatementFile } from './read-file';
import { warmUpStatement, type InvoiceToPay } from './warm-up-statement';

/** Payments recorded to warm up: enough for V8 to optimise the recording path (100 gave half the gain, 300 most of it). */
const WARM_UP_PAYMENTS = 300;
/** Orders written per slice, and work per import stage: a file that comes meanwhile waits for the slice under way. */
const ORDERS_PER_SLICE = 5;
const STAGE_MS = 10;

export interface WarmUpDone {
  lines: number;
  recorded: number;
}

/** Orders of the embedded catalogue's first book, invoiced: CHF and EUR alternately, as a month's open invoices. */
function writeOpenInvoices(ctx: ServiceContext, publication: number, from: number, count: number): void {
  inWriteTransaction(ctx, (w) => {
    for (let i = from; i < from + count; i++) {
      const currency = i % 2 ? 'EUR' : 'CHF';
      const input = OrderInput.parse({
        customer: { name: `Warm-up Customer ${i}`, address: 'Route des Morillons 17', country: 'CH', city: 'Geneva', postalCode: '1211', phone: '', email: '' },
        currency,
        receivedVia: 'mail',
        receivedOn: today(w),
        paymentMethod: 'bank_transfer',
        customerReference: '',
        notes: '',
        lines: [{ publicationId: publication, title: '', quantity: 1 + (i % 3), unitPrice: '25.00', discountPercent: '' }],
      });
      const { order } = createOrder(w, input);
      issueDocumentWithPdfLater(w, invoiceSpec(w, { orderId: order.id }));
    }
  });
}

/** A day's camt.054 paying every open invoice (warm-up-statement.ts). */
function statementPayingThem(ctx: ServiceContext): string {
  const open = statement(
    ctx,
    `SELECT i.number, i.currency, o.balance_minor AS owedMinor FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.kind = 'invoice' AND o.balance_minor > 0 ORDER BY i.id`,
  ).all() as InvoiceToPay[];
  return warmUpStatement(today(ctx), getSettings(ctx).settings.bankAccounts, open);
}

/**
 * Runs the warm-up until done or until `stop()` answers true (checked between slices): answers
 * what it imported, or null when it stopped. Its books are closed either way. `nativeBinding`:
 * the better-sqlite3 binary the app opens its database with.
 */
export async function warmUpImport(stop: () => boolean, nativeBinding?: string): Promise<WarmUpDone | null> {
  // The desktop app's better-sqlite3 is built for Electron: the warm-up's books open with that binary too.
  const db = openDatabase(':memory:', { nativeBinding });
  try {
    const ctx = createContext(db, 'warm-up', () => new Date());
    inWriteTransaction(ctx, (w) => setSettings(w, { bankAccounts: DEMO_BANK_ACCOUNTS }));
    const publication = statement(ctx, 'SELECT id FROM publications ORDER BY id LIMIT 1').pluck().get() as number;
    for (let written = 0; written < WARM_UP_PAYMENTS; written += ORDERS_PER_SLICE) {
      await nextTurn();
      if (stop()) return null;
      writeOpenInvoices(ctx, publication, written, ORDERS_PER_SLICE);
    }
    await nextTurn();
    if (stop()) return null;
    const contentBase64 = Buffer.from(statementPayingThem(ctx)).toString('base64');
    const read = readStatementFile({ contentBase64, fileName: 'warm-up.xml', accounts: getSettings(ctx).settings.bankAccounts });
    if (!read.ok) throw new Error(`the warm-up statement was refused: ${read.message}`);
    const run = newImportRun(read.read);
    while (run.done < run.prepared.lines.length) {
      await nextTurn();
      if (stop()) return null;
      runStage(withStableReads(ctx), run, STAGE_MS);
    }
    return { lines: run.done, recorded: run.totals.recorded };
  } finally {
    db.close();
  }
}
