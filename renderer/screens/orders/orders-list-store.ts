/**
 * The orders list's search, filters, sort, page and selected row. Kept in a store
 * (not the screen) so they survive opening an order and coming back.
 */
import { create } from 'zustand';
import type { ORDER_SORT_FIELDS } from '../../../shared/contract/orders';
import type { OrderSummary } from '../../../shared/contract/types';
import type { OrderStatus, PaymentMethod, PaymentStatus, ReceivedVia } from '../../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { pagedListSlice, type PagedListState } from '../../components/list/paged-list-store';

export type SortField = (typeof ORDER_SORT_FIELDS)[number];

export interface OrderFilters {
  query: string;
  status: OrderStatus | '';
  paymentStatus: PaymentStatus | '';
  currency: CurrencyCode | '';
  /** YYYY-MM */
  month: string;
  receivedVia: ReceivedVia | '';
  paymentMethod: PaymentMethod | '';
}

export const NO_FILTERS: OrderFilters = { query: '', status: '', paymentStatus: '', currency: '', month: '', receivedVia: '', paymentMethod: '' };
export const PAGE_SIZE = 50;

/** A new sort starts in the direction a clerk expects: newest, largest or A–Z first. */
const FIRST_DIRECTION: Record<SortField, 'asc' | 'desc'> = {
  number: 'desc',
  receivedOn: 'desc',
  customerName: 'asc',
  country: 'asc',
  currency: 'asc',
  total: 'desc',
  status: 'asc',
  paymentStatus: 'asc',
  balance: 'desc',
};

interface OrdersListState extends PagedListState<OrderFilters, OrderSummary> {
  sort: SortField;
  direction: 'asc' | 'desc';
  sortBy(field: SortField): void;
}

function fetchOrders({ filters, sort, direction, offset }: OrdersListState) {
  return orderDesk().orders.list({
    query: filters.query,
    sort,
    direction,
    offset,
    limit: PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.paymentStatus ? { paymentStatus: filters.paymentStatus } : {}),
    ...(filters.currency ? { currency: filters.currency } : {}),
    ...(filters.month ? { month: filters.month } : {}),
    ...(filters.receivedVia ? { receivedVia: filters.receivedVia } : {}),
    ...(filters.paymentMethod ? { paymentMethod: filters.paymentMethod } : {}),
  });
}

export const useOrdersList = create<OrdersListState>()((set, get) => ({
  ...pagedListSlice({ noFilters: NO_FILTERS, pageSize: PAGE_SIZE, fetchPage: fetchOrders }, set, get),
  sort: 'receivedOn',
  direction: 'desc',
  sortBy(field) {
    const { sort, direction } = get();
    set({ sort: field, direction: sort === field ? (direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[field], offset: 0, selected: 0 });
    void get().load();
  },
}));
