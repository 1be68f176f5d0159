/**
 * A large database for the monthly-report benchmark, written fast: prepared INSERTs in one
 * transaction, straight into the tables (no services, no search index), with the shape of a
 * busy unit over three years: ~300,000 orders and 1,000,000 order lines in CHF, EUR and USD,
 * 1–8 lines per order, every channel and intended method, cancellations, invoices and credit
 * notes, payments by every method (transfers with fees), write-offs, refunds and reversals.
 * Cached in the temp folder beside the demo database, keyed by schema and size.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';

/** Bump when the generator changes what it writes, so an old cache is not reused. */
const GENERATOR_VERSION = 1;
const START = Date.UTC(2023, 11, 1);
const END = Date.UTC(2026, 10, 30);
const DAY = 86_400_000;

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

/** Picks by weight; the weights need not sum to 1. */
function weighted<T>(rnd: () => number, items: readonly (readonly [T, number])[]): () => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  return () => {
    let x = rnd() * total;
    for (const [item, w] of items) if ((x -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

const COUNTRIES = ['CH', 'FR', 'DE', 'US', 'GB', 'IT', 'ES', 'BE', 'NL', 'AT', 'SE', 'NO', 'DK', 'PL', 'CZ', 'PT', 'IE', 'CA', 'MX', 'BR', 'AR', 'SN', 'CI', 'MA', 'EG', 'KE', 'ZA', 'NG', 'JP', 'CN', 'KR', 'IN', 'PK', 'BD', 'TH', 'VN', 'PH', 'ID', 'AU', 'NZ'];

export interface ReportDatabase {
  file: string;
  orders: number;
  lines: number;
}

export function reportBenchDatabase(targetLines: number, seed = 1): ReportDatabase {
  const schema = crypto.createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 10);
  const file = path.join(os.tmpdir(), `order-desk-bench-reports-g${GENERATOR_VERSION}-${schema}-${targetLines}-s${seed}.db`);
  if (fs.existsSync(file)) {
    const db = openDatabase(file);
    const counts = db.prepare('SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines').get() as { orders: number; lines: number };
    db.close();
    console.log(`Reusing ${file}`);
    return { file, ...counts };
  }
  console.log(`Generating ${targetLines.toLocaleString('en')} order lines into ${file} (once; later runs reuse it)…`);
  const started = performance.now();
  const building = `${file}.building-${process.pid}`;
  const db = openDatabase(building);
  db.pragma('synchronous = OFF');
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd.next() * list.length)]!;
  const now = new Date().toISOString();

  // Secondary indexes are dropped while the rows go in and built once afterwards: far faster than keeping ~25 indexes up to date row by row.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('orders', 'order_lines', 'payments', 'invoices', 'customers')")
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const result = db.transaction(() => {
    const insertPublication = db.prepare("INSERT INTO publications (title, year, created_at, updated_at) VALUES (?, ?, ?, ?)");
    for (let i = 1; i <= 240; i++) insertPublication.run(`Bench publication ${i}: migration, labour and mobility`, 2000 + (i % 26), now, now);
    const publicationIds = (db.prepare('SELECT id FROM publications').all() as { id: number }[]).map((r) => r.id);

    const insertCustomer = db.prepare('INSERT INTO customers (name, country, city, email, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const customers: { id: number; name: string; country: string }[] = [];
    for (let i = 1; i <= 25_000; i++) {
      const country = i % 3 === 0 ? 'CH' : pick(COUNTRIES);
      const name = `Bench Library ${i}`;
      customers.push({ id: Number(insertCustomer.run(name, country, 'City', `lib${i}@example.org`, name.toLowerCase(), now, now).lastInsertRowid), name, country });
    }
    // A few large customers order far more often than the rest, as in real life.
    const customerOf = () => (rnd.next() < 0.3 ? customers[rnd.int(0, 199)]! : customers[rnd.int(0, customers.length - 1)]!);

    const insertOrder = db.prepare(`
      INSERT INTO orders (number, received_on, received_via, currency, customer_id, customer_name, customer_country, payment_method, status,
        cancel_reason, cancelled_on, total_minor, payment_status, balance_minor, created_at, updated_at)
      VALUES (@number, @receivedOn, @via, @currency, @customerId, @name, @country, @method, @status, @cancelReason, @cancelledOn, @total,
        @paymentStatus, @balance, @now, @now)`);
    const insertLine = db.prepare(`
      INSERT INTO order_lines (order_id, position, publication_id, title, free_text, quantity, unit_price_minor, discount_bp, line_total_minor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertMovement = db.prepare(`
      INSERT INTO payments (order_id, kind, reverses_id, on_date, method, currency, amount_minor, reason, fees_deducted_minor, recorded_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`);
    const insertDocument = db.prepare(`
      INSERT INTO invoices (kind, number, year, sequence, order_id, credits_invoice_id, issued_on, due_on, currency, language, shipping_minor, total_minor,
        reason, snapshot, created_by, created_at)
      VALUES (@kind, @number, @year, @sequence, @orderId, @credits, @issuedOn, @dueOn, @currency, 'en', @shipping, @total, @reason, '{}', 'bench', @now)`);

    const markInvoiced = db.prepare("UPDATE orders SET status = 'invoiced' WHERE id = ?");
    const finish = db.prepare('UPDATE orders SET total_minor = ?, balance_minor = ?, payment_status = ? WHERE id = ?');
    const currencyOf = weighted(rnd.next, [['CHF', 5], ['EUR', 3], ['USD', 2]] as const);
    const viaOf = weighted(rnd.next, [['mail', 4], ['fax', 2], ['email', 3], ['other', 1]] as const);
    const methodOf = weighted(rnd.next, [['credit_card', 4], ['check', 2], ['bank_transfer', 3], [null, 1]] as const);
    const payMethodOf = weighted(rnd.next, [['credit_card', 4], ['check', 2], ['bank_transfer', 3]] as const);
    const linesOf = weighted(rnd.next, [[1, 25], [2, 20], [3, 15], [4, 12], [5, 10], [6, 8], [7, 6], [8, 4]] as const);
    // Busier in spring and autumn, quieter in summer and at the year's end.
    const seasonal = [1, 1.1, 1.3, 1.2, 1.1, 0.8, 0.6, 0.7, 1.2, 1.4, 1.3, 0.7];
    const dayOf = () => {
      for (;;) {
        const t = START + rnd.int(0, (END - START) / DAY) * DAY;
        if (rnd.next() * 1.4 < seasonal[new Date(t).getUTCMonth()]!) return t;
      }
    };
    const sequences = new Map<string, number>();
    const nextSequence = (key: string) => {
      const n = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, n);
      return n;
    };

    let lines = 0;
    let orders = 0;
    // Orders in date order, so order numbers follow the days as the service numbers them.
    const planned: number[] = [];
    while (planned.length < Math.ceil(targetLines / 3.2)) planned.push(dayOf());
    planned.sort((a, b) => a - b);
    for (const t of planned) {
      if (lines >= targetLines) break;
      const receivedOn = iso(t);
      const currency = currencyOf();
      const customer = customerOf();
      const count = Math.min(linesOf(), targetLines - lines);
      const year = receivedOn.slice(0, 4);
      const cancelled = rnd.next() < 0.04;
      const cancelledOn = cancelled ? iso(Math.min(END, t + rnd.int(0, 20) * DAY)) : null;
      const orderId = Number(
        insertOrder.run({
          number: `${year}-${String(nextSequence(`order-${year}`)).padStart(6, '0')}`,
          receivedOn,
          via: viaOf(),
          currency,
          customerId: customer.id,
          name: customer.name,
          country: customer.country,
          method: methodOf(),
          status: cancelled ? 'cancelled' : 'received',
          cancelReason: cancelled ? pick(['Ordered twice', 'Customer withdrew the order', 'Title out of print']) : '',
          cancelledOn,
          total: 0,
          paymentStatus: 'unpaid',
          balance: 0,
          now,
        }).lastInsertRowid,
      );
      let total = 0;
      for (let position = 1; position <= count; position++) {
        const free = rnd.next() < 0.08;
        const quantity = rnd.next() < 0.7 ? 1 : rnd.int(2, 12);
        const price = rnd.int(8, 120) * 100 + pick([0, 0, 50, 95]);
        const discount = rnd.next() < 0.1 ? pick([1000, 1500, 2500]) : null;
        const lineTotal = Math.round((quantity * price * (10_000 - (discount ?? 0))) / 10_000);
        insertLine.run(orderId, position, free ? null : pick(publicationIds), free ? `Free-text title ${rnd.int(1, 400)}` : 'Bench publication', free ? 1 : 0, quantity, price, discount, lineTotal);
        total += lineTotal;
      }
      lines += count;
      orders += 1;

      // What is owed: the order's total, or its invoice (with shipping) less a credit note.
      let owed = total;
      const later = (maxDays: number) => Math.min(END, t + rnd.int(0, maxDays) * DAY);
      if (!cancelled && rnd.next() < 0.35) {
        const issued = later(10);
        const issuedOn = iso(issued);
        const shipping = rnd.next() < 0.5 ? rnd.int(5, 25) * 100 : 0;
        const invoiceYear = Number(issuedOn.slice(0, 4));
        const sequence = nextSequence(`inv-${invoiceYear}`);
        const invoiceId = Number(
          insertDocument.run({ kind: 'invoice', number: `INV-${invoiceYear}-${String(sequence).padStart(5, '0')}`, year: invoiceYear, sequence, orderId, credits: null,
            issuedOn, dueOn: iso(issued + 30 * DAY), currency, shipping, total: total + shipping, reason: '', now }).lastInsertRowid,
        );
        owed = total + shipping;
        if (rnd.next() < 0.08) {
          const creditedOn = iso(Math.min(END, issued + rnd.int(1, 30) * DAY));
          const creditYear = Number(creditedOn.slice(0, 4));
          const creditSequence = nextSequence(`cn-${creditYear}`);
          const credited = Math.min(owed, rnd.int(5, 60) * 100);
          insertDocument.run({ kind: 'credit_note', number: `CN-${creditYear}-${String(creditSequence).padStart(5, '0')}`, year: creditYear, sequence: creditSequence, orderId,
            credits: invoiceId, issuedOn: creditedOn, dueOn: null, currency, shipping: 0, total: credited, reason: 'One copy arrived damaged', now });
          owed -= credited;
        }
        markInvoiced.run(orderId);
      }

      let settled = 0;
      const roll = rnd.next();
      const pay = (amount: number, method: string, on: number) => {
        const fees = method === 'bank_transfer' && rnd.next() < 0.5 ? rnd.int(150, 900) : null;
        settled += amount;
        return Number(insertMovement.run(orderId, 'payment', null, iso(on), method, currency, amount, '', fees, now).lastInsertRowid);
      };
      if (owed < 100) {
        // A fully credited invoice leaves nothing to pay.
      } else if (cancelled) {
        if (roll < 0.3) {
          const paidOn = later(15);
          pay(owed, payMethodOf(), paidOn);
          insertMovement.run(orderId, 'refund', null, iso(Math.min(END, paidOn + rnd.int(1, 20) * DAY)), 'bank_transfer', currency, owed, 'Order cancelled', null, now);
          settled -= owed;
        }
      } else if (roll < 0.72) {
        pay(owed, payMethodOf(), later(40));
      } else if (roll < 0.8) {
        const part = Math.floor(owed * 0.95);
        const on = later(40);
        pay(part, 'bank_transfer', on);
        insertMovement.run(orderId, 'write_off', null, iso(on), null, currency, owed - part, 'Bank transfer fees borne by the unit', null, now);
        settled += owed - part;
      } else if (roll < 0.83) {
        const on = later(30);
        pay(owed, 'credit_card', on);
        pay(2000, 'check', on);
        insertMovement.run(orderId, 'refund', null, iso(Math.min(END, on + rnd.int(1, 15) * DAY)), 'check', currency, 2000, 'Paid twice', null, now);
        settled -= 2000;
      } else if (roll < 0.85) {
        const on = later(30);
        const id = pay(owed, payMethodOf(), on);
        insertMovement.run(orderId, 'payment', id, iso(Math.min(END, on + rnd.int(0, 10) * DAY)), null, currency, owed, 'Recorded on the wrong order', null, now);
        settled -= owed;
      }
      const balance = cancelled ? -settled : owed - settled;
      const status = cancelled ? (balance < 0 ? 'refund_due' : 'unpaid') : balance === 0 ? 'paid' : balance < 0 ? 'overpaid' : settled > 0 ? 'partially_paid' : 'unpaid';
      finish.run(total, balance, status, orderId);
    }
    return { orders, lines };
  })();
  for (const index of indexes) db.exec(index.sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(building, file);
  console.log(`  ${result.orders.toLocaleString('en')} orders, ${result.lines.toLocaleString('en')} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { file, ...result };
}
