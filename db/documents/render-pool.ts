/**
 * Invoice PDFs, and the monthly report's PDF and workbook, are made in worker threads:
 * `render(document)` and `renderReport(report, format)` answer the bytes while the main process
 * (the Electron window, browser mode's server) stays responsive. One pool for both kinds of job,
 * so the fonts are loaded once and a report waits its turn behind an invoice batch.
 *
 * Where the worker script is depends on how the app runs: bundled next to main.cjs as
 * render-worker.mjs (Electron), or the TypeScript source run through tsx (browser mode, tests).
 * The caller says which with bundledRenderWorker(__dirname) or sourceRenderWorker().
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';
import type { MonthlyReport } from '../../shared/contract/reports';
import type { ReminderDocument } from '../../shared/documents/reminder-document';

export interface RenderWorkerLocation {
  /** A file path, or with `eval` the worker's code itself. */
  script: string;
  eval: boolean;
}

/** The bundled worker, written by build/bundle-electron.mjs beside main.cjs. */
export function bundledRenderWorker(bundleDir: string): RenderWorkerLocation {
  return { script: path.join(bundleDir, 'render-worker.mjs'), eval: false };
}

export type ReportFileFormat = 'pdf' | 'xlsx';

export interface ReportRenderOptions {
  /** The unit's name for the PDF's letterhead (the issuer in Settings). */
  unitName?: string;
}

/** What a worker is asked to make. */
export type RenderJob =
  | { kind: 'invoice'; document: InvoiceDocument }
  | { kind: 'reminder'; document: ReminderDocument }
  | { kind: 'report'; format: ReportFileFormat; report: MonthlyReport; options: ReportRenderOptions };

export interface DocumentRenderer {
  render(document: InvoiceDocument): Promise<Buffer>;
  /** A payment reminder's PDF, deterministic for the same document. */
  renderReminder(document: ReminderDocument): Promise<Buffer>;
  /** The report's PDF or Excel workbook, deterministic for the same report value. */
  renderReport(report: MonthlyReport, format: ReportFileFormat, options?: ReportRenderOptions): Promise<Buffer>;
  /** Stops the workers; renders still waiting are refused. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  job: RenderJob;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

function failure(job: RenderJob, message: string): Error {
  const what = job.kind === 'report' && job.format === 'xlsx' ? 'The workbook' : 'The PDF';
  return new Error(`${what} could not be made: ${message}`);
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

type Reply = { id: number; bytes: Uint8Array; error?: undefined } | { id: number; error: string; bytes?: undefined };

export function createDocumentRenderer(location: RenderWorkerLocation, { workers = 1 }: { workers?: number } = {}): DocumentRenderer {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(location.script, { eval: location.eval }), job: null };
    slot.worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      if (reply.error !== undefined) job.reject(failure(job.job, reply.error));
      else job.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      pump();
    });
    // A worker that dies takes only its own job with it; a fresh one takes its place.
    const fail = (error: Error) => {
      const job = slot.job;
      slot.job = null;
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (job) job.reject(failure(job.job, error.message));
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closed && slots.includes(slot)) fail(new Error(`the PDF worker stopped (exit code ${code})`));
    });
    return slot;
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, job: job.job });
    }
  }

  for (let i = 0; i < Math.max(1, workers); i++) slots.push(spawn());

  function run(job: RenderJob): Promise<Buffer> {
    if (closed) return Promise.reject(new Error('The PDF renderer is closed.'));
    return new Promise<Buffer>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve, reject });
      pump();
    });
  }

  return {
    render: (document) => run({ kind: 'invoice', document }),
    renderReminder: (document) => run({ kind: 'reminder', document }),
    renderReport: (report, format, options = {}) => run({ kind: 'report', format, report, options }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The PDF renderer is closed.'));
      await Promise.all(slots.splice(0).map(async (slot) => {
        slot.job?.reject(new Error('The PDF renderer is closed.'));
        await slot.worker.terminate();
      }));
    },
  };
}
