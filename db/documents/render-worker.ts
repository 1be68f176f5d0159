/**
 * The worker thread that renders invoice PDFs, so a batch never blocks the main process.
 * Messages in: { id, document }; out: { id, pdf } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';
import { renderInvoicePdf, warmUpRenderer } from './render-invoice';

interface RenderRequest {
  id: number;
  document: InvoiceDocument;
}

if (!parentPort) throw new Error('render-worker must run as a worker thread.');
const port = parentPort;

void warmUpRenderer().catch(() => undefined);

port.on('message', (request: RenderRequest) => {
  renderInvoicePdf(request.document).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      port.postMessage({ id: request.id, pdf: bytes });
    },
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
