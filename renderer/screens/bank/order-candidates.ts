/**
 * Orders a bank line can be assigned to, however the clerk found them: a suggestion of the
 * back end, the orders search, or the invoices search (which knows invoice numbers).
 */
import type { Result } from '../../../shared/api/errors';
import type { BankSuggestion } from '../../../shared/contract/bank';
import type { InvoiceSummary } from '../../../shared/contract/invoices';
import type { OrderSummary } from '../../../shared/contract/types';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { signOf } from '../../../shared/money/money';
import { orderDesk } from '../../api/client';

export interface OrderCandidate {
  orderId: number;
  orderNumber: string;
  invoiceNumber: string | null;
  customerName: string;
  currency: CurrencyCode;
  /** What the order owes now (negative: a credit held). */
  balance: string;
}

export function fromSuggestion(s: BankSuggestion): OrderCandidate {
  return { orderId: s.orderId, orderNumber: s.orderNumber, invoiceNumber: s.invoiceNumber, customerName: s.customerName, currency: s.currency, balance: s.balance };
}

export function fromOrder(o: OrderSummary): OrderCandidate {
  return { orderId: o.id, orderNumber: o.number, invoiceNumber: null, customerName: o.customerName, currency: o.currency, balance: o.balance };
}

export function fromInvoice(i: InvoiceSummary): OrderCandidate {
  return { orderId: i.orderId, orderNumber: i.orderNumber, invoiceNumber: i.number, customerName: i.customerName, currency: i.currency, balance: i.balance };
}

/**
 * Any order or invoice in the line's currency, found by what the clerk types: invoice numbers
 * through the invoices search, everything else (order number, name, city, e-mail, title) through
 * the orders search. One entry per order, the invoice number kept when known.
 */
export async function searchCandidates(text: string, currency: CurrencyCode): Promise<Result<OrderCandidate[]>> {
  const query = text.trim();
  const [orders, invoices] = await Promise.all([
    orderDesk().orders.list({ query, currency, limit: 10 }),
    orderDesk().invoices.list({ query, currency, kind: 'invoice', limit: 10 }),
  ]);
  if (!orders.ok) return orders;
  if (!invoices.ok) return invoices;
  const found = new Map<number, OrderCandidate>();
  for (const i of invoices.value.rows) if (i.status !== 'credited' && !found.has(i.orderId)) found.set(i.orderId, fromInvoice(i));
  for (const o of orders.value.rows) if (!found.has(o.id)) found.set(o.id, fromOrder(o));
  return { ok: true, value: [...found.values()] };
}

/** The other orders of the same customer that still owe something in the currency: one transfer often pays several. */
export async function customerOpenOrders(orderId: number, currency: CurrencyCode): Promise<Result<{ customerName: string; orders: OrderCandidate[] }>> {
  const record = await orderDesk().orders.get({ id: orderId });
  if (!record.ok) return record;
  const { order } = record.value;
  if (order.customerId === null) return { ok: true, value: { customerName: order.customer.name, orders: [] } };
  const list = await orderDesk().customers.orders({ id: order.customerId, limit: 200, offset: 0 });
  if (!list.ok) return list;
  const open = list.value.rows.filter((o) => o.id !== orderId && o.currency === currency && o.status !== 'cancelled' && signOf(o.balance) > 0);
  return { ok: true, value: { customerName: order.customer.name, orders: open.map(fromOrder) } };
}
