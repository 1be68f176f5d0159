import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ListFilters, PagedListHook } from './paged-list-store';

const SEARCH_DELAY_MS = 180;

/** The search box of a list: what is typed, searched once the clerk pauses, and its keys. */
export function useListSearch(list: PagedListHook<ListFilters, unknown>) {
  const { filters, offset, rows, pageSize } = list();
  const { setFilter, setOffset, load } = list.getState();
  const [typed, setTyped] = useState(filters.query);
  const searchRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  // Arriving on the list: fresh figures (a change elsewhere may have moved a row), search box ready for typing.
  useEffect(() => {
    void load();
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [load]);

  // Search as the clerk types, once they pause.
  useEffect(() => {
    if (typed === list.getState().filters.query) return;
    const timer = setTimeout(() => setFilter('query', typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, setFilter, list]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && rows.length > 0)) {
      e.preventDefault();
      // Enter runs the search at once; the selection moves into the rows either way.
      if (typed !== filters.query) setFilter('query', typed);
      bodyRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus();
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      setOffset(offset + (e.key === 'PageDown' ? pageSize : -pageSize));
    } else if (e.key === 'Escape' && typed !== '') {
      e.preventDefault();
      setTyped('');
    }
  };

  return { typed, setTyped, searchRef, bodyRef, onSearchKey };
}
