/** The invoices.* methods for batches: which orders a month's batch would invoice, and their PDFs as one ZIP. */
import type { Handlers } from '../../api/handlers';
import { read, stagedWrite } from '../../api/register';
import { uninvoicedOrders } from './uninvoiced';
import { invoicesZip } from './zip';

export const invoiceBatchHandlers: Pick<Handlers, 'invoices.uninvoiced' | 'invoices.zip'> = {
  'invoices.uninvoiced': read(uninvoicedOrders),
  // A PDF never made yet is rendered and stored on the way (as invoices.pdf does).
  'invoices.zip': stagedWrite(invoicesZip),
};
