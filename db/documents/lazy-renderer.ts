/**
 * A renderer that starts its worker on the first document, so opening the app (or a test
 * database) costs nothing until someone previews or issues an invoice.
 */
import type { InvoiceRenderer } from './render-pool';

export function lazyRenderer(start: () => InvoiceRenderer): InvoiceRenderer {
  let renderer: InvoiceRenderer | null = null;
  let closed = false;
  return {
    render(document) {
      if (closed) return Promise.reject(new Error('The PDF renderer is closed.'));
      renderer ??= start();
      return renderer.render(document);
    },
    async close() {
      closed = true;
      await renderer?.close();
    },
  };
}
