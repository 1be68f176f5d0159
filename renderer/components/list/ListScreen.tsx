import type { ComponentType, ReactNode } from 'react';
import { useLocale } from '../../state/settings';
import { ListPager } from './ListPager';
import type { ListTableRefs } from './ListTable';
import { hasFilters, type ListFilters, type PagedListHook } from './paged-list-store';
import { useListSearch } from './useListSearch';

interface ListScreenProps {
  list: PagedListHook<ListFilters, unknown>;
  className: string;
  title: string;
  /** The link at the head's end, e.g. to make a new row. */
  action: ReactNode;
  search: { id: string; label: string; hint: ReactNode; tableId: string };
  filterBar: ReactNode;
  /** What the count calls one row and several. */
  count: { one: string; many: string };
  /** Plural noun for "No … match". */
  noMatchNoun: string;
  /** Advice under "No … match", given the search text. */
  noMatchHint?(query: string): ReactNode;
  /** What an empty list without filters says. */
  nothingYet: ReactNode;
  /** The screen's table of one page, given the search box and the body to move focus between. */
  Table: ComponentType<ListTableRefs>;
}

/** The frame of a list screen: head, search box, filters, count, empty states, the table and the pager. */
export function ListScreen({ list, className, title, action, search, filterBar, count, noMatchNoun, noMatchHint, nothingYet, Table }: ListScreenProps) {
  const locale = useLocale();
  const { filters, total, offset, pageSize, loaded, loading, error, errorField, rows } = list();
  const { clearFilters } = list.getState();
  const { typed, setTyped, searchRef, bodyRef, onSearchKey } = useListSearch(list);

  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + pageSize, total);
  const nf = new Intl.NumberFormat(locale);
  const hintId = `${search.id}-hint`;

  return (
    <section className={className}>
      <div className="orders-screen__head">
        <h1>{title}</h1>
        {action}
      </div>
      <div className="orders-search field">
        <label htmlFor={search.id}>{search.label}</label>
        <input
          id={search.id}
          ref={searchRef}
          type="search"
          dir="auto"
          autoComplete="off"
          value={typed}
          aria-describedby={hintId}
          aria-controls={search.tableId}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <div className="field__hint" id={hintId}>
          {search.hint}
        </div>
      </div>
      {filterBar}
      <p className="orders-screen__count" role="status" aria-live="polite">
        {loaded && total > 0 ? `${nf.format(from)}–${nf.format(to)} of ${nf.format(total)} ${total === 1 ? count.one : count.many}` : ''}
        {loading ? <span className="muted"> · searching…</span> : null}
      </p>
      {error && !errorField ? <p className="banner banner--error">{error}</p> : null}
      {loaded && total === 0 && !error ? (
        <div className="orders-empty">
          {hasFilters(filters) ? (
            <>
              <p>
                <strong>{`No ${noMatchNoun} match`}</strong>
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
              {noMatchHint?.(filters.query)}
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
            nothingYet
          )}
        </div>
      ) : null}
      {rows.length > 0 ? <Table bodyRef={bodyRef} searchRef={searchRef} /> : null}
      <ListPager list={list} />
    </section>
  );
}
