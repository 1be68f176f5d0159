/**
 * The invoices list's search, filters, page and selected row. Kept in a store (not the
 * screen) so they survive opening an invoice and coming back.
 */
import { create } from 'zustand';
import type { DOCUMENT_KINDS, InvoiceStatus, InvoiceSummary } from '../../../shared/contract/invoices';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';

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

interface InvoicesListState {
  filters: InvoiceFilters;
  offset: number;
  rows: InvoiceSummary[];
  total: number;
  /** Index of the selected row on the page. */
  selected: number;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  /** Field named by an API error (e.g. "year"), to show it next to that filter. */
  errorField: string | null;
  setFilter<K extends keyof InvoiceFilters>(key: K, value: InvoiceFilters[K]): void;
  clearFilters(options?: { keepQuery?: boolean }): void;
  setOffset(offset: number): void;
  select(index: number): void;
  load(): Promise<void>;
}

let requestSeq = 0;

export function hasInvoiceFilters(filters: InvoiceFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

export const useInvoicesList = create<InvoicesListState>((set, get) => ({
  filters: NO_INVOICE_FILTERS,
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
    set({ filters: options?.keepQuery ? { ...NO_INVOICE_FILTERS, query: get().filters.query } : NO_INVOICE_FILTERS, offset: 0, selected: 0 });
    void get().load();
  },
  setOffset(offset) {
    const { total } = get();
    const last = Math.max(0, Math.floor((total - 1) / INVOICE_PAGE_SIZE) * INVOICE_PAGE_SIZE);
    set({ offset: Math.min(Math.max(0, offset), last) });
    void get().load();
  },
  select(index) {
    set({ selected: Math.max(0, Math.min(index, get().rows.length - 1)) });
  },
  async load() {
    const seq = ++requestSeq;
    const { filters, offset } = get();
    set({ loading: true });
    const result = await orderDesk().invoices.list({
      query: filters.query,
      offset,
      limit: INVOICE_PAGE_SIZE,
      ...(filters.year ? { year: Number(filters.year) } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.currency ? { currency: filters.currency } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
    });
    // A slower answer to an older search must not overwrite a newer one.
    if (seq !== requestSeq) return;
    if (!result.ok) {
      set({ loading: false, loaded: true, error: result.error.message, errorField: result.error.field ?? null });
      return;
    }
    const { rows, total } = result.value;
    if (rows.length === 0 && offset > 0 && total > 0) {
      set({ offset: Math.floor((total - 1) / INVOICE_PAGE_SIZE) * INVOICE_PAGE_SIZE });
      return get().load();
    }
    set({ rows, total, loading: false, loaded: true, error: null, errorField: null, selected: Math.min(get().selected, Math.max(0, rows.length - 1)) });
  },
}));
