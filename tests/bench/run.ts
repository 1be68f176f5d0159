/**
 * npm run bench [-- --orders N] [--seed S] [--saves N] [--plans] [--pdf-only] [--no-pdf]
 *
 * Builds (or reuses from the temp folder) a demo database of 100,000 orders, works on a
 * copy of it, and prints how long a clerk waits for: saving an order through the real
 * invoke path, the list's first page, filters, sorts, deep pages and searches; then invoice
 * PDFs (tests/bench/invoice-pdf.ts).
 * Not a test: it prints figures. The acceptance targets are search well under 100 ms and
 * a one-page invoice PDF well under 1 s.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke, type Invoke } from '../../db/api/invoke';
import { MIGRATIONS } from '../../db/migrations';
import { DEMO_GENERATOR_VERSION, generateDemoData } from '../../db/seed/demo-data';
import { explainListOrders } from '../../db/services/orders/read';
import { OrderListInput } from '../../shared/contract/orders';
import { benchInvoicePdfs } from './invoice-pdf';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    saves: { type: 'string', default: '200' },
    plans: { type: 'boolean', default: false },
    'pdf-only': { type: 'boolean', default: false },
    'no-pdf': { type: 'boolean', default: false },
  },
});
const ORDERS = Number(values.orders);
const SEED = Number(values.seed);
const SAVES = Number(values.saves);

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

function printRows(title: string, rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.what.length));
  const line = `${'-'.repeat(width)}  ${'-'.repeat(10)}  ${'-'.repeat(10)}  ${'-'.repeat(18)}`;
  console.log(`\n${title}, ${os.cpus()[0]?.model ?? ''}`);
  console.log(`${'What'.padEnd(width)}  ${'median'.padStart(10)}  ${'p95'.padStart(10)}  result`);
  console.log(line);
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${`${r.median.toFixed(2)} ms`.padStart(10)}  ${`${r.p95.toFixed(2)} ms`.padStart(10)}  ${r.note}`);
  console.log(line);
}

async function pdfFigures(): Promise<void> {
  const rows = await benchInvoicePdfs();
  printRows('Order Desk benchmark, invoice PDFs', rows);
  const single = rows.find((r) => r.what.startsWith('PDF: one-page'))!;
  console.log(`One-page invoice median: ${single.median.toFixed(0)} ms (target: well under 1 s)`);
}

async function main(): Promise<void> {
  if (values['pdf-only']) return pdfFigures();
  const source = cachedDatabase();
  const work = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-bench-')), 'bench.db');
  fs.copyFileSync(source, work);
  const db = openDatabase(work);
  const ctx = createContext(db, 'bench');
  const invoke = createInvoke(ctx);
  const rows: Row[] = [];
  const record = async (what: string, runs: number, fn: () => Promise<string>) => rows.push({ what, ...(await measure(runs, fn)) });

  const { publications } = await value<{ publications: { id: number; prices: Record<string, { unitPrice: string }> }[] }>(invoke, 'catalogue.list', {});
  const priced = publications.filter((p) => p.prices.CHF);
  let n = 0;
  await record(`Save one order (orders.create, ${SAVES}×)`, SAVES, async () => {
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
  for (const sort of ['number', 'customerName', 'country', 'currency', 'total', 'status'] as const) {
    await list(`List: sorted by ${sort}`, { sort, direction: 'asc' });
  }
  await list('Filter: status open', { status: 'open' });
  await list('Filter: status paid', { status: 'paid' });
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

  db.close();
  fs.rmSync(path.dirname(work), { recursive: true, force: true });

  printRows(`Order Desk benchmark, ${ORDERS.toLocaleString('en')} orders (seed ${SEED})`, rows);
  const searchWorst = Math.max(...rows.filter((r) => r.what.startsWith('Search')).map((r) => r.p95));
  console.log(`Slowest search p95: ${searchWorst.toFixed(2)} ms (target: well under 100 ms)`);

  if (values.plans) {
    const plansDb = openDatabase(source);
    const plansCtx = createContext(plansDb, 'bench');
    for (const input of [{}, { sort: 'customerName' }, { status: 'paid' }, { query: 'zolc' }, { currency: 'EUR', month: '2025-03' }]) {
      const plan = explainListOrders(plansCtx, OrderListInput.parse(input));
      console.log(`\n${JSON.stringify(input)}\n  page:  ${plan.page.join(' | ')}\n  count: ${plan.count.join(' | ')}`);
    }
    plansDb.close();
  }
  if (!values['no-pdf']) await pdfFigures();
}

await main();
