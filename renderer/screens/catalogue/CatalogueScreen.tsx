import { useMemo, useRef, useState } from 'react';
import type { PriceHistoryEntry, Publication } from '../../../shared/contract/types';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { hyphenateIsbn } from '../../../shared/domain/isbn';
import { foldForMatch } from '../../../shared/domain/text';
import { FORMAT_LABELS } from '../../../shared/domain/vocabulary';
import { orderDesk } from '../../api/client';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { languageName } from './language-names';
import { PriceCell } from './PriceCell';
import { PublicationPanel } from './PublicationPanel';
import { priceSetText, priceWithdrawnText } from './price-text';
import './catalogue.css';

/** Which title the side panel shows: none, a new one, or an existing one by id. */
type PanelState = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; id: number };

/** The catalogue: titles with their details, today's price per currency, and a side panel to add or edit a title and its price history. */
export function CatalogueScreen() {
  const locale = useLocale();
  // Read again after the panel changes a title or its prices (reload), so scheduled prices are current.
  const read = useApiRead(() => orderDesk().catalogue.list({}), []);
  const publications = read.data?.publications ?? null;
  const upcoming = read.data?.upcoming ?? [];
  const [panel, setPanel] = useState<PanelState>({ mode: 'closed' });
  const [showRetired, setShowRetired] = useState(true);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState('');
  /** What the last price typed in the grid did, with a way to take it back the same day. */
  const [priceNotice, setPriceNotice] = useState<{ text: string; withdraw: { title: string; price: PriceHistoryEntry } | null } | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  // Shows a saved title at once, before the catalogue is read again.
  const replace = (updated: Publication) =>
    read.update((catalogue) => {
      const list = catalogue.publications;
      const known = list.some((p) => p.id === updated.id);
      const next = known ? list.map((p) => (p.id === updated.id ? updated : p)) : [...list, updated];
      return { ...catalogue, publications: next.sort((a, b) => a.title.localeCompare(b.title, locale, { sensitivity: 'base' })) };
    });

  function priceSaved(saved: Publication, price: PriceHistoryEntry) {
    replace(saved);
    read.reload();
    setPriceNotice({ text: priceSetText(saved.title, price, locale), withdraw: { title: saved.title, price } });
  }

  async function withdrawPrice(title: string, price: PriceHistoryEntry) {
    const result = await orderDesk().prices.withdraw({ priceId: price.id });
    if (!result.ok) {
      setPriceNotice({ text: result.error.message, withdraw: null });
      return;
    }
    replace(result.value.publication);
    read.reload();
    setPriceNotice({ text: priceWithdrawnText(title, price, result.value.inForce, locale), withdraw: null });
  }

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
        Type a price and press Enter or Tab to save it from today; a price set by mistake can be withdrawn the same day. Use Edit for titles, ISBNs, languages, retiring a title, and to schedule a price from a later date.
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
      <div className="price-notice">
        <p className="status" role="status">
          {priceNotice?.text ?? ''}
        </p>
        {priceNotice?.withdraw ? (
          <button type="button" onClick={() => void withdrawPrice(priceNotice.withdraw!.title, priceNotice.withdraw!.price)}>
            Withdraw this price
          </button>
        ) : null}
      </div>
      <ReadStatus read={read} />
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
                      onSaved={priceSaved}
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
              read.reload();
              setPanel({ mode: 'edit', id: saved.id });
            }}
            onPricesChanged={(saved) => {
              replace(saved);
              read.reload();
            }}
            onClose={close}
          />
        ) : null}
      </div>
    </section>
  );
}
