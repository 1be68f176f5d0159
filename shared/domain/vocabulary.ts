/** Fixed vocabularies of the order form, with the words clerks see. */
export const RECEIVED_VIA = ['mail', 'fax', 'email', 'other'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];
export const RECEIVED_VIA_LABELS: Record<ReceivedVia, string> = { mail: 'Mail', fax: 'Fax', email: 'E-mail', other: 'Other' };

export const PAYMENT_METHODS = ['credit_card', 'check', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  credit_card: 'Credit card',
  check: 'Check',
  bank_transfer: 'Bank transfer',
};

/**
 * An order's lifecycle. What is owed is a separate fact (PaymentStatus), derived from the
 * order's money movements and never set by hand.
 */
export const ORDER_STATUSES = ['received', 'invoiced', 'shipped', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  received: 'Received',
  invoiced: 'Invoiced',
  shipped: 'Shipped',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overpaid', 'refund_due', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  unpaid: 'Unpaid',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  overpaid: 'Overpaid',
  refund_due: 'Refund due',
  refunded: 'Refunded',
};

/**
 * Every kind of money movement on an order. A reversal is not a kind of its own: it is a
 * movement of the same kind as the one it undoes, marked as its reversal.
 */
export const MOVEMENT_KINDS = ['payment', 'refund', 'write_off', 'credit_in', 'credit_out'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = {
  payment: 'Payment',
  refund: 'Refund',
  write_off: 'Written off',
  credit_in: 'Credit moved in',
  credit_out: 'Credit moved out',
};

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'other'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];
export const CARD_BRAND_LABELS: Record<CardBrand, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', other: 'Other card' };

export const FORMATS = ['print', 'pdf'] as const;
export type PublicationFormat = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<PublicationFormat, string> = { print: 'Print', pdf: 'PDF' };

/** How far back an identical order counts as a probable duplicate (fax first, mailed original later). */
export const DUPLICATE_WINDOW_DAYS = 60;
