/**
 * The customer directory's search and page. Kept in a store (not the screen) so that coming
 * back from a customer, or from another tab of the Customers screen, returns to the same
 * search and page, with its rows shown at once and then read again.
 */
import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { createPagedListStore, type ListFilters } from '../../components/list/paged-list-store';

export const DIRECTORY_PAGE_SIZE = 25;

export const useCustomerDirectory = createPagedListStore<ListFilters, Customer>({
  noFilters: { query: '' },
  pageSize: DIRECTORY_PAGE_SIZE,
  fetchPage: async ({ filters, offset }) => {
    const result = await orderDesk().customers.search({ query: filters.query, limit: DIRECTORY_PAGE_SIZE, offset });
    return result.ok ? { ok: true, value: { rows: result.value.customers, total: result.value.total } } : result;
  },
});
