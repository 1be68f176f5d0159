/**
 * A renderer that starts its worker on the first document, so opening the app (or a test
 * database) costs nothing until someone previews or issues an invoice or exports a report.
 */
import type { DocumentRenderer } from './render-pool';

export function lazyRenderer(start: () => DocumentRenderer): DocumentRenderer {
  let renderer: DocumentRenderer | null = null;
  let closed = false;
  return {
    render(document) {
      if (closed) return Promise.reject(new Error('The PDF renderer is closed.'));
      renderer ??= start();
      return renderer.render(document);
    },
    renderReminder(document) {
      if (closed) return Promise.reject(new Error('The PDF renderer is closed.'));
      renderer ??= start();
      return renderer.renderReminder(document);
    },
    renderReport(report, format, options) {
      if (closed) return Promise.reject(new Error('The PDF renderer is closed.'));
      renderer ??= start();
      return renderer.renderReport(report, format, options);
    },
    async close() {
      closed = true;
      await renderer?.close();
    },
  };
}
