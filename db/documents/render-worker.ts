/**
 * The worker thread that makes invoice PDFs and the monthly report's PDF and workbook, so a
 * batch of invoices or a year's report never blocks the main process.
 * Messages in: { id, job: RenderJob }; out: { id, bytes } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { reportXlsxBytes } from '../files/report-spreadsheets';
import type { RenderJob } from './render-pool';
import { renderInvoicePdf, renderReminderPdf, warmUpRenderer } from './render-invoice';
import { renderReportPdf } from './render-report';

interface RenderRequest {
  id: number;
  job: RenderJob;
}

if (!parentPort) throw new Error('render-worker must run as a worker thread.');
const port = parentPort;

void warmUpRenderer().catch(() => undefined);

function make(job: RenderJob): Promise<Buffer> {
  if (job.kind === 'invoice') return renderInvoicePdf(job.document);
  if (job.kind === 'reminder') return renderReminderPdf(job.document);
  return job.format === 'pdf' ? renderReportPdf(job.report, job.options) : reportXlsxBytes(job.report);
}

port.on('message', (request: RenderRequest) => {
  make(request.job).then(
    (bytes) => port.postMessage({ id: request.id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
