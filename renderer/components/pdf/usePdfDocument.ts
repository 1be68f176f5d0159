import { useEffect, useState } from 'react';
import { openPdf, type PDFDocumentProxy } from './pdf-document';

export type PdfDocumentState = { doc: PDFDocumentProxy; error: null } | { doc: null; error: string | null };

/** The opened PDF for a base64 string, closed again when the string changes or the screen goes. */
export function usePdfDocument(contentBase64: string): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState & { source: string | null }>({ doc: null, error: null, source: null });

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(contentBase64).then(
      (doc) => {
        opened = doc;
        if (live) setState({ doc, error: null, source: contentBase64 });
        else void doc.destroy();
      },
      (error: unknown) => {
        if (live) setState({ doc: null, error: error instanceof Error ? error.message : String(error), source: contentBase64 });
      },
    );
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [contentBase64]);

  // An answer for an earlier string is not shown while the new one opens.
  if (state.source !== contentBase64) return { doc: null, error: null };
  return state.doc ? { doc: state.doc, error: null } : { doc: null, error: state.error };
}
