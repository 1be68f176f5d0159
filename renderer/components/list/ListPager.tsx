import { useLocale } from '../../state/settings';
import type { ListFilters, PagedListHook } from './paged-list-store';

/** First, previous, next and last page; shown only when the rows need more than one page. */
export function ListPager({ list }: { list: PagedListHook<ListFilters, unknown> }) {
  const locale = useLocale();
  const { total, offset, pageSize } = list();
  const { setOffset } = list.getState();
  if (total <= pageSize) return null;
  const page = Math.floor(offset / pageSize) + 1;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const nf = new Intl.NumberFormat(locale);
  return (
    <nav className="orders-pager" aria-label="Pages">
      <button type="button" onClick={() => setOffset(0)} disabled={offset === 0}>
        First
      </button>
      <button type="button" onClick={() => setOffset(offset - pageSize)} disabled={offset === 0} aria-keyshortcuts="PageUp">
        Previous
      </button>
      <span>
        Page {nf.format(page)} of {nf.format(pages)}
      </span>
      <button type="button" onClick={() => setOffset(offset + pageSize)} disabled={page >= pages} aria-keyshortcuts="PageDown">
        Next
      </button>
      <button type="button" onClick={() => setOffset((pages - 1) * pageSize)} disabled={page >= pages}>
        Last
      </button>
    </nav>
  );
}
