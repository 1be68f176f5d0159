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

export const ORDER_STATUSES = ['open', 'invoiced', 'partially_paid', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: 'Open',
  invoiced: 'Invoiced',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};
/** Orders in these states can still be edited; later ones are fixed by their invoice. */
export const EDITABLE_STATUSES: readonly OrderStatus[] = ['open'];

export const FORMATS = ['print', 'pdf'] as const;
export type PublicationFormat = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<PublicationFormat, string> = { print: 'Print', pdf: 'PDF' };

/** How far back an identical order counts as a probable duplicate (fax first, mailed original later). */
export const DUPLICATE_WINDOW_DAYS = 60;
