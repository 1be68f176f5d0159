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

interface OrdersListState {
  filters: OrderFilters;
  sort: SortField;
  direction: 'asc' | 'desc';
  offset: number;
  rows: OrderSummary[];
  total: number;
  /** Index of the selected row on the page. */
  selected: number;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  /** Field named by an API error (e.g. "month"), to show it next to that filter. */
  errorField: string | null;
  setFilter<K extends keyof OrderFilters>(key: K, value: OrderFilters[K]): void;
  /** Back to all orders; with keepQuery the search text stays. */
  clearFilters(options?: { keepQuery?: boolean }): void;
  sortBy(field: SortField): void;
  setOffset(offset: number): void;
  select(index: number): void;
  load(): Promise<void>;
}

let requestSeq = 0;

export function hasFilters(filters: OrderFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

export const useOrdersList = create<OrdersListState>((set, get) => ({
  filters: NO_FILTERS,
  sort: 'receivedOn',
  direction: 'desc',
  offset: 0,
  rows: [],
  total: 0,
  selected: 0,
  loading: false,
  loaded: false,
  error: null,
  errorField: null,
  setFilter(key, value) {
    set({ filters: { ...get().filters, [key]: value }, offset: 0, selected: 0 });
    void get().load();
  },
  clearFilters(options) {
    set({ filters: options?.keepQuery ? { ...NO_FILTERS, query: get().filters.query } : NO_FILTERS, offset: 0, selected: 0 });
    void get().load();
  },
  sortBy(field) {
    const { sort, direction } = get();
    set({ sort: field, direction: sort === field ? (direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[field], offset: 0, selected: 0 });
    void get().load();
  },
  setOffset(offset) {
    const { total } = get();
    const last = Math.max(0, Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE);
    set({ offset: Math.min(Math.max(0, offset), last) });
    void get().load();
  },
  select(index) {
    set({ selected: Math.max(0, Math.min(index, get().rows.length - 1)) });
  },
  async load() {
    const seq = ++requestSeq;
    const { filters, sort, direction, offset } = get();
    set({ loading: true });
    const input = {
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
    };
    const result = await orderDesk().orders.list(input);
    // A slower answer to an older search must not overwrite a newer one.
    if (seq !== requestSeq) return;
    if (!result.ok) {
      set({ loading: false, loaded: true, error: result.error.message, errorField: result.error.field ?? null });
      return;
    }
    const { rows, total } = result.value;
    // Orders cancelled or filtered away meanwhile can leave this page empty: show the last one that has rows.
    if (rows.length === 0 && offset > 0 && total > 0) {
      set({ offset: Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE });
      return get().load();
    }
    set({ rows, total, loading: false, loaded: true, error: null, errorField: null, selected: Math.min(get().selected, Math.max(0, rows.length - 1)) });
  },
}));
