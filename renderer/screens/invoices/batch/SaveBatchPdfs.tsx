import { useState } from 'react';
import { orderDesk, runsInDesktopApp } from '../../../api/client';
import { MAX_ZIP_INVOICES } from '../../../../shared/contract/invoice-batch';
import { downloadBase64 } from '../../data/file-transfer';
import type { IssuedEntry } from './batch-runner';
import { plural } from '../../../../shared/domain/plural';

function parts<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every PDF issued here for the month: into a folder (desktop, native dialog) or as ZIP downloads (browser mode), named by that month. */
export function SaveBatchPdfs({ month, issued, intro }: { month: string; issued: readonly IssuedEntry[]; /** What these PDFs are, when not every invoice issued here (those left to print after e-mailing). */ intro?: string }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const ids = issued.map((e) => e.invoiceId);
  const desktop = runsInDesktopApp();

  async function saveToFolder() {
    const result = await orderDesk().desktop.saveInvoicePdfs({ ids });
    if (!result.ok) return setError(result.error.message);
    const { folder, written, skipped } = result.value;
    if (folder === null) return setStatus('No folder chosen; nothing was saved.');
    const already = skipped.length > 0 ? ` ${plural(skipped.length, 'was', 'were')} already there and left as ${skipped.length === 1 ? 'it was' : 'they were'}.` : '';
    setStatus(`${plural(written.length, 'PDF', 'PDFs')} saved into ${folder}.${already}`);
  }

  async function downloadZips() {
    const batches = parts(ids, MAX_ZIP_INVOICES);
    for (const [index, part] of batches.entries()) {
      const result = await orderDesk().invoices.zip({ ids: part, month });
      if (!result.ok) return setError(result.error.message);
      const name = batches.length === 1 ? result.value.fileName : result.value.fileName.replace(/\.zip$/, `-part-${index + 1}-of-${batches.length}.zip`);
      downloadBase64(name, result.value.mimeType, result.value.contentBase64);
    }
    setStatus(batches.length === 1 ? `${plural(ids.length, 'PDF', 'PDFs')} downloaded in one ZIP.` : `${plural(ids.length, 'PDF', 'PDFs')} downloaded in ${batches.length} ZIPs of up to ${MAX_ZIP_INVOICES}.`);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setStatus('');
    setError('');
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="batch-save" aria-labelledby="batch-save-heading">
      <h2 id="batch-save-heading">The PDFs</h2>
      <p className="muted">
        {intro ?? `${plural(ids.length, 'invoice', 'invoices')} issued here for this month`}, each saved exactly as issued and named by its number (INV-….pdf).
      </p>
      <div className="actions">
        {desktop ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void run(saveToFolder)}>
            Save all PDFs to a folder…
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void run(downloadZips)}>
            Download all as ZIP
          </button>
        )}
        <span role="status" className="status">
          {busy ? (desktop ? 'Saving…' : 'Preparing the ZIP…') : status}
        </span>
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
