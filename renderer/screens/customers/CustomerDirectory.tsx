import { AppLink } from '../../components/AppLink';
import { Field } from '../../components/Field';
import { useListSearch } from '../../components/list/useListSearch';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';
import { DIRECTORY_PAGE_SIZE as PAGE_SIZE, useCustomerDirectory } from './customer-directory-store';

/** Search and pages of the directory; both survive opening a customer and coming back (see the store). */
export function CustomerDirectory() {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const { filters, rows, total, offset, loaded, error } = useCustomerDirectory();
  const { setOffset } = useCustomerDirectory.getState();
  // Read on arrival, searched once the clerk pauses typing; PageDown/PageUp turn pages, Esc empties the box.
  const { typed, setTyped, searchRef, onSearchKey } = useListSearch(useCustomerDirectory);

  const from = total > 0 ? offset + 1 : 0;
  const to = offset + rows.length;

  return (
    <div className="customer-directory">
      <Field label="Search customers" hint="Name, e-mail, city or country. Accents and capitals do not matter.">
        {(props) => (
          <input
            {...props}
            ref={searchRef}
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              // Enter on a single match opens it: the quickest way from a name to its record.
              if (e.key === 'Enter' && rows.length === 1 && typed === filters.query) go({ view: 'customer', id: rows[0]!.id });
              else onSearchKey(e);
            }}
          />
        )}
      </Field>
      {error ? <p className="banner banner--error">{error}</p> : null}
      <p className="muted" role="status" aria-live="polite">
        {error ? '' : !loaded ? 'Loading…' : total === 0 ? 'No customer matches.' : `Showing ${from}–${to} of ${total}`}
      </p>
      {rows.length > 0 ? (
        <table className="grid customers-grid">
          <caption className="visually-hidden">Customers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">City</th>
              <th scope="col">Country</th>
              <th scope="col">Tel.</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <AppLink to={{ view: 'customer', id: c.id }}>{c.name}</AppLink>
                </th>
                <td>{c.email}</td>
                <td>{[c.postalCode, c.city].filter(Boolean).join(' ')}</td>
                <td>{countryName(c.country, locale)}</td>
                <td>{c.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {total > PAGE_SIZE ? (
        <nav className="pager" aria-label="Pages of customers">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE_SIZE)}>
            Previous page
          </button>
          <span>
            Page {Math.floor(offset / PAGE_SIZE) + 1} of {Math.ceil(total / PAGE_SIZE)}
          </span>
          <button type="button" disabled={to >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Next page
          </button>
        </nav>
      ) : null}
    </div>
  );
}
