import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLocale } from '../../state/settings';
import { AppLink } from '../../components/AppLink';
import { InvoiceFilterBar } from './InvoiceFilterBar';
import { InvoicesTable } from './InvoicesTable';
import { hasFilters } from '../../components/list/paged-list-store';
import { INVOICE_PAGE_SIZE, useInvoicesList } from './invoices-list-store';
import '../orders/orders.css';
import './invoices.css';

const SEARCH_DELAY_MS = 180;

/** Every issued invoice and credit note: search, filters and paging, all answered by SQL. */
export function InvoicesScreen() {
  const locale = useLocale();
  const { filters, total, offset, loaded, loading, error, errorField, rows } = useInvoicesList();
  const { setFilter, setOffset, load, clearFilters } = useInvoicesList.getState();
  const [typed, setTyped] = useState(filters.query);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  // Arriving on the list: fresh figures (a payment may have changed a status), search box ready.
  useEffect(() => {
    void load();
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [load]);

  useEffect(() => {
    if (typed === useInvoicesList.getState().filters.query) return;
    const timer = setTimeout(() => setFilter('query', typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, setFilter]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && rows.length > 0)) {
      e.preventDefault();
      if (typed !== filters.query) setFilter('query', typed);
      tableRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus();
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      setOffset(offset + (e.key === 'PageDown' ? INVOICE_PAGE_SIZE : -INVOICE_PAGE_SIZE));
    } else if (e.key === 'Escape' && typed !== '') {
      e.preventDefault();
      setTyped('');
    }
  };

  const nf = new Intl.NumberFormat(locale);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + INVOICE_PAGE_SIZE, total);
  const page = Math.floor(offset / INVOICE_PAGE_SIZE) + 1;
  const pages = Math.max(1, Math.ceil(total / INVOICE_PAGE_SIZE));
  const filtered = hasFilters(filters);

  return (
    <section className="screen orders-screen invoices-screen">
      <div className="orders-screen__head">
        <h1>Invoices</h1>
        <AppLink className="orders-screen__new" to={{ view: 'invoice-batch' }}>Issue a month’s invoices…</AppLink>
      </div>
      <div className="orders-search field">
        <label htmlFor="invoices-search">Search invoices</label>
        <input
          id="invoices-search"
          ref={searchRef}
          type="search"
          dir="auto"
          autoComplete="off"
          value={typed}
          aria-describedby="invoices-search-hint"
          aria-controls="invoices-table"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <div className="field__hint" id="invoices-search-hint">
          Invoice or credit note number, or the order’s number, customer, e-mail, city or a book title. ↓ moves into the list, Enter opens, Page Up/Down turn
          pages.
        </div>
      </div>
      <InvoiceFilterBar />
      <p className="orders-screen__count" role="status" aria-live="polite">
        {loaded && total > 0 ? `${nf.format(from)}–${nf.format(to)} of ${nf.format(total)} ${total === 1 ? 'document' : 'documents'}` : ''}
        {loading ? <span className="muted"> · searching…</span> : null}
      </p>
      {error && !errorField ? <p className="banner banner--error">{error}</p> : null}
      {loaded && total === 0 && !error ? (
        <div className="orders-empty">
          {filtered ? (
            <>
              <p>
                <strong>No invoices match</strong>
                {filters.query ? (
                  <>
                    {' '}
                    “<bdi>{filters.query}</bdi>”
                  </>
                ) : (
                  ' these filters'
                )}
                .
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
            </>
          ) : (
            <p>
              <strong>No invoices yet.</strong> Invoices are issued from an order: open it in <AppLink to={{ view: 'orders' }}>Orders</AppLink>.
            </p>
          )}
        </div>
      ) : null}
      {rows.length > 0 ? <InvoicesTable bodyRef={tableRef} searchRef={searchRef} /> : null}
      {total > INVOICE_PAGE_SIZE ? (
        <nav className="orders-pager" aria-label="Pages">
          <button type="button" onClick={() => setOffset(0)} disabled={offset === 0}>
            First
          </button>
          <button type="button" onClick={() => setOffset(offset - INVOICE_PAGE_SIZE)} disabled={offset === 0} aria-keyshortcuts="PageUp">
            Previous
          </button>
          <span>
            Page {nf.format(page)} of {nf.format(pages)}
          </span>
          <button type="button" onClick={() => setOffset(offset + INVOICE_PAGE_SIZE)} disabled={page >= pages} aria-keyshortcuts="PageDown">
            Next
          </button>
          <button type="button" onClick={() => setOffset((pages - 1) * INVOICE_PAGE_SIZE)} disabled={page >= pages}>
            Last
          </button>
        </nav>
      ) : null}
    </section>
  );
}
