/**
 * pdf.js, loaded only when a PDF is first shown (it is large), with its worker started
 * from the app's own files: the Content-Security-Policy allows workers from 'self' and
 * nothing else, and no string is ever evaluated as code.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { base64ToBytes } from './base64';

type PdfJs = typeof import('pdfjs-dist');

let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(([lib, { default: PdfWorker }]) => {
    // One worker for every document of the page; pdf.js keeps it while the port is set.
    lib.GlobalWorkerOptions.workerPort = new PdfWorker();
    return lib;
  });
  return pdfjs;
}

/** Opens a PDF given as base64. The caller destroys it (doc.destroy()) when done. */
export async function openPdf(contentBase64: string): Promise<PDFDocumentProxy> {
  const lib = await loadPdfJs();
  return lib.getDocument({
    data: base64ToBytes(contentBase64),
    // The shared worker passed explicitly is ours, not the document's: destroying one document
    // (a preview replaced while the clerk types) then neither ends it nor refuses the next one
    // ("PDFWorker.create - the worker is being destroyed").
    worker: lib.PDFWorker.create({ port: lib.GlobalWorkerOptions.workerPort ?? undefined }),
    // The CSP forbids eval; pdf.js then interprets fonts instead of compiling them.
    isEvalSupported: false,
    // Order Desk's PDFs embed every font they use: nothing is fetched, no system font stands in.
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  }).promise;
}

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
