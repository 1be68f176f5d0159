/**
 * Invoice PDFs are rendered in worker threads: `render(document)` answers the bytes while the
 * main process (the Electron window, browser mode's server) stays responsive.
 *
 * Where the worker script is depends on how the app runs: bundled next to main.cjs as
 * render-worker.mjs (Electron), or the TypeScript source run through tsx (browser mode, tests).
 * The caller says which with bundledRenderWorker(__dirname) or sourceRenderWorker().
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';

export interface RenderWorkerLocation {
  /** A file path, or with `eval` the worker's code itself. */
  script: string;
  eval: boolean;
}

/** The bundled worker, written by build/bundle-electron.mjs beside main.cjs. */
export function bundledRenderWorker(bundleDir: string): RenderWorkerLocation {
  return { script: path.join(bundleDir, 'render-worker.mjs'), eval: false };
}

export interface InvoiceRenderer {
  render(document: InvoiceDocument): Promise<Buffer>;
  /** Stops the workers; renders still waiting are refused. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  document: InvoiceDocument;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

type Reply = { id: number; pdf: Uint8Array; error?: undefined } | { id: number; error: string; pdf?: undefined };

export function createInvoiceRenderer(location: RenderWorkerLocation, { workers = 1 }: { workers?: number } = {}): InvoiceRenderer {
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
      if (reply.error !== undefined) job.reject(new Error(`The PDF could not be made: ${reply.error}`));
      else job.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      pump();
    });
    // A worker that dies takes only its own job with it; a fresh one takes its place.
    const fail = (error: Error) => {
      const job = slot.job;
      slot.job = null;
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      job?.reject(new Error(`The PDF could not be made: ${error.message}`));
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
      slot.worker.postMessage({ id: job.id, document: job.document });
    }
  }

  for (let i = 0; i < Math.max(1, workers); i++) slots.push(spawn());

  return {
    render(document) {
      if (closed) return Promise.reject(new Error('The PDF renderer is closed.'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, document, resolve, reject });
        pump();
      });
    },
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
