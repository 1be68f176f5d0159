/**
 * Stored PDFs in one ZIP, each entry the stored bytes unchanged (stored, not deflated: PDFs are
 * already compressed), named by its file name and dated its day of issue, so the same documents
 * always give the same ZIP. One PDF at a time, giving the event loop back after each (why on the
 * main thread rather than a worker: see zip.ts). Invoices and payment reminders both use it.
 */
import { Zip, ZipPassThrough } from 'fflate';
import type { InvoicePdfFile } from '../../../shared/contract/invoices';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** ZIP times are local wall-clock times without a zone: noon keeps the day whatever the zone. */
function noonOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

/** `load` answers each document's checked PDF and its day of issue; it throws (not_found, database_damaged) rather than answer half a ZIP. */
export async function zipOfPdfs(ids: readonly number[], load: (id: number) => Promise<{ file: InvoicePdfFile; issuedOn: string }>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const id of ids) {
    const { file, issuedOn } = await load(id);
    const entry = new ZipPassThrough(file.fileName);
    entry.mtime = noonOf(issuedOn);
    zip.add(entry);
    entry.push(Buffer.from(file.contentBase64, 'base64'), true);
    await yieldToEventLoop();
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
