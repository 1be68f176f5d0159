/**
 * Search, filters, page and selected row of a list screen, answered one page at a time by
 * the API. Kept in a zustand store (not the screen) so they survive opening a row and
 * coming back. A screen adds its own state (e.g. sorting) around this slice.
 */
import { create } from 'zustand';
import type { Result } from '../../../shared/api/errors';

/** Every filter is text ('' for "any"); the search box is the filter named query. */
export interface ListFilters {
  query: string;
}

export interface ListPage<R> {
  rows: R[];
  total: number;
}

export interface PagedListState<F extends ListFilters, R> {
  filters: F;
  /** Rows a page; fixed per list. */
  pageSize: number;
  offset: number;
  rows: R[];
  total: number;
  /** Index of the selected row on the page. */
  selected: number;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  /** Field named by an API error (e.g. "month"), to show it next to that filter. */
  errorField: string | null;
  setFilter<K extends keyof F>(key: K, value: F[K]): void;
  /** Back to all rows; with keepQuery the search text stays. */
  clearFilters(options?: { keepQuery?: boolean }): void;
  setOffset(offset: number): void;
  select(index: number): void;
  load(): Promise<void>;
}

/** What the list components need of such a store: its zustand hook, to read and to call actions. */
export interface PagedListHook<F extends ListFilters, R> {
  (): PagedListState<F, R>;
  <U>(selector: (state: PagedListState<F, R>) => U): U;
  getState(): PagedListState<F, R>;
}

export interface PagedListOptions<F extends ListFilters, R, S> {
  noFilters: F;
  pageSize: number;
  /** Asks the API for the page the state names (filters, offset, pageSize and whatever the screen added). */
  fetchPage(state: S): Promise<Result<ListPage<R>>>;
}

export function hasFilters(filters: ListFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

/** The first row of the last page that has rows. */
export function lastPageOffset(total: number, pageSize: number): number {
  return Math.max(0, Math.floor((total - 1) / pageSize) * pageSize);
}

/** The list's state and actions, to spread into a zustand store whose full state is S. */
export function pagedListSlice<F extends ListFilters, R, S extends PagedListState<F, R>>(
  options: PagedListOptions<F, R, S>,
  set: (partial: Partial<PagedListState<F, R>>) => void,
  get: () => S,
): PagedListState<F, R> {
  const { noFilters, pageSize, fetchPage } = options;
  let requestSeq = 0;
  return {
    filters: noFilters,
    pageSize,
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
    clearFilters(clearOptions) {
      set({ filters: clearOptions?.keepQuery ? { ...noFilters, query: get().filters.query } : noFilters, offset: 0, selected: 0 });
      void get().load();
    },
    setOffset(offset) {
      set({ offset: Math.min(Math.max(0, offset), lastPageOffset(get().total, pageSize)) });
      void get().load();
    },
    select(index) {
      set({ selected: Math.max(0, Math.min(index, get().rows.length - 1)) });
    },
    async load() {
      const seq = ++requestSeq;
      const state = get();
      set({ loading: true });
      const result = await fetchPage(state);
      // A slower answer to an older search must not overwrite a newer one.
      if (seq !== requestSeq) return;
      if (!result.ok) {
        set({ loading: false, loaded: true, error: result.error.message, errorField: result.error.field ?? null });
        return;
      }
      const { rows, total } = result.value;
      // Rows cancelled or filtered away meanwhile can leave this page empty: show the last one that has rows.
      if (rows.length === 0 && state.offset > 0 && total > 0) {
        set({ offset: lastPageOffset(total, pageSize) });
        return get().load();
      }
      set({ rows, total, loading: false, loaded: true, error: null, errorField: null, selected: Math.min(get().selected, Math.max(0, rows.length - 1)) });
    },
  };
}

/** A list store with nothing beyond the shared slice. */
export function createPagedListStore<F extends ListFilters, R>(options: PagedListOptions<F, R, PagedListState<F, R>>) {
  return create<PagedListState<F, R>>()((set, get) => pagedListSlice(options, set, get));
}
