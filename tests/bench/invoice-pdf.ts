/**
 * Invoice PDF figures for npm run bench: the first PDF of a fresh worker (start, fonts, warm-up),
 * one invoice (median), a three-page one, and a batch of 100 through the worker pool, as the
 * batch-issue screen would send them.
 */
import os from 'node:os';
import { createDocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';
import { sampleInvoice, sampleLines, SCRIPT_SAMPLES } from '../support/invoice-fixtures';

export interface PdfRow {
  what: string;
  median: number;
  p95: number;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Wall-clock and CPU milliseconds (every thread of the process: the workers do the work). */
async function timed<T>(fn: () => Promise<T>): Promise<[number, T, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return [performance.now() - start, value, (used.user + used.system) / 1000];
}

const cpuNote = (ms: number) => `CPU ${ms.toFixed(0)} ms`;

const CUSTOMERS = Object.values(SCRIPT_SAMPLES).map((name, i) => ({ name, addressLines: [`Street ${i + 1}`], postalCode: `${1000 + i}`, city: 'City', country: ['CH', 'FR', 'PL', 'RU', 'GR', 'EG', 'CN', 'JP', 'KR'][i]! }));

function batchInvoice(i: number): InvoiceDocument {
  return sampleInvoice({
    number: `INV-2025-${String(i + 1).padStart(5, '0')}`,
    customer: CUSTOMERS[i % CUSTOMERS.length]!,
    currency: (['CHF', 'EUR', 'USD'] as const)[i % 3]!,
    language: (['en', 'fr', 'es'] as const)[i % 3]!,
    lines: sampleLines((i % 4) + 1),
  });
}

export async function benchInvoicePdfs({ batch = 100, singles = 7 } = {}): Promise<PdfRow[]> {
  const rows: PdfRow[] = [];
  const one = sampleInvoice({ lines: sampleLines(3) });
  const scriptLines = Object.values(SCRIPT_SAMPLES).map((title, i) => ({ position: 100 + i, title, quantity: 1, unitPrice: '10.00' }));
  const three = sampleInvoice({ lines: [...sampleLines(22), ...scriptLines] });

  const single = createDocumentRenderer(sourceRenderWorker());
  try {
    const [first, , firstCpu] = await timed(() => single.render(one));
    rows.push({ what: 'PDF: first invoice of a new worker (start, fonts, warm-up)', median: first, p95: first, note: `1 run, ${cpuNote(firstCpu)}` });
    for (const [what, document, runs] of [
      ['PDF: one-page invoice with QR-bill', one, singles],
      ['PDF: three-page invoice, every script', three, Math.max(3, Math.round(singles / 3))],
    ] as const) {
      const times: number[] = [];
      const cpus: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const [ms, pdf, cpu] = await timed(() => single.render(document));
        times.push(ms);
        cpus.push(cpu);
        bytes = pdf.length;
      }
      times.sort((a, b) => a - b);
      cpus.sort((a, b) => a - b);
      rows.push({ what, median: percentile(times, 50), p95: percentile(times, 95), note: `${runs} runs, ${(bytes / 1024).toFixed(0)} KB, median ${cpuNote(percentile(cpus, 50))}` });
    }
  } finally {
    await single.close();
  }

  const workers = Math.max(1, Math.min(4, os.availableParallelism()));
  const pool = createDocumentRenderer(sourceRenderWorker(), { workers });
  try {
    // Every worker warm before the clock starts, as in an app that has been open a while.
    await Promise.all(Array.from({ length: workers }, (_, i) => pool.render(batchInvoice(i))));
    const documents = Array.from({ length: batch }, (_, i) => batchInvoice(i));
    const [total, , cpu] = await timed(() => Promise.all(documents.map((document) => pool.render(document))));
    rows.push({ what: `PDF: batch of ${batch} invoices, ${workers} workers (per invoice)`, median: total / batch, p95: total / batch, note: `${(total / 1000).toFixed(1)} s in all, ${cpuNote(cpu / batch)} per invoice` });
  } finally {
    await pool.close();
  }
  return rows;
}
