import { useEffect, useRef } from 'react';
import type { OrderInvoice } from '../../../../shared/contract/orders';
import type { Order } from '../../../../shared/contract/types';
import { AppLink } from '../../../components/AppLink';
import { useLocale } from '../../../state/settings';
import { editRefusal, openInvoiceOf } from './edit-refusal';

/**
 * #/edit-order/ID of an order that can no longer be edited: no form at all (not even a
 * read-only one to type into), only why, and the way back to the order to correct it there.
 */
export function EditRefused({ order, invoices }: { order: Order; invoices: readonly OrderInvoice[] }) {
  const locale = useLocale();
  const screen = useRef<HTMLElement>(null);
  // Enter then goes straight back to the order.
  useEffect(() => screen.current?.querySelector<HTMLAnchorElement>('a[data-back]')?.focus(), []);
  const reason = editRefusal(order, invoices, locale) ?? `Order ${order.number} cannot be edited.`;
  return (
    <section className="screen" ref={screen}>
      <h1>Order {order.number} cannot be edited</h1>
      <p className="banner banner--warning" role="alert">
        {reason}
      </p>
      <p>
        <AppLink data-back to={{ view: 'order', id: order.id }}>
          Back to order {order.number}
        </AppLink>
        {openInvoiceOf(invoices) ? ' — its credit note is issued from there (Credit note…, Alt+C).' : null}
      </p>
    </section>
  );
}
