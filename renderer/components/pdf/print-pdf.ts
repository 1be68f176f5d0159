/**
 * Printing a PDF from inside the app: its pages are drawn at print resolution into a
 * print-only container and window.print() opens the print dialog (the native one in the
 * desktop app, the browser's in browser mode). While the container is there, the print
 * style sheet hides the rest of the app, so only the document's pages come out, each on
 * its own sheet at its real size.
 */
import { openPdf } from './pdf-document';
import { drawPage, pageSize } from './render-page';
import './pdf-print.css';

/** 200 dpi: sharp text on paper, a few megabytes per A4 page while drawing. */
const PRINT_DPI = 200;
const CONTAINER_CLASS = 'pdf-print';

function canvasToBlobUrl(canvas: HTMLCanvasElement): Promise<string> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(URL.createObjectURL(blob)) : reject(new Error('The page could not be prepared for printing.'))), 'image/png');
  });
}

/** Removes what an earlier print left (its images and page size). */
function removePrintContainer(): void {
  for (const old of document.querySelectorAll<HTMLElement>(`.${CONTAINER_CLASS}`)) {
    for (const img of old.querySelectorAll('img')) URL.revokeObjectURL(img.src);
    old.remove();
  }
}

/**
 * Prints the PDF (base64). `title` names the print job (and the file when the clerk picks
 * "Save as PDF" in the dialog). Resolves once the dialog has been opened and answered.
 */
export async function printPdf(contentBase64: string, title: string): Promise<void> {
  removePrintContainer();
  const doc = await openPdf(contentBase64);
  const container = document.createElement('div');
  container.className = CONTAINER_CLASS;
  container.setAttribute('aria-hidden', 'true');
  try {
    let firstSize: { width: number; height: number } | null = null;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const size = pageSize(page);
      firstSize ??= size;
      const canvas = document.createElement('canvas');
      await drawPage(page, canvas, PRINT_DPI / 96, 1, 'print').done;
      const img = document.createElement('img');
      img.src = await canvasToBlobUrl(canvas);
      img.alt = '';
      img.style.width = `${size.width}pt`;
      img.style.height = `${size.height}pt`;
      container.append(img);
      // Frees the large bitmap now rather than when the canvas is collected.
      canvas.width = 0;
      canvas.height = 0;
      page.cleanup();
    }
    const pageRule = document.createElement('style');
    pageRule.textContent = firstSize ? `@page { size: ${firstSize.width}pt ${firstSize.height}pt; margin: 0; }` : '@page { margin: 0; }';
    container.append(pageRule);
    await Promise.all([...container.querySelectorAll('img')].map((img) => img.decode()));
  } finally {
    await doc.destroy();
  }
  document.body.append(container);
  window.addEventListener('afterprint', removePrintContainer, { once: true });
  const appTitle = document.title;
  document.title = title;
  try {
    window.print();
  } finally {
    document.title = appTitle;
  }
}
