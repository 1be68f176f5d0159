/**
 * npm run bench [-- --orders N] [--seed S] [--saves N] [--invoices N] [--plans] [--report-lines N] [--reports-only] [--bank-transactions N] [--bank-only] [--mails N] [--mail-only]
 *                 [--backup-only] [--backup-rounds N]
 *
 * Builds (or reuses from the temp folder) a demo database of 100,000 orders, works on a
 * copy of it, and prints how long a clerk waits for: saving an order through the real
 * invoke path, the list's first page, filters, sorts, deep pages and searches, and how
 * long the main thread is ever stalled while a verified backup is written (orders are
 * saved meanwhile, as a clerk would); and issuing invoices with their PDF made in the
 * worker: one (median), and a batch of --invoices (default 100; 0 leaves invoices out); and the
 * monthly report over its own generated database of --report-lines order lines (default
 * 1,000,000; 0 leaves it out) beside the same sums in bare SQL (--reports-only: that alone); a
 * camt.053 of --bank-transactions (default 10,000; 0 leaves it out) imported and matched against
 * the same database, with the longest main-thread stall meanwhile (--bank-only: that alone); and --mails
 * invoices (default 100; 0 leaves it out) e-mailed to an SMTP server on loopback, with the longest main-thread
 * stall meanwhile (--mail-only: that alone).
 * Not a test: it prints figures. Targets: search well under 100 ms; no stall of 50 ms or more during a backup, and
 * every save under 50 ms while one is written (printed beside the same saves with no backup, on a shared machine;
 * --backup-rounds N backups, default 1; --backup-only: those figures alone, see backup-saves.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchInvoicePdfs } from './invoice-pdf';
import { benchMonthlyReports, printReportFigures } from './monthly-report';
import { benchBankImport, printBankFigures } from './bank-import';
import { benchMail, printMailFigures } from './mail';
import { performance } from 'node:perf_hooks';
import { benchBackupSaves, printBackupFigures } from './backup-saves';
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke, type Invoke } from '../../db/api/invoke';
import { MIGRATIONS } from '../../db/migrations';
import { DEMO_GENERATOR_VERSION, generateDemoData } from '../../db/seed/demo-data';
import { explainListOrders } from '../../db/services/orders/read';
import { OrderListInput } from '../../shared/contract/orders';
import { createDocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    saves: { type: 'string', default: '200' },
    plans: { type: 'boolean', default: false },
    invoices: { type: 'string', default: '100' },
    // Only the invoice PDF renderer's own figures (first PDF of a worker, one page, three pages, a batch), no database.
    'pdf-only': { type: 'boolean', default: false },
    // The monthly report's figures alone, over their own generated database.
    'reports-only': { type: 'boolean', default: false },
    'report-lines': { type: 'string', default: '1000000' },
    // Saves during backups (and the same saves with none running) alone, over --backup-rounds backups.
    'backup-only': { type: 'boolean', default: false },
    'backup-rounds': { type: 'string', default: '1' },
    // A camt.053 of this many transactions imported against the database; 0 leaves it out.
    'bank-transactions': { type: 'string', default: '10000' },
    'bank-only': { type: 'boolean', default: false },
    mails: { type: 'string', default: '100' },
    // The e-mail figures alone (a batch of --mails to a loopback server), over their own small database.
    'mail-only': { type: 'boolean', default: false },
  },
});
const ORDERS = Number(values.orders);
const SEED = Number(values.seed);
const SAVES = Number(values.saves);
const INVOICES = Number(values.invoices);
const REPORT_LINES = Number(values['report-lines']);
const BACKUP_ROUNDS = Number(values['backup-rounds']);
const BANK_TRANSACTIONS = Number(values['bank-transactions']);
const MAILS = Number(values.mails);

/** The cache is only reused for the same generator, schema, size and seed. */
function cachedDatabase(): string {
  const schema = crypto.createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 10);
  const file = path.join(os.tmpdir(), `order-desk-bench-g${DEMO_GENERATOR_VERSION}-${schema}-${ORDERS}-s${SEED}.db`);
  if (fs.existsSync(file)) {
    console.log(`Reusing ${file}`);
    return file;
  }
  console.log(`Generating ${ORDERS.toLocaleString('en')} demo orders into ${file} (once; later runs reuse it)…`);
  const building = `${file}.building-${process.pid}`;
  const db = openDatabase(building);
  const summary = generateDemoData(db, { orders: ORDERS, seed: SEED, onProgress: (done, total) => process.stdout.write(`\r  ${done} / ${total}`) });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(building, file);
  console.log(`\n  done in ${summary.seconds.toFixed(1)} s`);
  return file;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  what: string;
  median: number;
  p95: number;
  note: string;
}

async function measure(runs: number, fn: () => Promise<string>): Promise<{ median: number; p95: number; note: string }> {
  const times: number[] = [];
  let note = '';
  await fn(); // warm the statement cache and the pages once, as a clerk's second search would be
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    note = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), note };
}

async function value<T>(invoke: Invoke, method: string, input: unknown): Promise<T> {
  const result = await invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A copy of the cached database to work on, removed by `done`. */
function workingCopy(source: string): { file: string; done: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-bench-'));
  const file = path.join(folder, 'bench.db');
  fs.copyFileSync(source, file);
  // Written to the disk before anything is timed: the kernel writing back a gigabyte of fresh copy
  // competed with the timed work (its commits waited behind it), which a clerk's database never has.
  const written = fs.openSync(file, 'r+');
  fs.fsyncSync(written);
  fs.closeSync(written);
  return { file, done: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Saves a new two-line order through the real invoke path, as a clerk would; answers its number. */
async function orderSaver(invoke: Invoke): Promise<() => Promise<string>> {
  const { publications } = await value<{ publications: { id: number; prices: Record<string, { unitPrice: string }> }[] }>(invoke, 'catalogue.list', {});
  const priced = publications.filter((p) => p.prices.CHF);
  let n = 0;
  return async () => {
    n += 1;
    const first = priced[n % priced.length]!;
    const second = priced[(n + 3) % priced.length]!;
    const { order } = await value<{ order: { number: string } }>(invoke, 'orders.create', {
      customer: { name: `Bench Customer ${n}`, address: 'Rue de Lausanne 1', country: 'CH', city: 'Genève', postalCode: '1202', email: `bench${n}@example.ch` },
      currency: 'CHF',
      receivedVia: 'fax',
      receivedOn: '2026-11-27',
      paymentMethod: 'bank_transfer',
      lines: [
        { publicationId: first.id, quantity: 2, unitPrice: first.prices.CHF!.unitPrice },
        { publicationId: second.id, quantity: 1, unitPrice: second.prices.CHF!.unitPrice, discountPercent: '10' },
      ],
    });
    return order.number;
  };
}

/** --backup-only: the saves during backups alone, over --backup-rounds backups. */
async function backupOnly(): Promise<void> {
  const copy = workingCopy(cachedDatabase());
  const db = openDatabase(copy.file);
  const ctx = createContext(db, 'bench');
  const invoke = createInvoke(ctx);
  const saveOrder = await orderSaver(invoke);
  for (let i = 0; i < 20; i++) await saveOrder(); // warm the statements and pages, as a clerk's second save would be
  const rounds = await benchBackupSaves(ctx, invoke, saveOrder, BACKUP_ROUNDS);
  db.close();
  copy.done();
  console.log(`\nOrder Desk benchmark, ${ORDERS.toLocaleString('en')} orders (seed ${SEED}), ${os.cpus().length} × ${os.cpus()[0]?.model ?? ''}`);
  if (!printBackupFigures(rounds)) process.exitCode = 1;
}

async function main(): Promise<void> {
  const source = cachedDatabase();
  const copy = workingCopy(source);
  const db = openDatabase(copy.file);
  const documents = createDocumentRenderer(sourceRenderWorker());
  const ctx = createContext(db, 'bench', undefined, documents);
  const invoke = createInvoke(ctx);
  const rows: Row[] = [];
  const record = async (what: string, runs: number, fn: () => Promise<string>) => rows.push({ what, ...(await measure(runs, fn)) });

  const saveOrder = await orderSaver(invoke);
  await record(`Save one order (orders.create, ${SAVES}×)`, SAVES, saveOrder);

  // Payments go onto orders still owing, as a clerk would record them.
  const owing = db.prepare("SELECT id, balance_minor, currency FROM orders WHERE balance_minor > 100 AND status <> 'cancelled' ORDER BY id DESC LIMIT ?").all(SAVES) as { id: number }[];
  let p = 0;
  await record(`Record a payment (payments.record, ${owing.length}×)`, owing.length, async () => {
    const order = owing[p++ % owing.length]!;
    const result = await value<{ balance: string; paymentStatus: string }>(invoke, 'payments.record', { orderId: order.id, method: 'check', receivedOn: '2026-11-27', amount: '1.00' });
    return result.paymentStatus;
  });
  for (const asOf of ['2026-11-27', '2024-06-30']) {
    await record(`Receivables aging as of ${asOf}`, 20, async () => {
      const aging = await value<{ totals: { orders: number }[] }>(invoke, 'receivables.aging', { asOf });
      return `${aging.totals.reduce((n, t) => n + t.orders, 0).toLocaleString('en')} orders owing`;
    });
  }
  await record('Dashboard (dashboard.summary)', 20, async () => {
    const dashboard = await value<{ waiting: unknown[] }>(invoke, 'dashboard.summary', {});
    return `${dashboard.waiting.length} waiting`;
  });

  type ListResult = { rows: unknown[]; total: number };
  const list = (label: string, input: Record<string, unknown>, runs = 30) =>
    record(label, runs, async () => {
      const result = await value<ListResult>(invoke, 'orders.list', input);
      return `${result.total.toLocaleString('en')} orders`;
    });

  await list('List: first page, newest first (default)', {});
  await list('List: page 1,000 (offset 49,950)', { offset: 49_950 });
  await list('List: last page', { offset: 99_950 });
  for (const sort of ['number', 'customerName', 'country', 'currency', 'total', 'status', 'paymentStatus', 'balance'] as const) {
    await list(`List: sorted by ${sort}`, { sort, direction: 'asc' });
  }
  await list('Filter: status received', { status: 'received' });
  await list('Filter: payment status paid', { paymentStatus: 'paid' });
  await list('Filter: partly paid, sorted by balance', { paymentStatus: 'partially_paid', sort: 'balance' });
  await list('Filter: EUR in March 2025', { currency: 'EUR', month: '2025-03' });
  await list('Filter: fax + check', { receivedVia: 'fax', paymentMethod: 'check' });
  await list('Filter: cancelled, sorted by total', { status: 'cancelled', sort: 'total' });

  const searches: [string, string][] = [
    ['surname', 'Ångström'],
    ['surname, typed without accents', 'zolc'],
    ['city', 'Kraków'],
    ['e-mail prefix', 'lukasz.wis'],
    ['order number', '2025-01234'],
    ['title word', 'remediation'],
    ['title word in most orders', 'trafficking'],
    ['Arabic name', 'محمد'],
    ['Arabic surname without article', 'حسن'],
    ['Chinese given name', '小明'],
    ['Greek surname', 'Παπαδόπουλος'],
    ['Cyrillic surname', 'Иванова'],
    ['Vietnamese name', 'Ngọc Trần'],
    ['two words + filter', 'muller geneve'],
  ];
  for (const [label, query] of searches) {
    await list(`Search: ${label} "${query}"`, label.includes('filter') ? { query, status: 'shipped' } : { query });
  }

  if (INVOICES > 0) await benchInvoices(invoke, record, rows);
  await documents.close();
  const bank = BANK_TRANSACTIONS > 0 ? await benchBankImport(db, invoke, BANK_TRANSACTIONS) : null;

  const backupRounds = await benchBackupSaves(ctx, invoke, saveOrder, BACKUP_ROUNDS);
  const during = backupRounds.flatMap((r) => r.during).sort((x, y) => x - y);
  rows.push({ what: 'Save one order while a backup runs', median: percentile(during, 50), p95: percentile(during, 95), note: `${during.length} orders saved` });

  db.close();
  copy.done();

  const width = Math.max(...rows.map((r) => r.what.length));
  const line = `${'-'.repeat(width)}  ${'-'.repeat(9)}  ${'-'.repeat(9)}  ${'-'.repeat(18)}`;
  console.log(`\nOrder Desk benchmark, ${ORDERS.toLocaleString('en')} orders (seed ${SEED}), ${os.cpus()[0]?.model ?? ''}`);
  console.log(`${'What'.padEnd(width)}  ${'median'.padStart(9)}  ${'p95'.padStart(9)}  result`);
  console.log(line);
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${`${r.median.toFixed(2)} ms`.padStart(9)}  ${`${r.p95.toFixed(2)} ms`.padStart(9)}  ${r.note}`);
  console.log(line);
  const searchWorst = Math.max(...rows.filter((r) => r.what.startsWith('Search')).map((r) => r.p95));
  console.log(`Slowest search p95: ${searchWorst.toFixed(2)} ms (target: well under 100 ms)`);
  if (!printBackupFigures(backupRounds)) process.exitCode = 1;
  if (bank && !printBankFigures(bank)) process.exitCode = 1;
  if (REPORT_LINES > 0) await reportsOnly();
  if (MAILS > 0) await mailOnly();

  if (values.plans) {
    const plansDb = openDatabase(source);
    const plansCtx = createContext(plansDb, 'bench');
    for (const input of [{}, { sort: 'customerName' }, { paymentStatus: 'paid' }, { query: 'zolc' }, { currency: 'EUR', month: '2025-03' }]) {
      const plan = explainListOrders(plansCtx, OrderListInput.parse(input));
      console.log(`\n${JSON.stringify(input)}\n  page:  ${plan.page.join(' | ')}\n  count: ${plan.count.join(' | ')}`);
    }
    plansDb.close();
  }
}

/**
 * Issuing invoices on orders not yet invoiced: each renders its PDF in the worker, then takes
 * its number and stores PDF and hash in one immediate transaction. One at a time (median, p95),
 * then a batch issued one after the other, as the batch screen does.
 */
async function benchInvoices(invoke: Invoke, record: (what: string, runs: number, fn: () => Promise<string>) => Promise<number>, rows: Row[]): Promise<void> {
  const singles = 10;
  // Fresh orders of three lines each (not timed), so the figures do not depend on what the demo data left uninvoiced.
  const ids: number[] = [];
  for (let i = 0; i < singles + 1 + INVOICES; i++) {
    const { order } = await value<{ order: { id: number } }>(invoke, 'orders.create', {
      customer: { name: `Invoice Bench ${i}`, address: 'Rue de Lausanne 1', country: ['CH', 'FR', 'ES', 'EG', 'JP'][i % 5], city: 'Genève', postalCode: '1202', email: '' },
      currency: ['CHF', 'EUR', 'USD'][i % 3],
      receivedVia: 'mail',
      receivedOn: '2026-11-27',
      lines: [1, 2, 3].map((n) => ({ title: `Publication ${n}`, quantity: n, unitPrice: '25.00' })),
    });
    ids.push(order.id);
  }
  const issue = async () => {
    const id = ids.shift();
    if (id === undefined) throw new Error('Not enough uninvoiced orders for the invoice benchmark.');
    const { invoice } = await value<{ invoice: { number: string } }>(invoke, 'invoices.issue', { orderId: id, shipping: '12.00' });
    return invoice.number;
  };
  await record(`Issue one invoice with its PDF (invoices.issue, ${singles}×)`, singles, issue);
  const start = performance.now();
  let last = '';
  for (let i = 0; i < INVOICES; i++) last = await issue();
  const total = performance.now() - start;
  rows.push({ what: `Issue a batch of ${INVOICES} invoices (total)`, median: total, p95: total, note: `${(total / INVOICES).toFixed(0)} ms each, last ${last}` });
}

async function pdfOnly(): Promise<void> {
  const rows = await benchInvoicePdfs();
  console.log(`\nOrder Desk benchmark, invoice PDFs, ${os.cpus()[0]?.model ?? ''}`);
  for (const r of rows) console.log(`${r.what.padEnd(60)}  ${`${r.median.toFixed(2)} ms`.padStart(11)}  ${`${r.p95.toFixed(2)} ms`.padStart(11)}  ${r.note}`);
}

async function reportsOnly(): Promise<void> {
  if (!printReportFigures(await benchMonthlyReports({ lines: REPORT_LINES }), REPORT_LINES)) process.exitCode = 1;
}

/** The bank statement import alone, on its own copy of the benchmark database. */
async function bankOnly(): Promise<void> {
  const copy = workingCopy(cachedDatabase());
  const db = openDatabase(copy.file);
  const invoke = createInvoke(createContext(db, 'bench'));
  try {
    if (!printBankFigures(await benchBankImport(db, invoke, BANK_TRANSACTIONS || 10_000))) process.exitCode = 1;
  } finally {
    db.close();
    copy.done();
  }
}

async function mailOnly(): Promise<void> {
  if (!printMailFigures(await benchMail(MAILS))) process.exitCode = 1;
}

await (values['pdf-only'] ? pdfOnly() : values['reports-only'] ? reportsOnly() : values['bank-only'] ? bankOnly() : values['mail-only'] ? mailOnly() : values['backup-only'] ? backupOnly() : main());
