import { useState } from 'react';
import { MAX_REMINDERS_PER_CALL } from '../../../shared/contract/reminders';
import { plural } from '../../../shared/domain/plural';
import { orderDesk, runsInDesktopApp } from '../../api/client';
import { downloadBase64 } from '../data/file-transfer';

/**
 * The letters to print: into a folder chosen in the native dialog (desktop, by the invoice
 * batch's rules: nothing overwritten) or as one ZIP download (browser mode), the stored bytes.
 */
export function SaveReminderPdfs({ ids }: { ids: number[] }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const desktop = runsInDesktopApp();
  const letters = plural(ids.length, 'letter', 'letters');

  async function save() {
    setBusy(true);
    setStatus('');
    setError('');
    try {
      if (desktop) {
        const result = await orderDesk().desktop.saveReminderPdfs({ ids });
        if (!result.ok) return setError(result.error.message);
        const { folder, written, skipped } = result.value;
        if (folder === null) return setStatus('No folder chosen; nothing was saved.');
        setStatus(`${plural(written.length, 'PDF', 'PDFs')} saved into ${folder}.${skipped.length > 0 ? ` ${skipped.length} already there were left as they were.` : ''}`);
      } else {
        for (let from = 0; from < ids.length; from += MAX_REMINDERS_PER_CALL) {
          const result = await orderDesk().reminders.zip({ ids: ids.slice(from, from + MAX_REMINDERS_PER_CALL) });
          if (!result.ok) return setError(result.error.message);
          downloadBase64(result.value.fileName, result.value.mimeType, result.value.contentBase64);
        }
        setStatus(`${letters} downloaded as ZIP.`);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="reminders-save">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {desktop ? `Save the ${letters} to print into a folder…` : `Download the ${letters} to print as ZIP`}
        </button>
        <span role="status" className="status">
          {busy ? 'Preparing…' : status}
        </span>
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
