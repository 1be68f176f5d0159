import type { Order, OrderLine, OrderSummary } from '../../../shared/contract/types';
import type { OrderStatus, PaymentMethod, PaymentStatus, ReceivedVia } from '../../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';

export interface OrderRow {
  id: number;
  number: string;
  received_on: string;
  received_via: ReceivedVia;
  currency: CurrencyCode;
  customer_id: number | null;
  customer_name: string;
  customer_address: string;
  customer_country: string;
  customer_city: string;
  customer_postal_code: string;
  customer_phone: string;
  customer_email: string;
  payment_method: PaymentMethod | null;
  customer_reference: string;
  status: OrderStatus;
  payment_status: PaymentStatus;
  balance_minor: number;
  notes: string;
  needs_review: number;
  cancel_reason: string;
  cancelled_on: string | null;
  shipped_on: string | null;
  carrier: string;
  tracking: string;
  closed_on: string | null;
  close_reason: string;
  total_minor: number;
  created_at: string;
  updated_at: string;
}

export interface OrderLineRow {
  id: number;
  order_id: number;
  position: number;
  publication_id: number | null;
  title: string;
  free_text: number;
  quantity: number;
  unit_price_minor: number;
  discount_bp: number | null;
  line_total_minor: number;
}

/** Basis points back to a percent string ("1500" → "15"), without floats. */
export function discountFromBasisPoints(bp: number | null): string | null {
  if (bp === null) return null;
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** "15" → 1500, "12.5" → 1250; the schema guarantees at most two decimals. */
export function discountToBasisPoints(percent: string | null): number | null {
  if (percent === null) return null;
  const [whole, fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function toOrderLine(row: OrderLineRow, currency: CurrencyCode): OrderLine {
  return {
    id: row.id,
    position: row.position,
    publicationId: row.publication_id,
    title: row.title,
    freeText: row.free_text === 1,
    quantity: row.quantity,
    unitPrice: fromMinorUnits(row.unit_price_minor, currency),
    discountPercent: discountFromBasisPoints(row.discount_bp),
    lineTotal: fromMinorUnits(row.line_total_minor, currency),
  };
}

export function toOrder(row: OrderRow, lines: OrderLineRow[]): Order {
  return { ...toOrderHead(row), lines: lines.map((l) => toOrderLine(l, row.currency)) };
}

/** The order without its lines: what money movements need (the total is stored with the order). */
export function toOrderHead(row: OrderRow): Omit<Order, 'lines'> {
  return {
    id: row.id,
    number: row.number,
    receivedOn: row.received_on,
    receivedVia: row.received_via,
    currency: row.currency,
    customerId: row.customer_id,
    customer: {
      name: row.customer_name,
      address: row.customer_address,
      country: row.customer_country,
      city: row.customer_city,
      postalCode: row.customer_postal_code,
      phone: row.customer_phone,
      email: row.customer_email,
    },
    paymentMethod: row.payment_method,
    customerReference: row.customer_reference,
    status: row.status,
    paymentStatus: row.payment_status,
    balance: fromMinorUnits(row.balance_minor, row.currency),
    notes: row.notes,
    needsReview: row.needs_review === 1,
    cancelReason: row.cancel_reason,
    cancelledOn: row.cancelled_on,
    shippedOn: row.shipped_on,
    carrier: row.carrier,
    tracking: row.tracking,
    closedOn: row.closed_on,
    closeReason: row.close_reason,
    total: fromMinorUnits(row.total_minor, row.currency),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toOrderSummary(row: OrderRow): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    receivedOn: row.received_on,
    receivedVia: row.received_via,
    customerName: row.customer_name,
    country: row.customer_country,
    city: row.customer_city,
    email: row.customer_email,
    currency: row.currency,
    total: fromMinorUnits(row.total_minor, row.currency),
    status: row.status,
    paymentStatus: row.payment_status,
    balance: fromMinorUnits(row.balance_minor, row.currency),
    paymentMethod: row.payment_method,
    needsReview: row.needs_review === 1,
  };
}
