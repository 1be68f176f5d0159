import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { OrderInvoice, OrderListInput, OrderRecord } from '../../../shared/contract/orders';
import { monthBounds } from '../../../shared/domain/calendar';
import { allowedActions } from '../../../shared/domain/order-rules';
import type { Order, OrderSummary } from '../../../shared/contract/types';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { auditHistory } from '../audit';
import { toOrder, toOrderHead, toOrderSummary, type OrderLineRow, type OrderRow } from './rows';
import { toFtsQuery } from './search-index';
import { balanceOf, ledgerOf, movementRows } from '../payments/ledger';
import { invoicedAmounts } from '../invoices/order-amounts';
import { openInvoiceOf } from '../invoices/stored';
import { INVOICE_LIST, type InvoiceListRow } from '../invoices/rows';
import { queryTerms } from './search-terms';
import { ensureCountryRanks, ORDERS_WITH_COUNTRY_RANK } from './country-order';

export function getOrderById(ctx: ServiceContext, id: number): Order {
  const row = statement(ctx, 'SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
  if (!row) throw new DomainError('not_found', `Order ${id} does not exist.`, 'id');
  const lines = statement(ctx, 'SELECT * FROM order_lines WHERE order_id = ? ORDER BY position').all(id) as OrderLineRow[];
  return toOrder(row, lines);
}

/** An order without its lines. */
export type OrderHead = Omit<Order, 'lines'>;

/** The order without reading its lines: for money movements, which never depend on them. */
export function getOrderHead(ctx: ServiceContext, id: number): OrderHead {
  const row = statement(ctx, 'SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
  if (!row) throw new DomainError('not_found', `Order ${id} does not exist.`, 'id');
  return toOrderHead(row);
}

function orderInvoices(ctx: ServiceContext, order: Order): OrderInvoice[] {
  const rows = statement(ctx, `${INVOICE_LIST} WHERE order_id = ? ORDER BY issued_on, id`).all(order.id) as InvoiceListRow[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, issuedOn: r.issued_on, total: fromMinorUnits(r.total_minor, order.currency), status: r.status }));
}

/** The order with its history, invoices, payments and what is still owed. */
export function getOrder(ctx: ServiceContext, input: { id: number }): OrderRecord {
  const order = getOrderById(ctx, input.id);
  const rows = movementRows(ctx, order.id);
  const documents = invoicedAmounts(ctx, order.id, order.currency);
  const account = balanceOf(order, rows, documents);
  return {
    order,
    history: auditHistory(ctx, 'order', input.id),
    payments: ledgerOf(order, rows, documents),
    invoices: orderInvoices(ctx, order),
    balance: account.balance,
    account,
    allowed: allowedActions({ ...order, openInvoice: openInvoiceOf(ctx, order.id)?.number ?? null }),
  };
}

type ListInput = z.output<typeof OrderListInput>;

/**
 * ORDER BY per sort field; ties are broken by date then id in the same direction, so
 * each sort is exactly the order of one index (schema and migration 0004), read
 * forwards or backwards: the first page never sorts the table.
 */
const SORT_ORDER: Record<ListInput['sort'], (dir: 'ASC' | 'DESC') => string> = {
  number: (dir) => `number ${dir}`,
  receivedOn: (dir) => `received_on ${dir}, id ${dir}`,
  customerName: (dir) => `customer_sort_key ${dir}, id ${dir}`,
  // By the country's name in the clerk's locale (country-order.ts), not its ISO code.
  country: (dir) => `country_rank.rank ${dir}, orders.received_on ${dir}, orders.id ${dir}`,
  currency: (dir) => `currency ${dir}, received_on ${dir}, id ${dir}`,
  total: (dir) => `total_minor ${dir}, id ${dir}`,
  status: (dir) => `status ${dir}, received_on ${dir}, id ${dir}`,
  paymentStatus: (dir) => `payment_status ${dir}, received_on ${dir}, id ${dir}`,
  balance: (dir) => `balance_minor ${dir}, id ${dir}`,
};

/**
 * Above this many search matches, walking the sort index and checking each order
 * against the matches beats fetching and sorting every match (a word in most titles).
 */
const MANY_MATCHES = 2000;

interface ListQuery {
  select: string;
  count: string;
  params: Record<string, string | number>;
  countParams: Record<string, string | number>;
  /** The count, when working out the query already told it. */
  knownCount: number | null;
  /** Set for a search matching most orders: the first pages are found by walking the sort order. */
  walk: SortWalk | null;
}

interface SortWalk {
  /** The orders to walk, best first: the filters and the sort, without the search. */
  candidates: string;
  params: Record<string, string | number>;
  /** The search with every prefix spelt out, so a range of the index is cheap to read. */
  exactFts: string;
}

function filterConditions(input: ListInput, params: Record<string, string | number>): string[] {
  const where: string[] = [];
  if (input.status) {
    where.push('status = @status');
    params.status = input.status;
  }
  if (input.paymentStatus) {
    where.push('payment_status = @paymentStatus');
    params.paymentStatus = input.paymentStatus;
  }
  if (input.currency) {
    where.push('currency = @currency');
    params.currency = input.currency;
  }
  if (input.month) {
    where.push('received_on >= @monthStart AND received_on < @nextMonthStart');
    [params.monthStart, params.nextMonthStart] = monthBounds(input.month);
  }
  if (input.receivedVia) {
    where.push('received_via = @receivedVia');
    params.receivedVia = input.receivedVia;
  }
  if (input.paymentMethod) {
    where.push('payment_method = @paymentMethod');
    params.paymentMethod = input.paymentMethod;
  }
  return where;
}

function ftsMatchCount(ctx: ServiceContext, fts: string): number {
  return (statement(ctx, 'SELECT count(*) AS n FROM orders_fts WHERE orders_fts MATCH ?').get(fts) as { n: number }).n;
}

const whereClause = (where: readonly string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

function buildListQuery(ctx: ServiceContext, input: ListInput): ListQuery {
  const params: Record<string, string | number> = {};
  const where = filterConditions(input, params);
  const filtered = where.length > 0;
  const order = SORT_ORDER[input.sort](input.direction === 'asc' ? 'ASC' : 'DESC');
  const from = input.sort === 'country' ? ORDERS_WITH_COUNTRY_RANK : 'orders';
  const fts = toFtsQuery(input.query);
  let countOnlyFts = false;
  let knownCount: number | null = null;
  let walk: SortWalk | null = null;
  if (fts) {
    // The index's vocabulary bounds the matches cheaply; without it, FTS5 counts them.
    const terms = queryTerms(ctx, fts);
    const matches = terms ? terms.upperBound : ftsMatchCount(ctx, fts);
    if (!filtered) knownCount = terms ? terms.exactCount : matches;
    const many = matches > MANY_MATCHES;
    if (many && terms?.exactQuery) walk = { candidates: `SELECT orders.id FROM ${from} ${whereClause(where)} ORDER BY ${order} LIMIT @batch OFFSET @skip`, params: { ...params }, exactFts: terms.exactQuery };
    params.fts = fts;
    // "+id" keeps SQLite from fetching every match by id; it then walks the sort (or filter) index instead.
    where.push(`${many ? '+id' : 'id'} IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH @fts)`);
    countOnlyFts = !filtered;
  }
  const clause = whereClause(where);
  return {
    select: `SELECT orders.* FROM ${from} ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    // Every index row is an order, so without filters the index alone gives the count.
    count: countOnlyFts ? 'SELECT count(*) AS n FROM orders_fts WHERE orders_fts MATCH @fts' : `SELECT count(*) AS n FROM orders ${clause}`,
    params: { ...params, limit: input.limit, offset: input.offset },
    countParams: params,
    knownCount,
    walk,
  };
}

/** Walking the sort order serves the first pages; deeper ones are read with every match in SQL. */
const WALK_UP_TO = 500;
const WALK_BATCH = 200;
const WALK_MAX_BATCHES = 8;

/**
 * The page of a search that matches most orders, found the way a clerk would: take the
 * orders in list order, a batch at a time, and keep those the index holds. Each batch
 * asks the index only about the range of ids it spans, which for the usual newest-first
 * list is a narrow slice of it. Null when walking would not pay (a deep page, ids spread
 * over the whole table by another sort, too few matches near the top): SQL does it then.
 */
function walkSortOrder(ctx: ServiceContext, input: ListInput, walk: SortWalk): OrderRow[] | null {
  const wanted = input.offset + input.limit;
  if (wanted > WALK_UP_TO) return null;
  const candidates = statement(ctx, walk.candidates).pluck();
  // FTS5 only narrows its reading to a rowid range given as INTEGER values; the driver binds JS numbers as REAL.
  const inRange = statement(ctx, 'SELECT rowid FROM orders_fts WHERE orders_fts MATCH @fts AND rowid BETWEEN CAST(@low AS INTEGER) AND CAST(@high AS INTEGER)').pluck();
  const found: number[] = [];
  for (let batch = 0; found.length < wanted; batch += 1) {
    if (batch === WALK_MAX_BATCHES) return null;
    const ids = candidates.all({ ...walk.params, batch: WALK_BATCH, skip: batch * WALK_BATCH }) as number[];
    if (ids.length === 0) break;
    const low = Math.min(...ids);
    const high = Math.max(...ids);
    if (high - low > WALK_BATCH * 20) return null;
    const matching = new Set(inRange.all({ fts: walk.exactFts, low, high }) as number[]);
    for (const id of ids) {
      if (matching.has(id)) found.push(id);
      if (found.length === wanted) break;
    }
    if (ids.length < WALK_BATCH) break;
  }
  const pageIds = found.slice(input.offset);
  if (pageIds.length === 0) return [];
  const rows = statement(ctx, 'SELECT * FROM orders WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(pageIds)) as OrderRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return pageIds.map((id) => byId.get(id)!);
}

/** Filtering, searching, sorting and paging all happen in SQL so 100,000 orders stay instant. */
export function listOrders(ctx: ServiceContext, input: ListInput): { rows: OrderSummary[]; total: number } {
  if (input.sort === 'country') ensureCountryRanks(ctx);
  const query = buildListQuery(ctx, input);
  const rows = (query.walk ? walkSortOrder(ctx, input, query.walk) : null) ?? (statement(ctx, query.select).all(query.params) as OrderRow[]);
  // A short page already tells the total; only a full one (or none past the end) needs counting.
  const total =
    rows.length < input.limit && (rows.length > 0 || input.offset === 0)
      ? input.offset + rows.length
      : (query.knownCount ?? (statement(ctx, query.count).get(query.countParams) as { n: number }).n);
  return { rows: rows.map(toOrderSummary), total };
}

/** SQLite's plan for a list request (page query and count), for the benchmark and tests. */
export function explainListOrders(ctx: ServiceContext, input: ListInput): { page: string[]; count: string[] } {
  if (input.sort === 'country') ensureCountryRanks(ctx);
  const query = buildListQuery(ctx, input);
  const plan = (sql: string, params: Record<string, string | number>) =>
    (statement(ctx, `EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
  return { page: plan(query.select, query.params), count: plan(query.count, query.countParams) };
}
