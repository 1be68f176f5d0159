/**
 * pdf.js, loaded only when a PDF is first shown (it is large), with its worker started
 * from the app's own files: the Content-Security-Policy allows workers from 'self' and
 * nothing else, and no string is ever evaluated as code.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { base64ToBytes } from './base64';

type PdfJs = typeof import('pdfjs-dist');

let pdfjs: Promise<{ lib: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }> | undefined;

function loadPdfJs() {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, { default: workerUrl }]) => {
    // The worker file is copied as it is into the build's assets (a same-origin module script).
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    // One worker for the page's whole life, shared by the viewer and printing.
    return { lib, worker: new lib.PDFWorker() };
  });
  return pdfjs;
}

/** Opens a PDF given as base64. The caller destroys it (doc.destroy()) when done. */
export async function openPdf(contentBase64: string): Promise<PDFDocumentProxy> {
  const { lib, worker } = await loadPdfJs();
  return lib.getDocument({
    data: base64ToBytes(contentBase64),
    worker,
    // The CSP forbids eval; pdf.js then interprets fonts instead of compiling them.
    isEvalSupported: false,
    // Order Desk's PDFs embed every font they use: nothing is fetched, no system font stands in.
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  }).promise;
}

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
