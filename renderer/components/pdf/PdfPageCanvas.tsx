import { useEffect, useId, useRef, useState } from 'react';
import type { PDFPageProxy } from './pdf-document';
import { drawPage, isCancelled, pageText } from './render-page';

interface PdfPageCanvasProps {
  page: PDFPageProxy;
  zoom: number;
  /** e.g. "Invoice INV-2025-00001, page 1 of 3": the canvas's accessible name. */
  label: string;
  onError(message: string): void;
}

/**
 * One page drawn on a canvas, with its text as the canvas's description (screen readers
 * read it; the clerk can open it to copy a number or an IBAN).
 */
export function PdfPageCanvas({ page, zoom, label, onError }: PdfPageCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textId = useId();
  const [text, setText] = useState<{ page: PDFPageProxy; text: string } | null>(null);
  // What is on the canvas now; tests and the busy cursor wait for it to match.
  const [drawn, setDrawn] = useState<{ page: PDFPageProxy; zoom: number } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const drawing = drawPage(page, canvas, zoom, window.devicePixelRatio || 1);
    drawing.done.then(
      () => setDrawn({ page, zoom }),
      (error: unknown) => {
        if (!isCancelled(error)) onError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => drawing.cancel();
  }, [page, zoom, onError]);

  useEffect(() => {
    let live = true;
    pageText(page).then(
      (t) => live && setText({ page, text: t }),
      () => live && setText({ page, text: '' }),
    );
    return () => {
      live = false;
    };
  }, [page]);

  const shownText = text?.page === page ? text.text : null;
  return (
    <figure className="pdf-page">
      <canvas ref={canvasRef} className="pdf-page__canvas" role="img" aria-label={label} aria-describedby={textId} data-drawn={drawn?.page === page && drawn.zoom === zoom ? 'true' : 'false'} />
      <details className="pdf-page__text">
        <summary>Text of this page</summary>
        <pre id={textId}>{shownText ?? 'Reading the text…'}</pre>
      </details>
    </figure>
  );
}
