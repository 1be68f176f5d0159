/** The invoices.* methods of the contract, on the invoice services. */
import type { Handlers } from '../../api/handlers';
import { read, stagedWrite } from '../../api/register';
import { previewInvoice, issueInvoice, creditInvoice } from './service';
import { getInvoice, listInvoices } from './read';
import { invoicePdf } from './pdf';

export const invoiceHandlers: Pick<Handlers, 'invoices.preview' | 'invoices.issue' | 'invoices.get' | 'invoices.list' | 'invoices.pdf' | 'invoices.credit'> = {
  'invoices.preview': read(previewInvoice),
  'invoices.issue': stagedWrite(issueInvoice, { idempotent: true }),
  'invoices.get': read(getInvoice),
  'invoices.list': read(listInvoices),
  // Stores a PDF that was never made (legacy and demo rows) once it is rendered.
  'invoices.pdf': stagedWrite(invoicePdf),
  'invoices.credit': stagedWrite(creditInvoice, { idempotent: true }),
};
