import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { OrderInput, OrderUpdateInput } from '../../../shared/contract/orders';
import type { Order } from '../../../shared/contract/types';
import { whyNot } from '../../../shared/domain/order-rules';
import { orderTotals, toMinorUnits } from '../../../shared/money/money';
import { timestamp, type ServiceContext, type WriteContext } from '../../context';
import { audit } from '../audit';
import { resolveOrderCustomer } from '../customers';
import { getOrderById } from './read';
import { discountToBasisPoints } from './rows';
import { indexOrder } from './search-index';
import { statement } from '../../statements';
import { syncOrderMoney } from '../payments/sync';
import { assertOpenDate } from '../reports/closed-months';
import { checkDate } from '../date-check';

type OrderFields = z.output<typeof OrderInput>;

interface ResolvedLine {
  publicationId: number | null;
  title: string;
  freeText: boolean;
  quantity: number;
  unitPrice: string;
  discountPercent: string | null;
}

/**
 * Snapshots each line's title from the catalogue. A line without a publication is a
 * free-text title; it is kept, and the order is flagged for review.
 */
function resolveLines(ctx: ServiceContext, lines: OrderFields['lines'], allowRetiredIds: ReadonlySet<number>): ResolvedLine[] {
  const find = statement(ctx, 'SELECT title, active FROM publications WHERE id = ?');
  return lines.map((line, index) => {
    if (line.publicationId == null) {
      return { publicationId: null, title: line.title, freeText: true, quantity: line.quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent };
    }
    const publication = find.get(line.publicationId) as { title: string; active: number } | undefined;
    if (!publication) throw new DomainError('not_found', `Line ${index + 1}: this title is not in the catalogue.`, `lines.${index}.publicationId`);
    if (publication.active === 0 && !allowRetiredIds.has(line.publicationId)) {
      throw new DomainError('invalid_input', `Line ${index + 1}: "${publication.title}" is retired and can no longer be ordered.`, `lines.${index}.publicationId`);
    }
    return {
      publicationId: line.publicationId,
      title: publication.title,
      freeText: false,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
    };
  });
}

function writeLines(ctx: WriteContext, orderId: number, lines: ResolvedLine[], currency: OrderFields['currency']): number {
  const totals = orderTotals(lines, currency);
  const insert = statement(ctx,
    `INSERT INTO order_lines (order_id, position, publication_id, title, free_text, quantity, unit_price_minor, discount_bp, line_total_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((line, i) => {
    insert.run(
      orderId,
      i + 1,
      line.publicationId,
      line.title,
      line.freeText ? 1 : 0,
      line.quantity,
      toMinorUnits(line.unitPrice, currency),
      discountToBasisPoints(line.discountPercent),
      toMinorUnits(totals.lineTotals[i]!, currency),
    );
  });
  return toMinorUnits(totals.total, currency);
}

/**
 * Next number in the year the order was received: 2026-00001, 2026-00002, … Read under the
 * write lock, so another process cannot take the same number between this read and the insert.
 */
function nextOrderNumber(ctx: WriteContext, receivedOn: string): string {
  const year = receivedOn.slice(0, 4);
  const last = statement(ctx, "SELECT max(number) AS n FROM orders WHERE number LIKE ? || '-%'").get(year) as { n: string | null };
  const sequence = last.n ? Number(last.n.slice(5)) + 1 : 1;
  return `${year}-${String(sequence).padStart(5, '0')}`;
}

function orderColumns(input: OrderFields, customerId: number, needsReview: boolean) {
  return {
    receivedOn: input.receivedOn,
    receivedVia: input.receivedVia,
    currency: input.currency,
    customerId,
    name: input.customer.name,
    address: input.customer.address,
    country: input.customer.country,
    city: input.customer.city,
    postalCode: input.customer.postalCode,
    phone: input.customer.phone,
    email: input.customer.email,
    paymentMethod: input.paymentMethod ?? null,
    customerReference: input.customerReference,
    notes: input.notes,
    needsReview: needsReview ? 1 : 0,
  };
}

export function createOrder(ctx: WriteContext, input: OrderFields): { order: Order } {
  checkDate(ctx, input.receivedOn, { field: 'receivedOn', label: 'Date received' });
  const lines = resolveLines(ctx, input.lines, new Set());
  const customerId = resolveOrderCustomer(ctx, input.customerId, input.customer);
  const now = timestamp(ctx);
  const columns = orderColumns(input, customerId, lines.some((l) => l.freeText));
  const orderId = Number(
    statement(ctx,
        `INSERT INTO orders (number, received_on, received_via, currency, customer_id, customer_name, customer_address, customer_country,
           customer_city, customer_postal_code, customer_phone, customer_email, payment_method, customer_reference, notes, needs_review,
           total_minor, created_at, updated_at)
         VALUES (@number, @receivedOn, @receivedVia, @currency, @customerId, @name, @address, @country, @city, @postalCode, @phone, @email,
           @paymentMethod, @customerReference, @notes, @needsReview, 0, @now, @now)`,
      )
      .run({ ...columns, number: nextOrderNumber(ctx, input.receivedOn), now }).lastInsertRowid,
  );
  const totalMinor = writeLines(ctx, orderId, lines, input.currency);
  statement(ctx, 'UPDATE orders SET total_minor = ? WHERE id = ?').run(totalMinor, orderId);
  syncOrderMoney(ctx, orderId);
  indexOrder(ctx, orderId);
  const order = getOrderById(ctx, orderId);
  audit(ctx, 'order', orderId, 'create', null, order);
  return { order };
}

function assertEditable(order: Order): void {
  const reason = whyNot('edit', order);
  if (reason) throw new DomainError('conflict', reason, 'id');
}

/**
 * updated_at doubles as the order's version for expectedUpdatedAt, so each change must
 * get a later stamp than the one before, even within the same millisecond.
 */
export function nextVersion(ctx: ServiceContext, previous: string): string {
  const now = timestamp(ctx);
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

export function updateOrder(ctx: WriteContext, input: z.output<typeof OrderUpdateInput>): { order: Order } {
  const before = getOrderById(ctx, input.id);
  assertEditable(before);
  // Neither the month it was received in nor the one it would move to may be closed.
  assertOpenDate(ctx, before.receivedOn, 'receivedOn', `Order ${before.number}, received on ${before.receivedOn},`);
  checkDate(ctx, input.receivedOn, { field: 'receivedOn', label: 'Date received' });
  if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== before.updatedAt) {
    throw new DomainError('conflict', `Order ${before.number} was changed by someone else meanwhile. Reload it to see the changes, then edit again.`, 'id');
  }
  // Lines that already named a now-retired title may stay on the order they were taken on.
  const keptRetired = new Set(before.lines.map((l) => l.publicationId).filter((id): id is number => id !== null));
  const lines = resolveLines(ctx, input.lines, keptRetired);
  const customerId = resolveOrderCustomer(ctx, input.customerId ?? before.customerId, input.customer);
  const columns = orderColumns(input, customerId, lines.some((l) => l.freeText));
  statement(ctx, 'DELETE FROM order_lines WHERE order_id = ?').run(input.id);
  const totalMinor = writeLines(ctx, input.id, lines, input.currency);
  statement(ctx,
      `UPDATE orders SET received_on = @receivedOn, received_via = @receivedVia, currency = @currency, customer_id = @customerId,
         customer_name = @name, customer_address = @address, customer_country = @country, customer_city = @city,
         customer_postal_code = @postalCode, customer_phone = @phone, customer_email = @email, payment_method = @paymentMethod,
         customer_reference = @customerReference, notes = @notes, needs_review = @needsReview, total_minor = @totalMinor, updated_at = @now
       WHERE id = @id`,
    )
    .run({ ...columns, totalMinor, now: nextVersion(ctx, before.updatedAt), id: input.id });
  syncOrderMoney(ctx, input.id);
  indexOrder(ctx, input.id);
  const after = getOrderById(ctx, input.id);
  audit(ctx, 'order', input.id, 'update', before, after);
  return { order: after };
}
