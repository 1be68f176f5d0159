import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { AppLink } from '../../components/AppLink';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { OrderFilterBar } from './OrderFilterBar';
import { OrdersTable } from './OrdersTable';
import { hasFilters } from '../../components/list/paged-list-store';
import { PAGE_SIZE, useOrdersList } from './orders-list-store';
import './orders.css';

const SEARCH_DELAY_MS = 180;

/** All orders: search, filters, sortable columns and paging, all answered by SQL. */
export function OrdersScreen() {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const { filters, total, offset, loaded, loading, error, errorField, rows } = useOrdersList();
  const { setFilter, setOffset, load, clearFilters } = useOrdersList.getState();
  const [typed, setTyped] = useState(filters.query);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  // Arriving on the list: fresh figures, search box ready for typing.
  useEffect(() => {
    void load();
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [load]);

  // Search as the clerk types, once they pause.
  useEffect(() => {
    if (typed === useOrdersList.getState().filters.query) return;
    const timer = setTimeout(() => setFilter('query', typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, setFilter]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && rows.length > 0)) {
      e.preventDefault();
      // Enter runs the search at once; the selection moves into the rows either way.
      if (typed !== filters.query) setFilter('query', typed);
      tableRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus();
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      setOffset(offset + (e.key === 'PageDown' ? PAGE_SIZE : -PAGE_SIZE));
    } else if (e.key === 'Escape' && typed !== '') {
      e.preventDefault();
      setTyped('');
    }
  };

  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + PAGE_SIZE, total);
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = hasFilters(filters);
  const nf = new Intl.NumberFormat(locale);

  return (
    <section className="screen orders-screen">
      <div className="orders-screen__head">
        <h1>Orders</h1>
        <AppLink className="orders-screen__new" to={{ view: 'new-order' }}>
          New order
        </AppLink>
      </div>
      <div className="orders-search field">
        <label htmlFor="orders-search">Search orders</label>
        <input
          id="orders-search"
          ref={searchRef}
          type="search"
          dir="auto"
          autoComplete="off"
          value={typed}
          aria-describedby="orders-search-hint"
          aria-controls="orders-table"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <div className="field__hint" id="orders-search-hint">
          Order number, customer name, e-mail, city or book title; accents do not matter. ↓ moves into the list, Enter opens, Page Up/Down
          turn pages.
        </div>
      </div>
      <OrderFilterBar />
      <p className="orders-screen__count" role="status" aria-live="polite">
        {loaded && total > 0 ? `${nf.format(from)}–${nf.format(to)} of ${nf.format(total)} ${total === 1 ? 'order' : 'orders'}` : ''}
        {loading ? <span className="muted"> · searching…</span> : null}
      </p>
      {error && !errorField ? <p className="banner banner--error">{error}</p> : null}
      {loaded && total === 0 && !error ? (
        filtered ? (
          <div className="orders-empty">
            <p>
              <strong>No orders match</strong>
              {filters.query ? (
                <>
                  {' '}
                  “<bdi>{filters.query}</bdi>”
                </>
              ) : null}
              {filtered && filters.query === '' ? ' these filters' : ''}.
            </p>
            <p className="muted">
              {filters.query ? 'Check the spelling, try fewer words (the start of a name is enough), or clear the filters.' : 'Try fewer filters.'}
            </p>
            <button
              type="button"
              onClick={() => {
                setTyped('');
                clearFilters();
                searchRef.current?.focus();
              }}
            >
              Clear search and filters
            </button>
          </div>
        ) : (
          <div className="orders-empty">
            <p>
              <strong>No orders yet.</strong> Orders keyed in from the paper forms appear here.
            </p>
            <button type="button" className="primary" onClick={() => go({ view: 'new-order' })}>
              Key in the first order
            </button>
          </div>
        )
      ) : null}
      {rows.length > 0 ? <OrdersTable bodyRef={tableRef} searchRef={searchRef} /> : null}
      {total > PAGE_SIZE ? (
        <nav className="orders-pager" aria-label="Pages">
          <button type="button" onClick={() => setOffset(0)} disabled={offset === 0}>
            First
          </button>
          <button type="button" onClick={() => setOffset(offset - PAGE_SIZE)} disabled={offset === 0} aria-keyshortcuts="PageUp">
            Previous
          </button>
          <span>
            Page {nf.format(page)} of {nf.format(pages)}
          </span>
          <button type="button" onClick={() => setOffset(offset + PAGE_SIZE)} disabled={page >= pages} aria-keyshortcuts="PageDown">
            Next
          </button>
          <button type="button" onClick={() => setOffset((pages - 1) * PAGE_SIZE)} disabled={page >= pages}>
            Last
          </button>
        </nav>
      ) : null}
    </section>
  );
}
