import { useEffect, useState } from 'react';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Field } from '../../components/Field';
import { useApiRead } from '../../hooks/useApiRead';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';

const PAGE_SIZE = 25;
/** Wait for a pause in typing before asking the database. */
const SEARCH_DELAY_MS = 200;

interface DirectoryState {
  query: string;
  offset: number;
}

/** Remembered for the tab's session, so coming back from a customer returns to the same search and page. */
const remembered: DirectoryState = { query: '', offset: 0 };

export function CustomerDirectory() {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const [query, setQuery] = useState(remembered.query);
  const [offset, setOffset] = useState(remembered.offset);
  const { data: result, error } = useApiRead(() => orderDesk().customers.search({ query, limit: PAGE_SIZE, offset }), [query, offset], { delayMs: SEARCH_DELAY_MS });

  useEffect(() => {
    remembered.query = query;
    remembered.offset = offset;
  }, [query, offset]);

  const from = result && result.total > 0 ? offset + 1 : 0;
  const to = result ? offset + result.customers.length : 0;

  return (
    <div className="customer-directory">
      <Field label="Search customers" hint="Name, e-mail, city or country. Accents and capitals do not matter.">
        {(props) => (
          <input
            {...props}
            type="search"
            value={query}
            autoFocus
            onChange={(e) => {
              setQuery(e.target.value);
              setOffset(0);
            }}
            onKeyDown={(e) => {
              // Enter on a single match opens it: the quickest way from a name to its record.
              if (e.key === 'Enter' && result?.customers.length === 1) go({ view: 'customer', id: result.customers[0]!.id });
            }}
          />
        )}
      </Field>
      {error ? <p className="banner banner--error">{error.message}</p> : null}
      <p className="muted" role="status" aria-live="polite">
        {result ? (result.total === 0 ? 'No customer matches.' : `Showing ${from}–${to} of ${result.total}`) : 'Loading…'}
      </p>
      {result && result.customers.length > 0 ? (
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
            {result.customers.map((c) => (
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
      {result && result.total > PAGE_SIZE ? (
        <nav className="pager" aria-label="Pages of customers">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Previous page
          </button>
          <span>
            Page {Math.floor(offset / PAGE_SIZE) + 1} of {Math.ceil(result.total / PAGE_SIZE)}
          </span>
          <button type="button" disabled={to >= result.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Next page
          </button>
        </nav>
      ) : null}
    </div>
  );
}
