/**
 * A realistic, deterministic demo data set: price history for the catalogue, customers
 * from many countries, orders from 2021 to late 2026 with their invoices, payments,
 * shipments and cancellations. Orders are written with the order service's own statements
 * (in batches, for speed); everything that happens to them afterwards — payments, refunds,
 * bank-fee write-offs, credit moved between orders, reversals, shipping, cancelling — goes
 * through the very services the app uses, so demo data can never disagree with real data.
 * The same seed and size always give the same data (no wall clock, no Math.random).
 */
import { DomainError } from '../../shared/api/errors';
import type { CustomerDetails, Order } from '../../shared/contract/types';
import { addDays, daysBetween } from '../../shared/domain/calendar';
import { foldForMatch } from '../../shared/domain/text';
import { DEMO_BANK_ACCOUNTS } from '../../shared/domain/demo-books';
import type { OrderStatus, PaymentMethod, PaymentStatus, ReceivedVia } from '../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../shared/money/currencies';
import { amount, lineTotal, orderTotals, subtractAmounts, sumAmounts, toMinorUnits } from '../../shared/money/money';
import type { Db } from '../connection';
import { createContext, type AppContext, type WriteContext } from '../context';
import { audit } from '../services/audit';
import { setPrice } from '../services/catalogue';
import { resolveOrderCustomer } from '../services/customers';
import { getOrderById } from '../services/orders/read';
import { discountToBasisPoints } from '../services/orders/rows';
import { writeSearchRow } from '../services/orders/search-index';
import { cancelOrder, shipOrder } from '../services/orders/lifecycle';
import { invoiceSpec, issueDocumentWithPdfLater } from '../services/invoices/issue';
import { applyCredit, recordPayment, recordRefund, reverseMovement } from '../services/payments/movements';
import { syncOrderMoney } from '../services/payments/sync';
import { getSettings, setSettings } from '../services/settings';
import { inWriteTransaction } from '../transactions';
import { REGIONS, type Region } from './demo-people';
import { createRandom, type Random } from './prng';

/** Bump when the generated data changes, so cached benchmark databases are rebuilt. */
export const DEMO_GENERATOR_VERSION = 2;

export const DEMO_FIRST_DAY = '2021-01-04';
/** Fixed, not "today": the same seed must give the same data next year too. */
export const DEMO_LAST_DAY = '2026-11-27';

export interface DemoOptions {
  orders: number;
  seed: number;
  /** Add to a database that already has orders. */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  orders: number;
  customers: number;
  lines: number;
  freeTextLines: number;
  payments: number;
  refunds: number;
  writeOffs: number;
  creditMoves: number;
  reversals: number;
  invoices: number;
  byStatus: Record<OrderStatus, number>;
  byPaymentStatus: Record<PaymentStatus, number>;
  byCurrency: Record<CurrencyCode, number>;
  firstDay: string;
  lastDay: string;
  seconds: number;
}

const ACTOR = 'demo-data';
const BATCH = 1000;

// Price levels per currency as exact strings; a publication climbs one level at each price change.
const PRICE_LEVELS: Record<CurrencyCode, readonly string[]> = {
  CHF: ['20.00', '25.00', '30.00', '35.00', '40.00', '45.00', '50.00', '55.00', '60.00', '65.00', '70.00'],
  EUR: ['18.00', '23.00', '27.50', '32.00', '36.00', '41.00', '45.50', '50.00', '55.00', '59.00', '64.00'],
  USD: ['22.00', '27.00', '32.50', '38.00', '44.00', '49.00', '54.50', '60.00', '66.00', '71.00', '77.00'],
};
const PRICE_CHANGES = ['2021-01-01', '2023-01-01', '2025-07-01'] as const;

const FREE_TEXT_TITLES = [
  'World Migration Report 2022',
  'World Migration Report 2024 (French edition)',
  'Glossary on Migration',
  'Handbook on protection and assistance for migrants vulnerable to violence, exploitation and abuse',
  'Counter-trafficking training modules, vol. 2',
  'Rapport sur l’état de la migration dans le monde',
  'Informe sobre las migraciones en el mundo',
  'Migration Health Annual Report',
];

const CANCEL_REASONS = [
  'Customer ordered the PDF instead.',
  'Duplicate of an order received by fax.',
  'Customer withdrew the order by e-mail.',
  'Payment never arrived after three reminders.',
  'Ordered by mistake; customer phoned to cancel.',
  'Address in a country we cannot ship to.',
];

const NOTES = [
  'Please send with the invoice enclosed.',
  'Deliver to the library, not the reading room.',
  'Customer asks for a receipt in French.',
  'Fax partly illegible; phoned to confirm quantities.',
  'Send by registered mail.',
  'Invoice to be addressed to the accounts department.',
];

const EUROZONE = new Set(['FR', 'DE', 'ES', 'GR', 'PL']);

interface CustomerSpec {
  details: CustomerDetails;
  organisation: boolean;
  currency: readonly (readonly [CurrencyCode, number])[];
  paymentMethod: PaymentMethod | null;
  id?: number;
}

interface Publication {
  id: number;
  title: string;
  isbn: string;
  eisbn: string;
  level: number;
}

function fillDigits(pattern: string, random: Random): string {
  return pattern.replace(/#/g, () => String(random.int(0, 9)));
}

function phoneNumber(region: Region, random: Random): string {
  return `${region.phone} ${random.int(10, 99)} ${random.int(100, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`;
}

function asciiHandle(text: string): string {
  return foldForMatch(text).replace(/[^a-z0-9.]+/g, '');
}

function currencyPreference(country: string): readonly (readonly [CurrencyCode, number])[] {
  if (country === 'CH') return [['CHF', 85], ['EUR', 12], ['USD', 3]];
  if (EUROZONE.has(country)) return [['EUR', 85], ['CHF', 10], ['USD', 5]];
  if (country === 'GB' || country === 'SE') return [['EUR', 50], ['USD', 30], ['CHF', 20]];
  return [['USD', 65], ['EUR', 25], ['CHF', 10]];
}

function makeCustomers(count: number, random: Random): CustomerSpec[] {
  const regionWeights = REGIONS.map((r) => [r, r.weight] as const);
  const usedEmails = new Set<string>();
  const customers: CustomerSpec[] = [];
  for (let i = 0; i < count; i++) {
    const region = random.weighted(regionWeights);
    const organisation = random.chance(0.25);
    const person = random.pick(region.people);
    const name = organisation ? random.pick(region.organisations) : person.name;
    const place = random.pick(region.cities);
    let email = '';
    if (random.chance(0.85)) {
      const base = organisation ? `${random.pick(['orders', 'library', 'acquisitions', 'info'])}` : asciiHandle(person.handle);
      const domain = random.pick(region.domains);
      email = `${base}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
      usedEmails.add(email);
    }
    customers.push({
      details: {
        name,
        address: `${random.pick(region.streets)} ${random.int(1, 180)}`,
        country: region.country,
        city: place.city,
        postalCode: fillDigits(place.postal, random),
        phone: random.chance(0.8) ? phoneNumber(region, random) : '',
        email,
      },
      organisation,
      currency: currencyPreference(region.country),
      paymentMethod: random.weighted<PaymentMethod | null>([
        ['credit_card', 40],
        ['bank_transfer', organisation ? 55 : 30],
        ['check', 12],
        [null, 8],
      ]),
    });
  }
  return customers;
}

/** Received dates, oldest first, more orders in later years, weekends moved to a weekday. */
function receivedDates(count: number, random: Random): string[] {
  const days = daysBetween(DEMO_FIRST_DAY, DEMO_LAST_DAY);
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = random.next();
    const offset = Math.min(days, Math.floor(days * Math.sqrt(0.35 * t + 0.65 * t * t)));
    let date = addDays(DEMO_FIRST_DAY, offset);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 6) date = addDays(date, -1);
    if (weekday === 0) date = addDays(date, date >= DEMO_LAST_DAY ? -2 : 1);
    dates.push(date);
  }
  return dates.sort();
}

function priceOn(publication: Publication, currency: CurrencyCode, date: string): string {
  const step = PRICE_CHANGES.filter((from) => from <= date).length - 1;
  return PRICE_LEVELS[currency][publication.level + Math.max(0, step)]!;
}

/** A share of an amount, rounded to the currency (a discount of 100 − percent, via the money module). */
function percentOf(total: string, percent: number, currency: CurrencyCode): string {
  return lineTotal({ quantity: 1, unitPrice: total, discountPercent: String(100 - percent) }, currency);
}

function atTime(date: string, random: Random): Date {
  return new Date(`${date}T${String(random.int(7, 16)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}Z`);
}

class DemoWriter {
  private clock = new Date(`${DEMO_FIRST_DAY}T08:00:00Z`);
  readonly ctx: AppContext;
  /** The transaction of the batch being written (see batch). */
  private current: WriteContext | null = null;
  private readonly nextNumber = new Map<string, number>();
  private readonly insertOrder;
  private readonly insertLine;
  private readonly setTotal;
  /** Per customer and currency, the last order left with a credit: the next order may use it. */
  private readonly credits = new Map<string, Order>();
  readonly summary: Omit<DemoSummary, 'seconds' | 'firstDay' | 'lastDay'> = {
    orders: 0,
    customers: 0,
    lines: 0,
    freeTextLines: 0,
    payments: 0,
    refunds: 0,
    writeOffs: 0,
    creditMoves: 0,
    reversals: 0,
    invoices: 0,
    byStatus: { received: 0, invoiced: 0, shipped: 0, closed: 0, cancelled: 0 },
    byPaymentStatus: { unpaid: 0, partially_paid: 0, paid: 0, overpaid: 0, refund_due: 0, refunded: 0 },
    byCurrency: { CHF: 0, EUR: 0, USD: 0 },
  };

  constructor(db: Db) {
    this.ctx = createContext(db, ACTOR, () => this.clock);
    this.insertOrder = db.prepare(
      `INSERT INTO orders (number, received_on, received_via, currency, customer_id, customer_name, customer_address, customer_country,
         customer_city, customer_postal_code, customer_phone, customer_email, payment_method, customer_reference, notes, needs_review,
         total_minor, created_at, updated_at)
       VALUES (@number, @receivedOn, @receivedVia, @currency, @customerId, @name, @address, @country, @city, @postalCode, @phone, @email,
         @paymentMethod, @customerReference, @notes, @needsReview, 0, @now, @now)`,
    );
    this.insertLine = db.prepare(
      `INSERT INTO order_lines (order_id, position, publication_id, title, free_text, quantity, unit_price_minor, discount_bp, line_total_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.setTotal = db.prepare('UPDATE orders SET total_minor = ? WHERE id = ?');
    // Invoices need the unit's bank account in their currency; a demo database gets sample ones, named as such.
    if (getSettings(this.ctx).settings.bankAccounts.length === 0) inWriteTransaction(this.ctx, (w) => setSettings(w, { bankAccounts: DEMO_BANK_ACCOUNTS }));
    // Continue numbering after any orders already there (--force).
    const maxima = db.prepare("SELECT substr(number, 1, 4) AS year, max(CAST(substr(number, 6) AS INTEGER)) AS n FROM orders GROUP BY year").all() as {
      year: string;
      n: number;
    }[];
    for (const { year, n } of maxima) this.nextNumber.set(year, n + 1);
  }

  at(date: Date): void {
    this.clock = date;
  }

  /** Writes a batch of the demo in one transaction: far faster than one per order. */
  batch(write: () => void): void {
    // Synchronous, unlike ctx.transact: the seed's connection is its own, so no import can hold its lock.
    inWriteTransaction(this.ctx, (w) => {
      this.current = w;
      try {
        write();
      } finally {
        this.current = null;
      }
    });
  }

  get writing(): WriteContext {
    if (!this.current) throw new Error('Demo data is written in batch().');
    return this.current;
  }

  private orderNumber(receivedOn: string): string {
    const year = receivedOn.slice(0, 4);
    const n = this.nextNumber.get(year) ?? 1;
    this.nextNumber.set(year, n + 1);
    return `${year}-${String(n).padStart(5, '0')}`;
  }

  customerId(spec: CustomerSpec): number {
    if (spec.id === undefined) {
      spec.id = resolveOrderCustomer(this.writing, null, spec.details);
      this.summary.customers += 1;
    }
    return spec.id;
  }

  createOrder(fields: {
    customer: CustomerSpec;
    receivedOn: string;
    receivedVia: ReceivedVia;
    currency: CurrencyCode;
    paymentMethod: PaymentMethod | null;
    customerReference: string;
    notes: string;
    lines: { publicationId: number | null; title: string; isbns: readonly string[]; quantity: number; unitPrice: string; discountPercent: string | null }[];
  }): Order {
    const { currency, lines } = fields;
    const customerId = this.customerId(fields.customer);
    const number = this.orderNumber(fields.receivedOn);
    const needsReview = lines.some((l) => l.publicationId === null);
    const orderId = Number(
      this.insertOrder.run({
        ...fields.customer.details,
        number,
        receivedOn: fields.receivedOn,
        receivedVia: fields.receivedVia,
        currency,
        customerId,
        paymentMethod: fields.paymentMethod,
        customerReference: fields.customerReference,
        notes: fields.notes,
        needsReview: needsReview ? 1 : 0,
        now: this.clock.toISOString(),
      }).lastInsertRowid,
    );
    const totals = orderTotals(lines, currency);
    lines.forEach((line, i) => {
      this.insertLine.run(
        orderId,
        i + 1,
        line.publicationId,
        line.title,
        line.publicationId === null ? 1 : 0,
        line.quantity,
        toMinorUnits(line.unitPrice, currency),
        discountToBasisPoints(line.discountPercent),
        toMinorUnits(totals.lineTotals[i]!, currency),
      );
    });
    this.setTotal.run(toMinorUnits(totals.total, currency), orderId);
    syncOrderMoney(this.writing, orderId);
    writeSearchRow(this.writing, orderId, { number, customerName: fields.customer.details.name, email: fields.customer.details.email, city: fields.customer.details.city, titles: lines.map((l) => l.title), isbns: lines.flatMap((l) => l.isbns) });
    const order = getOrderById(this.ctx, orderId);
    audit(this.writing, 'order', orderId, 'create', null, order);
    this.summary.orders += 1;
    this.summary.lines += lines.length;
    this.summary.freeTextLines += lines.filter((l) => l.publicationId === null).length;
    this.summary.byCurrency[currency] += 1;
    return order;
  }

  /**
   * Through the invoice service, numbered in the same series as real invoices; the PDF is made
   * from the stored snapshot on first request (rendering thousands here would take far too long).
   */
  invoice(order: Order, day: string, random: Random): void {
    this.at(atTime(day, random));
    issueDocumentWithPdfLater(this.writing, invoiceSpec(this.ctx, { orderId: order.id, issuedOn: day }));
    this.refresh(order, getOrderById(this.ctx, order.id));
    this.summary.invoices += 1;
  }

  pay(order: Order, day: string, value: string, method: PaymentMethod, random: Random, extra: { feesDeducted?: string } = {}): number {
    this.at(atTime(day, random));
    const reference = method === 'bank_transfer' ? `Transfer ${order.number}` : '';
    const result = recordPayment(this.writing, {
      orderId: order.id,
      method,
      receivedOn: day,
      amount: value,
      reference,
      note: '',
      // Paid twice or rounded up: what a clerk confirmed.
      confirmed: true,
      ...(method === 'credit_card'
        ? { card: { brand: random.pick(['visa', 'mastercard', 'amex'] as const), last4: String(random.int(0, 9999)).padStart(4, '0'), authorisationCode: String(random.int(100000, 999999)) } }
        : {}),
      ...(method === 'check' ? { check: { number: String(random.int(1, 999999)).padStart(6, '0'), bank: random.pick(CHECK_BANKS) } } : {}),
      ...(method === 'bank_transfer' ? { transfer: { bankReference: `REF${random.int(100000, 999999)}`, ...extra } } : {}),
    });
    this.afterMoney(order);
    this.summary.payments += 1;
    if (result.feesWrittenOff) this.summary.writeOffs += 1;
    return result.payment.id;
  }

  refund(order: Order, day: string, value: string, method: PaymentMethod, reason: string, random: Random): void {
    this.at(atTime(day, random));
    recordRefund(this.writing, { orderId: order.id, amount: value, paidOn: day, method, reason });
    this.afterMoney(order);
    this.summary.refunds += 1;
  }

  reverse(order: Order, paymentId: number, day: string, reason: string, random: Random): void {
    this.at(atTime(day, random));
    reverseMovement(this.writing, { paymentId, reason, reversedOn: day });
    this.afterMoney(order);
    this.summary.reversals += 1;
  }

  /** Remembers an order left with a credit, or moves an earlier credit of the same customer onto this one. */
  useCredit(customer: CustomerSpec, order: Order, day: string, random: Random): void {
    const key = `${customer.id}|${order.currency}`;
    const from = this.credits.get(key);
    if (!from || from.id === order.id || amount(from.balance).greaterThanOrEqualTo(0) || amount(order.balance).lessThanOrEqualTo(0) || day < from.receivedOn) return;
    const credit = amount(from.balance).negated();
    const moved = credit.lessThan(amount(order.balance)) ? subtractAmounts('0', from.balance, order.currency) : order.balance;
    this.at(atTime(day, random));
    applyCredit(this.writing, { fromOrderId: from.id, toOrderId: order.id, amount: moved, movedOn: day });
    this.afterMoney(from);
    this.afterMoney(order);
    this.credits.delete(key);
    this.summary.creditMoves += 1;
  }

  keepCredit(customer: CustomerSpec, order: Order): void {
    if (amount(order.balance).lessThan(0)) this.credits.set(`${customer.id}|${order.currency}`, order);
  }

  ship(order: Order, day: string, random: Random): void {
    this.at(atTime(day, random));
    this.refresh(order, shipOrder(this.writing, { id: order.id, shippedOn: day, carrier: random.pick(CARRIERS), tracking: '' }).order);
  }

  cancel(order: Order, day: string, reason: string, random: Random): void {
    this.at(atTime(day, random));
    this.refresh(order, cancelOrder(this.writing, { id: order.id, reason }).order);
  }

  private afterMoney(order: Order): void {
    this.refresh(order, getOrderById(this.ctx, order.id));
  }

  /** The caller keeps its Order object; it follows what the services wrote. */
  private refresh(order: Order, latest: Order): void {
    Object.assign(order, latest);
  }
}

const CHECK_BANKS = ['UBS Switzerland AG', 'Banque Cantonale de Genève', 'BNP Paribas', 'Deutsche Bank', 'Citibank N.A.', 'Banco Santander'];
const CARRIERS = ['Swiss Post', 'Swiss Post PostPac Priority', 'DHL Express', 'UPS'];
const FEE_AMOUNTS = ['2.50', '4.00', '5.00', '7.50', '10.00', '12.00', '15.00'];

function loadPublications(db: Db, random: Random): Publication[] {
  const rows = db.prepare('SELECT id, title, isbn, eisbn FROM publications WHERE active = 1 ORDER BY id').all() as { id: number; title: string; isbn: string; eisbn: string }[];
  return rows.map((r) => ({ ...r, level: random.int(0, PRICE_LEVELS.CHF.length - PRICE_CHANGES.length) }));
}

function writePriceHistory(writer: DemoWriter, publications: Publication[], random: Random): void {
  PRICE_CHANGES.forEach((validFrom, step) => {
    writer.at(atTime(addDays(validFrom, -20), random));
    for (const publication of publications) {
      for (const currency of ['CHF', 'EUR', 'USD'] as const) {
        setPrice(writer.writing, { publicationId: publication.id, currency, unitPrice: PRICE_LEVELS[currency][publication.level + step]!, validFrom });
      }
    }
  });
}

function pickLines(customer: CustomerSpec, currency: CurrencyCode, receivedOn: string, publications: Publication[], random: Random) {
  const count = random.weighted([[1, 45], [2, 25], [3, 15], [4, 10], [5, 5]] as const);
  const chosen = new Set<number>();
  const lines = [];
  for (let i = 0; i < count; i++) {
    const quantity = customer.organisation ? random.weighted([[1, 30], [2, 20], [5, 20], [10, 15], [25, 10], [50, 5]] as const) : random.weighted([[1, 80], [2, 15], [3, 5]] as const);
    const discountPercent = quantity >= 10 ? random.pick(['10', '15', '20']) : random.chance(0.06) ? random.pick(['5', '10', '12.5']) : null;
    if (random.chance(0.03) || chosen.size >= publications.length) {
      const title = random.pick(FREE_TEXT_TITLES);
      lines.push({ publicationId: null, title, isbns: [], quantity, unitPrice: random.pick(PRICE_LEVELS[currency]), discountPercent });
      continue;
    }
    let publication = random.pick(publications);
    while (chosen.has(publication.id)) publication = random.pick(publications);
    chosen.add(publication.id);
    lines.push({ publicationId: publication.id, title: publication.title, isbns: [publication.isbn, publication.eisbn], quantity, unitPrice: priceOn(publication, currency, receivedOn), discountPercent });
  }
  return lines;
}

/**
 * Invoice, payments, shipment or cancellation, each on a plausible later day, never after
 * the last demo day: partial payments, transfers short by bank fees (written off), overpaid
 * orders refunded or their credit moved to the customer's next order, checks returned
 * unpaid (reversed), and cancellations after payment (refund due, then refunded).
 */
function lifeOfOrder(writer: DemoWriter, customer: CustomerSpec, order: Order, method: PaymentMethod | null, random: Random): void {
  const within = (day: string) => day <= DEMO_LAST_DAY;
  if (random.chance(0.04)) {
    const day = addDays(order.receivedOn, random.int(1, 25));
    if (within(day)) {
      writer.cancel(order, day, random.pick(CANCEL_REASONS), random);
      return;
    }
  }
  const invoicedOn = addDays(order.receivedOn, random.int(1, 6));
  if (!within(invoicedOn) || random.chance(0.01)) return;
  writer.invoice(order, invoicedOn, random);
  writer.useCredit(customer, order, invoicedOn, random);
  if (amount(order.balance).isZero()) return;
  const payWith = method ?? random.pick(['credit_card', 'bank_transfer', 'check'] as const);
  if (random.chance(0.08)) return; // still waiting for the money
  const delay = payWith === 'credit_card' ? random.int(0, 3) : payWith === 'check' ? random.int(8, 40) : random.int(5, 45);
  let paidOn = addDays(invoicedOn, delay);
  if (!within(paidOn)) return;
  const due = order.balance;
  if (payWith !== 'credit_card' && random.chance(0.1)) {
    const first = percentOf(due, random.int(20, 80), order.currency);
    writer.pay(order, paidOn, first, payWith, random);
    paidOn = addDays(paidOn, random.int(10, 60));
    if (!within(paidOn) || random.chance(0.3)) return;
    writer.pay(order, paidOn, order.balance, payWith, random);
  } else if (payWith === 'bank_transfer' && random.chance(0.15) && amount(due).greaterThan(30)) {
    // The banks took their fees on the way: the transfer arrives short and the fees are written off with it.
    const fees = random.pick(FEE_AMOUNTS);
    writer.pay(order, paidOn, subtractAmounts(due, fees, order.currency), payWith, random, { feesDeducted: fees });
  } else if (payWith === 'check' && random.chance(0.04)) {
    const id = writer.pay(order, paidOn, due, payWith, random);
    const bounced = addDays(paidOn, random.int(3, 10));
    if (!within(bounced)) return;
    writer.reverse(order, id, bounced, 'Check returned unpaid by the bank', random);
    paidOn = addDays(bounced, random.int(5, 30));
    if (!within(paidOn)) return;
    writer.pay(order, paidOn, order.balance, 'bank_transfer', random);
  } else if (random.chance(0.03)) {
    // Paid twice (fax and mailed original both settled), or rounded up.
    const extra = random.chance(0.5) ? due : random.pick(['0.50', '1.00', '5.00']);
    writer.pay(order, paidOn, sumAmounts([due, extra], order.currency), payWith, random);
    const later = addDays(paidOn, random.int(5, 30));
    if (within(later) && random.chance(0.6)) writer.refund(order, later, subtractAmounts('0', order.balance, order.currency), payWith === 'check' ? 'bank_transfer' : payWith, 'Overpayment paid back', random);
    else writer.keepCredit(customer, order);
  } else {
    writer.pay(order, paidOn, due, payWith, random);
  }
  if (random.chance(0.01) && order.status !== 'shipped') {
    const day = addDays(paidOn, random.int(1, 10));
    if (!within(day)) return;
    writer.cancel(order, day, 'Customer withdrew the order after paying.', random);
    const refundOn = addDays(day, random.int(3, 20));
    if (within(refundOn) && random.chance(0.6)) writer.refund(order, refundOn, subtractAmounts('0', order.balance, order.currency), 'bank_transfer', 'Order cancelled after payment', random);
    return;
  }
  const shippedOn = addDays(paidOn, random.int(1, 7));
  if (within(shippedOn) && random.chance(0.9)) writer.ship(order, shippedOn, random);
}

/** Counted once at the end: a credit moved later changes an earlier order's payment status. */
function countStatuses(db: Db, summary: DemoWriter['summary']): void {
  for (const r of db.prepare('SELECT status, payment_status, count(*) AS n FROM orders GROUP BY status, payment_status').all() as { status: OrderStatus; payment_status: PaymentStatus; n: number }[]) {
    summary.byStatus[r.status] += r.n;
    summary.byPaymentStatus[r.payment_status] += r.n;
  }
}

export function countOrders(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
}

export function generateDemoData(db: Db, options: DemoOptions): DemoSummary {
  const started = performance.now();
  if (!Number.isInteger(options.orders) || options.orders < 1) throw new DomainError('invalid_input', 'Number of orders must be a whole number from 1.', 'orders');
  const existing = countOrders(db);
  if (existing > 0 && !options.force) {
    throw new DomainError('conflict', `This database already has ${existing} orders; demo data is only written into an empty one (use --force to add anyway).`);
  }
  const random = createRandom(options.seed);
  const writer = new DemoWriter(db);
  const publications = loadPublications(db, random);
  if (publications.length === 0) throw new DomainError('conflict', 'The catalogue has no active publication to order.');
  const customers = makeCustomers(Math.max(10, Math.round(options.orders / 3)), random);
  const dates = receivedDates(options.orders, random);

  // Demo data can be regenerated, so its batches need not wait for the disk; the unit's setting is restored after.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  try {
    writeAll(writer, publications, customers, dates, random, options);
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
  countStatuses(db, writer.summary);
  // Merge the many small FTS segments of a bulk load, and give the planner real statistics.
  db.prepare("INSERT INTO orders_fts (orders_fts) VALUES ('optimize')").run();
  db.exec('ANALYZE');
  return { ...writer.summary, firstDay: dates[0]!, lastDay: dates[dates.length - 1]!, seconds: (performance.now() - started) / 1000 };
}

function writeAll(writer: DemoWriter, publications: Publication[], customers: CustomerSpec[], dates: string[], random: Random, options: DemoOptions): void {
  writer.batch(() => writePriceHistory(writer, publications, random));
  for (let start = 0; start < dates.length; start += BATCH) {
    writer.batch(() => {
      for (const receivedOn of dates.slice(start, start + BATCH)) {
        // A few customers order again and again; most order once or twice.
        const customer = random.chance(0.3) ? customers[random.int(0, Math.min(customers.length, 40) - 1)]! : random.pick(customers);
        const currency = random.weighted(customer.currency);
        writer.at(atTime(receivedOn, random));
        const order = writer.createOrder({
          customer,
          receivedOn,
          receivedVia: random.weighted<ReceivedVia>([['mail', 35], ['email', 35], ['fax', 20], ['other', 10]]),
          currency,
          paymentMethod: customer.paymentMethod,
          customerReference: random.chance(0.3) ? `PO-${receivedOn.slice(0, 4)}-${String(random.int(1, 9999)).padStart(4, '0')}` : '',
          notes: random.chance(0.1) ? random.pick(NOTES) : '',
          lines: pickLines(customer, currency, receivedOn, publications, random),
        });
        lifeOfOrder(writer, customer, order, customer.paymentMethod, random);
      }
    });
    options.onProgress?.(Math.min(start + BATCH, dates.length), dates.length);
  }
}
