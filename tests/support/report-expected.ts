/**
 * Every figure of a MonthlyReport computed again, independently of the report code: plain
 * JavaScript over `SELECT *` of the tables, with its own integer arithmetic in cents and its
 * own formatting. The rules it encodes are the report's documented ones:
 * - orders received in the period; "not cancelled" = not cancelled by the period's last day;
 * - every movement on its own date, a reversal row negatively on its date; credit moves left out;
 * - bank fees = fees deducted from the (non-reversal) transfers dated in the period; the write-offs
 *   that settle them with their transfer are not write-offs again;
 * - outstanding as of the last day: an order's total until invoiced, then invoices less credit
 *   notes issued by then, less what its movements settled by then; aged from its first invoice
 *   (or its received day), only what is still owed.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { Db } from '../../db/connection';

countries.registerLocale(en);

const CURRENCIES = ['CHF', 'EUR', 'USD'];
const CHANNELS = ['mail', 'fax', 'email', 'other'];
const METHODS = ['credit_card', 'check', 'bank_transfer'];

/** Cents as the report writes them: "-12.50", "0.00". */
export function money(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

interface Tables {
  orders: any[];
  lines: any[];
  payments: any[];
  invoices: any[];
  publications: any[];
  customers: any[];
}

export function readTables(db: Db): Tables {
  const all = (table: string) => db.prepare(`SELECT * FROM ${table}`).all() as any[];
  return { orders: all('orders'), lines: all('order_lines'), payments: all('payments'), invoices: all('invoices'), publications: all('publications'), customers: all('customers') };
}

const currencyRank = (c: string) => CURRENCIES.indexOf(c);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const binary = (a: string, b: string) => (Buffer.compare(Buffer.from(a), Buffer.from(b)));

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
}

export function expectedReport(db: Db, from: string, to: string) {
  const t = readTables(db);
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= to;
  const received = t.orders.filter((o) => inPeriod(o.received_on));
  const cancelledByEnd = (o: any) => o.status === 'cancelled' && o.cancelled_on <= to;
  const kept = received.filter((o) => !cancelledByEnd(o));

  const currenciesOf = (rows: { currency: string }[]) => [...new Set(rows.map((r) => r.currency))].sort((a, b) => currencyRank(a) - currencyRank(b));

  const orders = {
    count: received.length,
    byChannel: CHANNELS.map((key) => ({ key, count: received.filter((o) => o.received_via === key).length })),
    byPaymentMethod: [...METHODS, 'none'].map((key) => ({ key, count: received.filter((o) => (o.payment_method ?? 'none') === key).length })),
    byCurrency: currenciesOf(received).map((currency) => ({
      currency,
      count: received.filter((o) => o.currency === currency).length,
      amount: money(sum(kept.filter((o) => o.currency === currency).map((o) => o.total_minor))),
    })),
    perDay: days(from, to).map((date) => ({ date, count: received.filter((o) => o.received_on === date).length })),
    cancelled: t.orders
      .filter((o) => o.status === 'cancelled' && inPeriod(o.cancelled_on))
      .sort((a, b) => binary(a.cancelled_on, b.cancelled_on) || binary(a.number, b.number))
      .map((o) => ({
        orderId: o.id,
        orderNumber: o.number,
        customerName: o.customer_name,
        receivedOn: o.received_on,
        cancelledOn: o.cancelled_on,
        currency: o.currency,
        amount: money(o.total_minor),
        reason: o.cancel_reason,
      })),
  };

  const keptIds = new Map(kept.map((o) => [o.id, o]));
  const titleGroups = new Map<string, { currency: string; publicationId: number | null; title: string; isbn: string; copies: number; minor: number }>();
  for (const line of t.lines) {
    const o = keptIds.get(line.order_id);
    if (!o) continue;
    const publication = t.publications.find((p) => p.id === line.publication_id);
    const key = `${o.currency}|${line.publication_id ?? `free:${line.title}`}`;
    const group = titleGroups.get(key) ?? { currency: o.currency, publicationId: line.publication_id, title: publication ? publication.title : line.title, isbn: publication ? publication.isbn : '', copies: 0, minor: 0 };
    group.copies += line.quantity;
    group.minor += line.line_total_minor;
    titleGroups.set(key, group);
  }
  const titles = [...titleGroups.values()]
    .sort((a, b) => b.copies - a.copies || b.minor - a.minor || binary(a.title, b.title) || binary(a.currency, b.currency))
    .map((g) => ({ publicationId: g.publicationId, title: g.title, isbn: g.isbn, currency: g.currency, copies: g.copies, amount: money(g.minor) }));

  const documents = t.invoices.filter((i) => inPeriod(i.issued_on));
  const amounts = currenciesOf([...received, ...documents]).map((currency) => {
    const of = (kind: string) => documents.filter((i) => i.currency === currency && i.kind === kind);
    return {
      currency,
      ordered: money(sum(kept.filter((o) => o.currency === currency).map((o) => o.total_minor))),
      invoiced: money(sum(of('invoice').map((i) => i.total_minor))),
      invoices: of('invoice').length,
      credited: money(sum(of('credit_note').map((i) => i.total_minor))),
      creditNotes: of('credit_note').length,
    };
  });

  // The write-off of a transfer's bank fees (and its reversal) is counted as bank fees only.
  const moves = t.payments.filter((p) => inPeriod(p.on_date) && ['payment', 'refund', 'write_off'].includes(p.kind) && p.fees_of_id === null);
  const signed = (p: any) => (p.reverses_id === null ? p.amount_minor : -p.amount_minor);
  const byMethod = (kind: string) => {
    const rows: any[] = [];
    for (const currency of CURRENCIES) {
      for (const method of METHODS) {
        const of = moves.filter((p) => p.kind === kind && p.currency === currency && p.method === method);
        if (of.length === 0) continue;
        rows.push({ currency, method, count: of.filter((p) => p.reverses_id === null).length, reversals: of.filter((p) => p.reverses_id !== null).length, amount: money(sum(of.map(signed))) });
      }
    }
    return rows;
  };
  const moneySection = {
    byMethod: byMethod('payment'),
    refunds: byMethod('refund'),
    writeOffs: currenciesOf(moves.filter((p) => p.kind === 'write_off')).map((currency) => {
      const of = moves.filter((p) => p.kind === 'write_off' && p.currency === currency);
      return {
        currency,
        count: of.filter((p) => p.reverses_id === null).length,
        reversals: of.filter((p) => p.reverses_id !== null).length,
        amount: money(sum(of.map(signed))),
        reasons: [...new Set(of.filter((p) => p.reverses_id === null && p.reason !== '').map((p) => p.reason as string))].sort(),
      };
    }),
    totals: currenciesOf(moves).map((currency) => {
      const of = (kind: string) => sum(moves.filter((p) => p.kind === kind && p.currency === currency).map(signed));
      const fees = sum(moves.filter((p) => p.kind === 'payment' && p.currency === currency && p.reverses_id === null).map((p) => p.fees_deducted_minor ?? 0));
      return { currency, received: money(of('payment')), refunded: money(of('refund')), bankFees: money(fees), writtenOff: money(of('write_off')), net: money(of('payment') - of('refund')) };
    }),
  };

  // Outstanding on the last day, aged in the payments issue's four buckets.
  const buckets = new Map<string, { b: number[]; total: number; orders: number }>();
  for (const o of t.orders) {
    if (o.received_on > to || cancelledByEnd(o)) continue;
    const docs = t.invoices.filter((i) => i.order_id === o.id && i.issued_on <= to);
    const invoiceDates = docs.filter((i) => i.kind === 'invoice').map((i) => i.issued_on as string).sort();
    const owed = invoiceDates.length === 0 ? o.total_minor : sum(docs.map((i) => (i.kind === 'invoice' ? i.total_minor : -i.total_minor)));
    const settled = sum(
      t.payments
        .filter((p) => p.order_id === o.id && p.on_date <= to)
        .map((p) => (['payment', 'write_off', 'credit_in'].includes(p.kind) ? 1 : -1) * signed(p)),
    );
    const minor = owed - settled;
    if (minor <= 0) continue;
    const since = invoiceDates[0] ?? o.received_on;
    const age = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000);
    const bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
    const row = buckets.get(o.currency) ?? { b: [0, 0, 0, 0], total: 0, orders: 0 };
    row.b[bucket]! += minor;
    row.total += minor;
    row.orders += 1;
    buckets.set(o.currency, row);
  }
  const outstanding = {
    asOf: to,
    rows: [...buckets.entries()]
      .sort(([a], [b]) => currencyRank(a) - currencyRank(b))
      .map(([currency, r]) => ({
        currency,
        buckets: { '0-30': money(r.b[0]!), '31-60': money(r.b[1]!), '61-90': money(r.b[2]!), 'over-90': money(r.b[3]!) },
        total: money(r.total),
        orders: r.orders,
      })),
  };

  const top = <K>(keyOf: (o: any) => K, tieBreak: (a: K, b: K) => number) => {
    const rows: { currency: string; key: K; orders: number; minor: number; sample: any }[] = [];
    for (const currency of CURRENCIES) {
      const groups = new Map<K, { orders: number; minor: number; sample: any }>();
      for (const o of kept.filter((x) => x.currency === currency)) {
        const g = groups.get(keyOf(o)) ?? { orders: 0, minor: 0, sample: o };
        g.orders += 1;
        g.minor += o.total_minor;
        groups.set(keyOf(o), g);
      }
      rows.push(...[...groups.entries()].sort(([ka, a], [kb, b]) => b.minor - a.minor || tieBreak(ka, kb)).slice(0, 10).map(([key, g]) => ({ currency, key, ...g })));
    }
    return rows;
  };
  const topCustomers = top((o) => o.customer_id as number, (a, b) => a - b).map((r) => {
    const customer = t.customers.find((c) => c.id === r.key)!;
    return { currency: r.currency, customerId: r.key, customerName: customer.name, country: customer.country, countryName: countries.getName(customer.country, 'en'), orders: r.orders, amount: money(r.minor) };
  });
  const topCountries = top((o) => o.customer_country as string, binary).map((r) => ({
    currency: r.currency,
    country: r.key,
    countryName: countries.getName(r.key, 'en'),
    orders: r.orders,
    amount: money(r.minor),
  }));

  const currencies = currenciesOf([...orders.byCurrency, ...orders.cancelled, ...titles, ...amounts, ...moneySection.totals, ...outstanding.rows]);
  return { currencies, orders, titles, amounts, money: moneySection, outstanding, topCustomers, topCountries };
}
