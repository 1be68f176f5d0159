/**
 * The invoices list's search, filters, page and selected row. Kept in a store (not the
 * screen) so they survive opening an invoice and coming back.
 */
import type { DOCUMENT_KINDS, InvoiceStatus, InvoiceSummary } from '../../../shared/contract/invoices';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { createPagedListStore } from '../../components/list/paged-list-store';

export interface InvoiceFilters {
  query: string;
  /** A calendar year of issue, as digits; '' for every year. */
  year: string;
  status: InvoiceStatus | '';
  currency: CurrencyCode | '';
  kind: (typeof DOCUMENT_KINDS)[number] | '';
}

export const NO_INVOICE_FILTERS: InvoiceFilters = { query: '', year: '', status: '', currency: '', kind: '' };
export const INVOICE_PAGE_SIZE = 50;

export const useInvoicesList = createPagedListStore<InvoiceFilters, InvoiceSummary>({
  noFilters: NO_INVOICE_FILTERS,
  pageSize: INVOICE_PAGE_SIZE,
  fetchPage: ({ filters, offset }) =>
    orderDesk().invoices.list({
      query: filters.query,
      offset,
      limit: INVOICE_PAGE_SIZE,
      ...(filters.year ? { year: Number(filters.year) } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.currency ? { currency: filters.currency } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
    }),
});
