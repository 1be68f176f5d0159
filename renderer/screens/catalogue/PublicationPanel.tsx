import { useEffect, useRef } from 'react';
import type { Publication } from '../../../shared/contract/types';
import { PriceHistory } from './PriceHistory';
import { PublicationForm } from './PublicationForm';

interface PublicationPanelProps {
  /** null: a new title. */
  publication: Publication | null;
  /** What just happened, read out by screen readers and shown under the heading. */
  notice: string;
  onSaved(publication: Publication): void;
  /** A price was set or withdrawn; the publication carries today's prices. */
  onPricesChanged(publication: Publication): void;
  onClose(): void;
}

/** Side panel beside the grid, so the list stays in view; Escape closes it. */
export function PublicationPanel({ publication, notice, onSaved, onPricesChanged, onClose }: PublicationPanelProps) {
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    panelRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [publication?.id]);

  // Escape closes the panel wherever the focus is, unless a field already used the key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside
      ref={panelRef}
      className="side-panel"
      role="dialog"
      aria-labelledby="publication-panel-heading"
    >
      <h2 id="publication-panel-heading">{publication ? `Edit: ${publication.title}` : 'New publication'}</h2>
      <p role="status" className="status">
        {notice}
      </p>
      <PublicationForm key={`form:${publication?.id ?? 'new'}`} publication={publication} onSaved={onSaved} onCancel={onClose} />
      {publication ? <PriceHistory key={`prices:${publication.id}`} publication={publication} onChanged={onPricesChanged} /> : <p className="muted">Prices can be set once the title is added.</p>}
    </aside>
  );
}
