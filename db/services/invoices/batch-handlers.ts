/** The invoices.* methods for batches: which orders a month's batch would invoice, and their PDFs as one ZIP. */
import type { Handlers } from '../../api/handlers';
import { uninvoicedOrders } from './uninvoiced';
import { invoicesZip } from './zip';

export const invoiceBatchHandlers: Pick<Handlers, 'invoices.uninvoiced' | 'invoices.zip'> = {
  'invoices.uninvoiced': uninvoicedOrders,
  'invoices.zip': invoicesZip,
};
