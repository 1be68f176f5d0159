import { useEffect } from 'react';
import { useLocale } from '../../state/settings';
import { describeDraftTime, type Draft } from './draft-storage';

interface DraftOfferProps {
  draft: Draft;
  /** Set when the order was changed elsewhere after the draft was started. */
  changedSince: boolean;
  onRestore(): void;
  onDiscard(): void;
}

/** Asked before anything else, so a draft can never be overwritten by a fresh form. */
export function DraftOffer({ draft, changedSince, onRestore, onDiscard }: DraftOfferProps) {
  const locale = useLocale();
  // Ctrl+S out of habit must not open the browser's "save page" while the question is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const who = draft.form.customer.name.trim();
  const lines = draft.form.lines.filter((l) => l.title.trim() !== '').length;
  return (
    <div className="banner banner--warning draft-offer" role="alertdialog" aria-labelledby="draft-offer-title" aria-describedby="draft-offer-detail">
      <h2 id="draft-offer-title">Restore the unsaved order from {describeDraftTime(draft.savedAt, locale)}?</h2>
      <p id="draft-offer-detail">
        {who ? (
          <>
            For <bdi>{who}</bdi>
          </>
        ) : (
          'No name yet'
        )}
        , {lines} {lines === 1 ? 'book' : 'books'}. It was not saved when the window closed or you left the screen.
        {changedSince ? ' Someone has changed this order since; saving the restored version will ask you to reload first.' : ''}
      </p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={onRestore}>
          Restore
        </button>
        <button type="button" onClick={onDiscard}>
          Discard it
        </button>
      </div>
    </div>
  );
}
