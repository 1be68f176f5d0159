import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { OrderListInput } from '../../../shared/contract/orders';
import type { AuditEntry, Order, OrderSummary } from '../../../shared/contract/types';
import type { ServiceContext } from '../../context';
import { auditHistory } from '../audit';
import { toOrder, toOrderSummary, type OrderLineRow, type OrderRow } from './rows';
import { toFtsQuery } from './search-index';

export function getOrderById(ctx: ServiceContext, id: number): Order {
  const row = ctx.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
  if (!row) throw new DomainError('not_found', `Order ${id} does not exist.`, 'id');
  const lines = ctx.db.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY position').all(id) as OrderLineRow[];
  return toOrder(row, lines);
}

export function getOrder(ctx: ServiceContext, input: { id: number }): { order: Order; history: AuditEntry[] } {
  return { order: getOrderById(ctx, input.id), history: auditHistory(ctx, 'order', input.id) };
}

const SORT_COLUMNS: Record<z.output<typeof OrderListInput>['sort'], string> = {
  number: 'number',
  receivedOn: 'received_on',
  customerName: 'customer_name COLLATE NOCASE',
  country: 'customer_country',
  currency: 'currency',
  total: 'total_minor',
  status: 'status',
};

/** Filtering, searching, sorting and paging all happen in SQL so 100,000 orders stay instant. */
export function listOrders(ctx: ServiceContext, input: z.output<typeof OrderListInput>): { rows: OrderSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset };
  const fts = toFtsQuery(input.query);
  if (fts) {
    where.push('id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH @fts)');
    params.fts = fts;
  }
  if (input.status) {
    where.push('status = @status');
    params.status = input.status;
  }
  if (input.currency) {
    where.push('currency = @currency');
    params.currency = input.currency;
  }
  if (input.month) {
    where.push("received_on >= @monthStart AND received_on < date(@monthStart, '+1 month')");
    params.monthStart = `${input.month}-01`;
  }
  if (input.receivedVia) {
    where.push('received_via = @receivedVia');
    params.receivedVia = input.receivedVia;
  }
  if (input.paymentMethod) {
    where.push('payment_method = @paymentMethod');
    params.paymentMethod = input.paymentMethod;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_COLUMNS[input.sort]} ${direction}, id ${direction}`;
  const rows = ctx.db.prepare(`SELECT * FROM orders ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as OrderRow[];
  const { limit: _limit, offset: _offset, ...countParams } = params;
  const { n } = ctx.db.prepare(`SELECT count(*) AS n FROM orders ${clause}`).get(countParams) as { n: number };
  return { rows: rows.map(toOrderSummary), total: n };
}
