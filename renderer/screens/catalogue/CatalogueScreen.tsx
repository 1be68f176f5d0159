import { useEffect, useMemo, useRef, useState } from 'react';
import type { PriceHistoryEntry, Publication } from '../../../shared/contract/types';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { hyphenateIsbn } from '../../../shared/domain/isbn';
import { foldForMatch } from '../../../shared/domain/text';
import { FORMAT_LABELS } from '../../../shared/domain/vocabulary';
import { orderDesk } from '../../api/client';
import { useLocale } from '../../state/settings';
import { languageName } from './language-names';
import { PriceCell } from './PriceCell';
import { PublicationPanel } from './PublicationPanel';
import './catalogue.css';

/** Which title the side panel shows: none, a new one, or an existing one by id. */
type PanelState = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; id: number };

/** The catalogue: titles with their details, today's price per currency, and a side panel to add or edit a title and its price history. */
export function CatalogueScreen() {
  const locale = useLocale();
  const [publications, setPublications] = useState<Publication[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<PanelState>({ mode: 'closed' });
  const [showRetired, setShowRetired] = useState(true);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState('');
  const [upcoming, setUpcoming] = useState<PriceHistoryEntry[]>([]);
  // Bumped after the panel changes a title or its prices, so scheduled prices are read again.
  const [version, setVersion] = useState(0);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let current = true;
    void orderDesk()
      .catalogue.list({})
      .then((result) => {
        if (!current) return;
        if (result.ok) {
          setPublications(result.value.publications);
          setUpcoming(result.value.upcoming);
        } else setError(result.error.message);
      });
    return () => {
      current = false;
    };
  }, [version]);

  const replace = (updated: Publication) =>
    setPublications((list) => {
      if (!list) return list;
      const known = list.some((p) => p.id === updated.id);
      const next = known ? list.map((p) => (p.id === updated.id ? updated : p)) : [...list, updated];
      return next.sort((a, b) => a.title.localeCompare(b.title, locale, { sensitivity: 'base' }));
    });

  function open(next: PanelState, from: HTMLElement) {
    opener.current = from;
    setNotice('');
    setPanel(next);
  }

  function close() {
    setPanel({ mode: 'closed' });
    // Back to the button that opened the panel, so keyboard work continues where it was.
    requestAnimationFrame(() => opener.current?.focus());
  }

  const visible = useMemo(() => {
    const words = foldForMatch(filter).split(' ').filter(Boolean);
    return (publications ?? []).filter((p) => {
      if (!showRetired && !p.active) return false;
      const haystack = foldForMatch(`${p.title} ${p.subtitle} ${p.isbn} ${p.eisbn} ${p.year ?? ''}`);
      return words.every((w) => haystack.includes(w.replace(/-/g, '')) || haystack.includes(w));
    });
  }, [publications, filter, showRetired]);

  const editing = panel.mode === 'edit' ? (publications?.find((p) => p.id === panel.id) ?? null) : null;
  const retiredCount = publications?.filter((p) => !p.active).length ?? 0;

  return (
    <section className="screen catalogue-screen">
      <h1>Catalogue</h1>
      <p className="muted">
        Type a price and press Enter or Tab to save it from today. Use Edit for titles, ISBNs, languages, retiring a title, and to schedule a price from a later date.
      </p>
      <div className="catalogue-toolbar">
        <button type="button" className="primary" onClick={(e) => open({ mode: 'new' }, e.currentTarget)}>
          New publication
        </button>
        <label className="catalogue-toolbar__filter">
          Find a title
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Title, ISBN or year" />
        </label>
        <label className="check">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
          Show retired titles ({retiredCount})
        </label>
      </div>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {publications === null && !error ? <p>Loading…</p> : null}
      <div className={`catalogue-layout ${panel.mode === 'closed' ? '' : 'catalogue-layout--with-panel'}`}>
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
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((p) => (
                <tr key={p.id} className={p.active ? '' : 'row--retired'} aria-selected={panel.mode === 'edit' && panel.id === p.id}>
                  <th scope="row">
                    <div className="title">{p.title}</div>
                    {p.subtitle ? <div className="subtitle">{p.subtitle}</div> : null}
                    <div className="subtitle">
                      {[p.languages.map((l) => languageName(l, locale)).join(', '), p.formats.map((f) => FORMAT_LABELS[f]).join(' + ')].filter(Boolean).join(' · ')}
                    </div>
                    {!p.active ? <span className="tag">Retired</span> : null}
                  </th>
                  <td>{p.year ?? ''}</td>
                  <td className="isbn">
                    {p.isbn ? <div>{hyphenateIsbn(p.isbn)}</div> : null}
                    {p.eisbn ? <div className="subtitle">E-ISBN {hyphenateIsbn(p.eisbn)}</div> : null}
                  </td>
                  {CURRENCY_CODES.map((c) => (
                    <PriceCell
                      key={`${c}:${p.prices[c]?.unitPrice ?? ''}`}
                      publication={p}
                      currency={c}
                      next={upcoming.find((u) => u.publicationId === p.id && u.currency === c)}
                      onSaved={replace}
                    />
                  ))}
                  <td>
                    <button type="button" aria-label={`Edit ${p.title}`} onClick={(e) => open({ mode: 'edit', id: p.id }, e.currentTarget)}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
              {visible.length === 0 ? (
                <tr>
                  <td colSpan={4 + CURRENCY_CODES.length} className="muted">
                    No title matches.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        ) : null}
        {panel.mode !== 'closed' ? (
          <PublicationPanel
            publication={editing}
            notice={notice}
            onSaved={(saved) => {
              setNotice(panel.mode === 'new' ? `"${saved.title}" added to the catalogue.` : 'Saved.');
              replace(saved);
              setVersion((v) => v + 1);
              setPanel({ mode: 'edit', id: saved.id });
            }}
            onPricesChanged={(saved) => {
              replace(saved);
              setVersion((v) => v + 1);
            }}
            onClose={close}
          />
        ) : null}
      </div>
    </section>
  );
}
