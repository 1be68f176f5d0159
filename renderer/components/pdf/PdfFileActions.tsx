import { useEffect, useState } from 'react';
import { runsInDesktopApp } from '../../api/client';
import { downloadBase64 } from '../../screens/data/file-transfer';
import { printPdf } from './print-pdf';

export interface PdfFile {
  fileName: string;
  contentBase64: string;
}

interface PdfFileActionsProps {
  file: PdfFile;
  /** Names the print job, e.g. "INV-2025-00001". */
  title: string;
}

/**
 * Print and save for a PDF shown in the app. The desktop app answers a download with its
 * native Save dialog, so there the button says "Save as PDF…"; browser mode downloads.
 * Ctrl/Cmd+P prints the document rather than the screen while these buttons are shown.
 */
export function PdfFileActions({ file, title }: PdfFileActionsProps) {
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);
  const desktop = runsInDesktopApp();

  const print = async () => {
    setPrinting(true);
    setPrintError(null);
    try {
      await printPdf(file.contentBase64, title);
    } catch (error) {
      setPrintError(error instanceof Error ? error.message : String(error));
    } finally {
      setPrinting(false);
    }
  };

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        if (!printing) void print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <button type="button" onClick={() => void print()} disabled={printing} aria-keyshortcuts="Control+P">
        {printing ? 'Preparing…' : 'Print…'}
      </button>
      <button type="button" className="primary" onClick={() => downloadBase64(file.fileName, 'application/pdf', file.contentBase64)}>
        {desktop ? 'Save as PDF…' : 'Download PDF'}
      </button>
      {printError ? (
        <span className="pdf-viewer__error" role="alert">
          Printing failed: {printError}
        </span>
      ) : null}
    </>
  );
}
