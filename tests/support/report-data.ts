/**
 * A month of generated order-desk activity for the report tests, made through the services
 * day by day with the service clock set to each day: orders in CHF, EUR and USD over every
 * channel and intended method, payments by every method (transfers with bank fees), partial
 * payments written off, overpayments refunded, reversals, a credit moved between two orders,
 * invoices with shipping, credit notes, and cancellations (some with money to pay back). The
 * neighbouring months get the same kind of activity, so a report that leaks across its
 * period's edges is caught. Deterministic for a seed.
 */
import { call, type TestApp } from './test-db';

export interface ReportClock {
  today: string;
}

const CUSTOMERS = [
  { name: 'Bibliothèque de Genève', country: 'CH', email: 'achats@bge.ch', city: 'Genève' },
  { name: 'Zoë Ångström-Müller', country: 'DE', email: 'zoe@example.de', city: 'Berlin' },
  { name: 'Amina Diallo', country: 'SN', email: 'amina@example.sn', city: 'Dakar' },
  { name: 'Université de Lausanne', country: 'CH', email: 'bib@unil.ch', city: 'Lausanne' },
  { name: 'Library of Congress', country: 'US', email: 'acq@loc.example', city: 'Washington' },
  { name: 'Instituto Cervantes', country: 'ES', email: 'libros@cervantes.example', city: 'Madrid' },
  { name: '国立国会図書館', country: 'JP', email: 'ndl@example.jp', city: 'Tokyo' },
  { name: 'Biblioteca Nacional', country: 'BR', email: 'bn@example.br', city: 'Rio de Janeiro' },
  { name: 'British Library', country: 'GB', email: 'bl@example.uk', city: 'London' },
  { name: 'Sciences Po', country: 'FR', email: 'bib@sciencespo.example', city: 'Paris' },
  { name: 'Наталья Иванова', country: 'RU', email: 'natalia@example.ru', city: 'Moscow' },
  { name: 'UNHCR Library', country: 'CH', email: 'lib@unhcr.example', city: 'Genève' },
];

const FREE_TITLES = ['Migration and the pandemic, conference papers', 'Atlas des migrations', 'Remittances in West Africa'];
const CHANNELS = ['mail', 'fax', 'email', 'other'] as const;
const METHODS = ['credit_card', 'check', 'bank_transfer'] as const;
const CURRENCIES = ['CHF', 'EUR', 'USD'] as const;

/** mulberry32: small, fast and deterministic. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "12.34" from cents, in the test's own arithmetic. */
function cents(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

function minorOf(text: string): number {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
}

interface OrderState {
  id: number;
  status: string;
  balance: string;
  total: string;
  customerId: number;
  currency: string;
  receivedOn: string;
}

export interface GeneratedMonth {
  month: string;
  from: string;
  to: string;
  /** What the generator did, by kind, inside the month: the tests check every kind occurred. */
  done: Record<string, number>;
}

/**
 * Fills the app's database with activity from @start to @end (the clock moves day by day),
 * busiest in @month. The clock is left on @end.
 */
export async function generateReportMonth(app: TestApp, clock: ReportClock, options: { month?: string; start?: string; end?: string; seed?: number } = {}): Promise<GeneratedMonth> {
  const month = options.month ?? '2026-10';
  const start = options.start ?? '2026-09-18';
  const end = options.end ?? '2026-11-08';
  const rnd = random(options.seed ?? 20261);
  const { publications } = await call<{ publications: { id: number; title: string }[] }>(app, 'catalogue.list', {});
  const done: Record<string, number> = {};
  const count = (kind: string) => {
    if (clock.today.startsWith(month)) done[kind] = (done[kind] ?? 0) + 1;
  };
  const agenda = new Map<string, (() => Promise<void>)[]>();
  const later = (days: number, action: () => Promise<void>) => {
    const day = addDays(clock.today, days);
    if (day > end) return;
    agenda.set(day, [...(agenda.get(day) ?? []), action]);
  };
  const state = async (id: number): Promise<OrderState> => (await call(app, 'orders.get', { id })).order;

  const pay = async (o: OrderState, amountMinor: number, method = rnd.pick(METHODS)) => {
    if (amountMinor <= 0) return null;
    // The banks never keep more than the transfer brought.
    const fees = method === 'bank_transfer' && rnd.chance(0.7) ? Math.min(rnd.int(150, 900), Math.floor(amountMinor / 2)) : 0;
    const paid = Math.max(1, amountMinor - fees);
    const details =
      method === 'bank_transfer'
        ? { transfer: { bankReference: `RF${rnd.int(1000, 9999)}`, ...(fees ? { feesDeducted: cents(fees) } : {}) } }
        : method === 'check'
          ? { check: { number: String(rnd.int(100000, 999999)), bank: 'UBS Switzerland AG' } }
          : { card: { brand: rnd.pick(['visa', 'mastercard', 'amex'] as const), last4: String(rnd.int(1000, 9999)), authorisationCode: 'A1B2' } };
    // Overpayments here are ones the clerk confirmed.
    const result = await call(app, 'payments.record', { orderId: o.id, method, receivedOn: clock.today, amount: cents(paid), confirmed: true, ...details });
    count(`payment:${method}`);
    // The fees the banks deducted are written off with the transfer (payments.record does it).
    if (fees) count('bankFees');
    return result.payment.id as number;
  };

  const createOrder = async () => {
    const customer = rnd.pick(CUSTOMERS);
    const currency = rnd.pick(CURRENCIES);
    const lines = Array.from({ length: rnd.int(1, 4) }, () => {
      const unitPrice = cents(rnd.int(8, 90) * 100 + rnd.pick([0, 50, 95]));
      const discount = rnd.chance(0.15) ? { discountPercent: rnd.pick(['10', '15', '33.3']) } : {};
      return rnd.chance(0.8)
        ? { publicationId: rnd.pick(publications).id, title: '', quantity: rnd.int(1, 6), unitPrice, ...discount }
        : { title: rnd.pick(FREE_TITLES), quantity: rnd.int(1, 3), unitPrice, ...discount };
    });
    const { order } = await call(app, 'orders.create', {
      customer,
      currency,
      receivedVia: rnd.pick(CHANNELS),
      receivedOn: clock.today,
      paymentMethod: rnd.chance(0.15) ? null : rnd.pick(METHODS),
      lines,
    });
    count('order');
    return order as OrderState;
  };

  /** What happens to an order after it arrives, spread over the following days. */
  const plan = (o: OrderState) => {
    const roll = rnd.next();
    const wait = rnd.int(0, 12);
    if (roll < 0.4) {
      later(wait, async () => void (await pay(await state(o.id), minorOf((await state(o.id)).balance))));
    } else if (roll < 0.5) {
      // Part paid, the rest written off; sometimes that write-off is undone a little later.
      later(wait, async () => {
        const s = await state(o.id);
        const part = Math.floor(minorOf(s.balance) * 0.9);
        await pay(s, part, 'check');
        const rest = await state(o.id);
        if (minorOf(rest.balance) <= 0) return;
        const w = await call(app, 'payments.writeOff', { orderId: o.id, amount: rest.balance, reason: 'Small difference not worth chasing', writtenOffOn: clock.today });
        count('writeOff');
        if (rnd.chance(0.5)) {
          later(rnd.int(1, 15), async () => {
            await call(app, 'payments.reverse', { paymentId: w.payment.id, reason: 'Customer will pay the difference', reversedOn: clock.today });
            count('reverse:write_off');
          });
        }
      });
    } else if (roll < 0.6) {
      // Paid twice by mistake: the excess is refunded.
      later(wait, async () => {
        const s = await state(o.id);
        await pay(s, minorOf(s.balance), 'credit_card');
        await pay(await state(o.id), rnd.int(500, 3000), 'check');
        later(rnd.int(1, 9), async () => {
          const over = await state(o.id);
          if (minorOf(over.balance) >= 0) return;
          await call(app, 'payments.refund', { orderId: o.id, amount: cents(-minorOf(over.balance)), paidOn: clock.today, method: rnd.pick(METHODS), reason: 'Paid twice' });
          count('refund');
        });
      });
    } else if (roll < 0.72) {
      // Invoiced (sometimes with shipping), then paid; now and then partly credited.
      later(wait, async () => {
        const shipping = rnd.chance(0.5) ? { shipping: cents(rnd.int(5, 25) * 100) } : {};
        const { invoice } = await call(app, 'invoices.issue', { orderId: o.id, issuedOn: clock.today, ...shipping });
        count('invoice');
        later(rnd.int(1, 10), async () => void (await pay(await state(o.id), minorOf((await state(o.id)).balance))));
        if (rnd.chance(0.4)) {
          later(rnd.int(0, 6), async () => {
            await call(app, 'invoices.credit', { invoiceId: invoice.id, lines: [{ position: 1, quantity: 1 }], reason: 'One copy arrived damaged', issuedOn: clock.today });
            count('creditNote');
          });
        }
      });
    } else if (roll < 0.82) {
      // Cancelled; when it had been paid, the money is refunded afterwards.
      later(wait, async () => {
        if (rnd.chance(0.5)) await pay(await state(o.id), minorOf((await state(o.id)).balance), 'bank_transfer');
        await call(app, 'orders.cancel', { id: o.id, reason: rnd.pick(['Ordered twice', 'Customer withdrew the order', 'Title out of print']) });
        count('cancel');
        later(rnd.int(1, 8), async () => {
          const c = await state(o.id);
          if (minorOf(c.balance) >= 0) return;
          await call(app, 'payments.refund', { orderId: o.id, amount: cents(-minorOf(c.balance)), paidOn: clock.today, method: 'bank_transfer', reason: 'Order cancelled' });
          count('refund');
        });
      });
    } else if (roll < 0.9) {
      // A payment recorded on the wrong order is reversed, then the right amount comes in.
      later(wait, async () => {
        const id = await pay(await state(o.id), minorOf((await state(o.id)).balance), rnd.pick(METHODS));
        later(rnd.int(0, 6), async () => {
          await call(app, 'payments.reverse', { paymentId: id, reason: 'Recorded on the wrong order', reversedOn: clock.today });
          count('reverse:payment');
        });
      });
    }
    // The rest stays unpaid: it shows in the outstanding amounts.
  };

  /** One customer overpays one order and the credit is moved to their next one (not money received). */
  const creditMove = async () => {
    const customer = { ...CUSTOMERS[0]!, name: 'Bibliothèque de Genève' };
    const order = (title: string) => call(app, 'orders.create', { customer, currency: 'CHF', receivedVia: 'mail', receivedOn: clock.today, lines: [{ title, quantity: 1, unitPrice: '50.00' }] }).then((r) => r.order as OrderState);
    const first = await order('Atlas des migrations');
    const second = await order('Remittances in West Africa');
    count('order');
    count('order');
    await call(app, 'payments.record', { orderId: first.id, method: 'check', receivedOn: clock.today, amount: '80.00', check: { number: '1001', bank: 'BCGE' }, confirmed: true });
    count('payment:check');
    await call(app, 'payments.applyCredit', { fromOrderId: first.id, toOrderId: second.id, amount: '30.00', movedOn: clock.today });
    count('creditMove');
  };

  for (let day = start; day <= end; day = addDays(day, 1)) {
    clock.today = day;
    const inMonth = day.startsWith(month);
    const arrivals = rnd.int(0, inMonth ? 4 : 2);
    for (let i = 0; i < arrivals; i++) plan(await createOrder());
    if (day === `${month}-14`) await creditMove();
    for (const action of agenda.get(day) ?? []) await action();
  }
  clock.today = end;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, done };
}
