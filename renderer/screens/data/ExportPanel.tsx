import { useState } from 'react';
import type { ExportFormat, ExportKind } from '../../../shared/contract/transfer';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { downloadBase64 } from './file-transfer';

const KINDS: { kind: ExportKind; label: string; what: string }[] = [
  { kind: 'catalogue', label: 'Catalogue', what: 'every publication with its prices in force today' },
  { kind: 'customers', label: 'Customers', what: 'the customer directory' },
];

/** Catalogue and customers as CSV or Excel files, with the column names import understands. */
export function ExportPanel() {
  const [separator, setSeparator] = useState<'comma' | 'semicolon'>('comma');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function download(kind: ExportKind, format: ExportFormat) {
    setBusy(true);
    setError('');
    setStatus('');
    const result = await orderDesk().transfer.export({ kind, format, ...(format === 'csv' ? { delimiter: separator } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    downloadBase64(result.value.fileName, result.value.mimeType, result.value.contentBase64);
    setStatus(`${result.value.fileName} is ready: ${result.value.rows} ${result.value.rows === 1 ? 'row' : 'rows'}.`);
  }

  return (
    <section className="data-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className="muted">Amounts are written exactly (25.50); ISBNs, phone numbers and zip codes stay text. Edit the file and import it back to update many records at once.</p>
      <Field label="CSV separator" hint="Excel with Swiss or European settings opens semicolon files directly.">
        {(props) => (
          <select {...props} value={separator} onChange={(e) => setSeparator(e.target.value as 'comma' | 'semicolon')}>
            <option value="comma">Comma (,)</option>
            <option value="semicolon">Semicolon (;)</option>
          </select>
        )}
      </Field>
      <div className="export-grid">
        {KINDS.map(({ kind, label, what }) => (
          <div key={kind} className="export-row">
            <div>
              <strong>{label}</strong>
              <div className="muted">{what}</div>
            </div>
            <button type="button" disabled={busy} onClick={() => void download(kind, 'csv')}>
              {label} as CSV
            </button>
            <button type="button" disabled={busy} onClick={() => void download(kind, 'xlsx')}>
              {label} as Excel (.xlsx)
            </button>
          </div>
        ))}
      </div>
      {error ? <p className="banner banner--error" role="alert">{error}</p> : null}
      <p role="status" className="status">{status}</p>
    </section>
  );
}
