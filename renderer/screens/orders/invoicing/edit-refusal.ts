/**
 * Why an order cannot be edited, in the words the order screen and the edit route both show.
 * An invoiced order names its invoice and says how to correct it; anything else (shipped,
 * closed, cancelled) is the rule module's own sentence.
 */
import type { OrderInvoice } from '../../../../shared/contract/orders';
import type { Order } from '../../../../shared/contract/types';
import { whyNot } from '../../../../shared/domain/order-rules';
import { formatDate } from '../../../../shared/format/dates';

/** The order's invoice that credit notes do not yet cover in full (an order has at most one), if any. */
export function openInvoiceOf(invoices: readonly OrderInvoice[]): OrderInvoice | null {
  return [...invoices].reverse().find((doc) => doc.kind === 'invoice' && doc.status !== 'credited') ?? null;
}

/** null when the order may be edited. */
export function editRefusal(order: Order, invoices: readonly OrderInvoice[], locale: string): string | null {
  const rule = whyNot('edit', order);
  if (rule === null) return null;
  const open = openInvoiceOf(invoices);
  // A shipped or closed order stays so after a credit note: the rule's own sentence says it all.
  if (!open || order.status !== 'invoiced') return rule;
  return `Invoiced on ${open.number} (${formatDate(open.issuedOn, locale)}): an issued invoice never changes. To correct it, issue a credit note and then a new invoice.`;
}
