import { z } from 'zod';
import type { DocumentKind } from '../documents/invoice-document';
import type { InvoiceStatus } from './invoices';
import { method } from './define';
import { cleanedString, decimalAmount, enumOf, id, idempotencyKey, isoDate, optionalText, percent, requiredText, versionStamp, wholeNumber } from './fields';
import { CustomerDetailsInput } from './customers';
import { CURRENCY_CODES, currencyExponent } from '../money/currencies';
import { decimalPlaces } from '../money/money';
import { ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES, RECEIVED_VIA } from '../domain/vocabulary';
import type { OrderAction } from '../domain/order-rules';
import { cardSafeText } from './card-safe';
import type { MoneyMovement, OrderAccount, ReminderFee } from './payments';
import type { AuditEntry, Order, OrderSummary } from './types';

export const MAX_LINES = 200;
/** The most copies one line can order: more is a typing mistake (the screen says so as it is typed). */
export const MAX_QUANTITY = 100_000;

export const OrderLineInput = z
  .object({
    publicationId: id('Publication').optional().nullable(),
    title: optionalText('Book title', 300),
    quantity: wholeNumber('Quantity', 1, MAX_QUANTITY),
    unitPrice: decimalAmount('Unit price'),
    discountPercent: percent('Discount'),
  })
  .refine((line) => line.publicationId != null || line.title !== '', { error: 'Book title is required.', path: ['title'] });

const currency = enumOf('Currency', CURRENCY_CODES);

const orderFields = {
  customer: CustomerDetailsInput,
  /** Set when the clerk picked an existing customer; otherwise one is found by e-mail or created. */
  customerId: id('Customer').optional().nullable(),
  currency,
  receivedVia: enumOf('Received via', RECEIVED_VIA),
  receivedOn: isoDate('Date received'),
  paymentMethod: enumOf('Payment method', PAYMENT_METHODS).optional().nullable(),
  customerReference: cardSafeText('Customer reference', 100),
  notes: cardSafeText('Notes', 5000, { multiline: true }),
  lines: z
    .array(OrderLineInput, { error: 'Lines must be a list.' })
    .min(1, { error: 'Add at least one book to the order.' })
    .max(MAX_LINES, { error: `An order can have at most ${MAX_LINES} lines.` }),
};

/** Unit prices may not have more decimals than the order's currency has. */
function checkPriceDecimals(order: { currency: (typeof CURRENCY_CODES)[number]; lines: { unitPrice: string }[] }, ctx: z.RefinementCtx) {
  const places = currencyExponent(order.currency);
  order.lines.forEach((line, index) => {
    if (decimalPlaces(line.unitPrice) > places) {
      ctx.addIssue({ code: 'custom', path: ['lines', index, 'unitPrice'], message: `Line ${index + 1}: unit price can have at most ${places} decimals in ${order.currency}.` });
    }
  });
}

export const OrderInput = z.object({ ...orderFields, idempotencyKey: idempotencyKey() }).superRefine(checkPriceDecimals);
export const OrderUpdateInput = z
  .object({ id: id('Order'), ...orderFields, expectedUpdatedAt: versionStamp() })
  .superRefine(checkPriceDecimals);

export const ORDER_SORT_FIELDS = ['number', 'receivedOn', 'customerName', 'country', 'currency', 'total', 'status', 'paymentStatus', 'balance'] as const;

export const OrderListInput = z.object({
  query: optionalText('Search', 200),
  status: enumOf('Status', ORDER_STATUSES).optional(),
  paymentStatus: enumOf('Payment status', PAYMENT_STATUSES).optional(),
  currency: currency.optional(),
  month: cleanedString('Month must be written YYYY-MM.', 40).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Month must be written YYYY-MM.' }).optional(),
  receivedVia: enumOf('Received via', RECEIVED_VIA).optional(),
  paymentMethod: enumOf('Payment method', PAYMENT_METHODS).optional(),
  sort: enumOf('Sort', ORDER_SORT_FIELDS).default('receivedOn'),
  direction: enumOf('Direction', ['asc', 'desc'] as const).default('desc'),
  offset: wholeNumber('Page start', 0, 100_000_000).default(0),
  limit: wholeNumber('Rows per page', 1, 500).default(50),
});

export const DuplicateCheckInput = z.object({
  customer: z.object({
    name: optionalText('Name', 200),
    country: optionalText('Country', 2),
    email: optionalText('E-mail', 254),
  }),
  lines: z.array(z.object({ publicationId: id('Publication').optional().nullable(), title: optionalText('Book title', 300), quantity: z.number().int() })).max(MAX_LINES),
  receivedOn: isoDate('Date received'),
  excludeOrderId: id('Order').optional(),
});

export interface DuplicateCandidate {
  id: number;
  number: string;
  receivedOn: string;
  receivedVia: Order['receivedVia'];
  customerName: string;
  total: string;
  currency: Order['currency'];
}

/** An invoice or credit note of the order (details through invoices.get). */
export interface OrderInvoice {
  id: number;
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  total: string;
  status: InvoiceStatus;
}

/** One order with everything known about it, for the detail view. */
export interface OrderRecord {
  order: Order;
  history: AuditEntry<'order'>[];
  /** Every money movement, oldest first, with the running balance. */
  payments: MoneyMovement[];
  invoices: OrderInvoice[];
  /** What is owed (signed; negative is a credit for the customer), the same as order.balance. */
  balance: string;
  /** The balance's parts: paid, refunded, written off, credit moved, reminder fees. */
  account: OrderAccount;
  /** The fees of its payment reminders, oldest first, waived ones too (they no longer count in the balance). */
  reminderFees: ReminderFee[];
  /** What the clerk may do now, by the one rule in shared/domain/order-rules. */
  allowed: Record<OrderAction, boolean>;
}

export const ShipInput = z.object({
  id: id('Order'),
  shippedOn: isoDate('Date shipped'),
  carrier: optionalText('Carrier', 100),
  tracking: cardSafeText('Tracking number', 100),
});

export const orderMethods = {
  'orders.create': method<{ order: Order }>()(OrderInput),
  'orders.update': method<{ order: Order }>()(OrderUpdateInput),
  'orders.get': method<OrderRecord>()(z.object({ id: id('Order') })),
  'orders.list': method<{ rows: OrderSummary[]; total: number }>()(OrderListInput),
  'orders.cancel': method<{ order: Order }>()(z.object({ id: id('Order'), reason: requiredText('Reason', 500, { multiline: true }) })),
  'orders.ship': method<{ order: Order }>()(ShipInput),
  'orders.close': method<{ order: Order }>()(z.object({ id: id('Order'), reason: requiredText('Reason', 500, { multiline: true }) })),
  'orders.findDuplicates': method<{ duplicates: DuplicateCandidate[] }>()(DuplicateCheckInput),
};
