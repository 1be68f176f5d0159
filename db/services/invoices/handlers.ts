/** The invoices.* methods of the contract, on the invoice services. */
import type { Handlers } from '../../api/handlers';
import { previewInvoice, issueInvoice, creditInvoice } from './service';
import { getInvoice, listInvoices } from './read';
import { invoicePdf } from './pdf';

export const invoiceHandlers: Pick<Handlers, 'invoices.preview' | 'invoices.issue' | 'invoices.get' | 'invoices.list' | 'invoices.pdf' | 'invoices.credit'> = {
  'invoices.preview': previewInvoice,
  'invoices.issue': issueInvoice,
  'invoices.get': getInvoice,
  'invoices.list': listInvoices,
  'invoices.pdf': invoicePdf,
  'invoices.credit': creditInvoice,
};
