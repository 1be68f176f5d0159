import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from './pdf-document';
import { usePdfDocument } from './usePdfDocument';
import { PdfPageCanvas } from './PdfPageCanvas';
import { CSS_PX_PER_POINT, pageSize } from './render-page';
import { fitWidthZoom, stepZoom, zoomLabel, type Zoom } from './zoom';
import './pdf-viewer.css';

export interface PdfViewerProps {
  /** The PDF's bytes, base64 (as the API carries files). */
  contentBase64: string;
  /** What the document is, e.g. "Invoice INV-2025-00001": names the viewer and its pages. */
  title: string;
  /** Buttons shown at the end of the toolbar, e.g. <PdfFileActions>. */
  actions?: ReactNode;
  /** Fit to the width of the view (the default) or a fixed zoom, 1 = real size. */
  initialZoom?: Zoom;
}

/** Room left and right of the page inside the view, in CSS pixels. */
const GUTTER_PX = 32;

/**
 * Shows a PDF inside the app with pdf.js, one page at a time on a canvas: "Page n of m",
 * previous and next, zoom and fit-width. Keys while the view has focus: PageDown/PageUp or
 * →/← change page, Home/End go to the first/last, + and − zoom, 0 fits the width.
 */
export function PdfViewer({ contentBase64, title, actions, initialZoom = 'fit-width' }: PdfViewerProps) {
  const { doc, error } = usePdfDocument(contentBase64);
  // Keyed by the document, so a new PDF starts on its first page.
  return <PdfDocumentView key={doc ? contentBase64 : 'none'} doc={doc} openError={error} title={title} actions={actions} initialZoom={initialZoom} />;
}

interface PdfDocumentViewProps extends Omit<PdfViewerProps, 'contentBase64' | 'initialZoom'> {
  doc: PDFDocumentProxy | null;
  openError: string | null;
  initialZoom: Zoom;
}

function PdfDocumentView({ doc, openError, title, actions, initialZoom }: PdfDocumentViewProps) {
  const [pageNumber, setPageNumber] = useState(1);
  const [loaded, setLoaded] = useState<{ number: number; page: PDFPageProxy } | null>(null);
  const [zoom, setZoom] = useState<Zoom>(initialZoom);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [viewWidth, setViewWidth] = useState(0);
  const viewRef = useRef<HTMLDivElement>(null);

  const pageCount = doc?.numPages ?? 0;
  // The page asked for, or the one before it while it loads (no blank flash between pages).
  const page = loaded?.page ?? null;

  useEffect(() => {
    if (!doc) return;
    let live = true;
    doc.getPage(pageNumber).then(
      (p) => live && setLoaded({ number: pageNumber, page: p }),
      (e: unknown) => live && setDrawError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [doc, pageNumber]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const measure = () => setViewWidth(view.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(view);
    return () => observer.disconnect();
  }, []);

  const effectiveZoom = zoom === 'fit-width' ? (page ? fitWidthZoom(viewWidth - GUTTER_PX, pageSize(page).width * CSS_PX_PER_POINT) : 1) : zoom;
  const onDrawError = useCallback((message: string) => setDrawError(message), []);

  const goTo = (n: number) => {
    if (pageCount === 0) return;
    setPageNumber(Math.max(1, Math.min(pageCount, n)));
    viewRef.current?.scrollTo({ top: 0 });
  };
  const zoomBy = (direction: 1 | -1) => setZoom(stepZoom(effectiveZoom, direction));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    const actionsByKey: Record<string, () => void> = {
      PageDown: () => goTo(pageNumber + 1),
      ArrowRight: () => goTo(pageNumber + 1),
      PageUp: () => goTo(pageNumber - 1),
      ArrowLeft: () => goTo(pageNumber - 1),
      Home: () => goTo(1),
      End: () => goTo(pageCount),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom('fit-width'),
    };
    const action = actionsByKey[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const error = openError ?? drawError;
  const status = error ? null : pageCount > 0 ? `Page ${pageNumber} of ${pageCount}` : 'Opening the PDF…';

  return (
    <section className="pdf-viewer" aria-label={title} onKeyDown={onKeyDown}>
      <div className="pdf-viewer__toolbar" role="toolbar" aria-label={`${title}: pages and zoom`}>
        <div className="pdf-viewer__group">
          <button type="button" onClick={() => goTo(pageNumber - 1)} disabled={pageNumber <= 1 || pageCount === 0} aria-keyshortcuts="PageUp" aria-label="Previous page" title="Previous page (Page Up)">
            ‹
          </button>
          <span className="pdf-viewer__status" role="status" aria-live="polite">
            {status}
          </span>
          <button type="button" onClick={() => goTo(pageNumber + 1)} disabled={pageNumber >= pageCount} aria-keyshortcuts="PageDown" aria-label="Next page" title="Next page (Page Down)">
            ›
          </button>
        </div>
        <div className="pdf-viewer__group">
          <button type="button" onClick={() => zoomBy(-1)} disabled={!page} aria-keyshortcuts="-" aria-label="Zoom out" title="Zoom out (−)">
            −
          </button>
          <span className="pdf-viewer__zoom" aria-label="Zoom">
            {zoomLabel(effectiveZoom)}
          </span>
          <button type="button" onClick={() => zoomBy(1)} disabled={!page} aria-keyshortcuts="+" aria-label="Zoom in" title="Zoom in (+)">
            +
          </button>
          <button type="button" onClick={() => setZoom('fit-width')} aria-pressed={zoom === 'fit-width'} disabled={!page} aria-keyshortcuts="0" title="Fit the page to the width (0)">
            Fit width
          </button>
        </div>
        {actions ? <div className="pdf-viewer__group pdf-viewer__actions">{actions}</div> : null}
      </div>
      <div
        ref={viewRef}
        className="pdf-viewer__view"
        tabIndex={0}
        aria-label={`${title}${status ? `, ${status.toLowerCase()}` : ''}. Page Up and Page Down change page, plus and minus zoom.`}
      >
        {error ? <p className="banner banner--error">The PDF could not be shown: {error}</p> : null}
        {page && !error ? <PdfPageCanvas page={page} zoom={effectiveZoom} label={`${title}, ${status?.toLowerCase() ?? ''}`} onError={onDrawError} /> : null}
      </div>
    </section>
  );
}
