import { useEffect, useState } from 'react';
import type { Publication } from '../../../shared/contract/types';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { hyphenateIsbn } from '../../../shared/domain/isbn';
import { orderDesk } from '../../api/client';
import { PriceCell } from './PriceCell';

/** The catalogue with its price list: one price per currency, in force from today. */
export function CatalogueScreen() {
  const [publications, setPublications] = useState<Publication[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void orderDesk()
      .catalogue.list({})
      .then((result) => (result.ok ? setPublications(result.value.publications) : setError(result.error.message)));
  }, []);

  const replace = (updated: Publication) => setPublications((list) => list?.map((p) => (p.id === updated.id ? updated : p)) ?? null);

  return (
    <section className="screen">
      <h1>Catalogue</h1>
      <p className="muted">Type a price and press Enter or Tab to save it. Prices apply to orders received from today; earlier prices are kept.</p>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {publications === null && !error ? <p>Loading…</p> : null}
      {publications ? (
        <table className="grid catalogue-grid">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Year</th>
              <th scope="col">ISBN</th>
              {CURRENCY_CODES.map((c) => (
                <th scope="col" key={c} className="num">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {publications.map((p) => (
              <tr key={p.id} className={p.active ? '' : 'row--retired'}>
                <th scope="row">
                  <div className="title">{p.title}</div>
                  {p.subtitle ? <div className="subtitle">{p.subtitle}</div> : null}
                  {!p.active ? <span className="tag">Retired</span> : null}
                </th>
                <td>{p.year ?? ''}</td>
                <td className="isbn">{hyphenateIsbn(p.isbn)}</td>
                {CURRENCY_CODES.map((c) => (
                  <PriceCell key={c} publication={p} currency={c} onSaved={replace} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
