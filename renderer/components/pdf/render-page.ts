/**
 * Drawing one PDF page on a canvas. Scale 1 is the page at its real size on screen
 * (CSS inches), so 100 % in the viewer means the same as in any PDF reader.
 */
import type { PDFPageProxy } from './pdf-document';

/** CSS pixels per PDF point: PDF has 72 points per inch, CSS 96 pixels. */
export const CSS_PX_PER_POINT = 96 / 72;

export interface PageSize {
  /** In PDF points (1/72 inch), rotation applied. */
  width: number;
  height: number;
}

export function pageSize(page: PDFPageProxy): PageSize {
  const { width, height } = page.getViewport({ scale: 1 });
  return { width, height };
}

export interface DrawnPage {
  done: Promise<void>;
  cancel(): void;
}

/**
 * Draws `page` at `zoom` (1 = real size) with `pixelRatio` device pixels per CSS pixel, sizing
 * the canvas element to the page. `done` rejects with a RenderingCancelledException once cancelled.
 */
export function drawPage(page: PDFPageProxy, canvas: HTMLCanvasElement, zoom: number, pixelRatio: number, intent: 'display' | 'print' = 'display'): DrawnPage {
  const cssScale = zoom * CSS_PX_PER_POINT;
  const viewport = page.getViewport({ scale: cssScale * pixelRatio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / pixelRatio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / pixelRatio)}px`;
  const task = page.render({ canvas, viewport, intent });
  return { done: task.promise, cancel: () => task.cancel() };
}

/** True for the error pdf.js raises when a drawing was cancelled on purpose (a newer one replaced it). */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}

/** The page's text in reading order, one line per text line, for the text alternative. */
export async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
    else if (item.str !== '' && !text.endsWith(' ')) text += ' ';
  }
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
