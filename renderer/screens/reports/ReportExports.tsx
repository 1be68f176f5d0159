import { useEffect, useState } from 'react';
import type { ReportFormat } from '../../../shared/contract/reports';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { downloadBase64, formatBytes } from '../data/file-transfer';
import { shortHash } from './report-text';
import type { PeriodInput } from './PeriodPicker';

const FORMATS: { format: ReportFormat; label: string; name: string }[] = [
  { format: 'csv', label: 'CSV', name: 'CSV file' },
  { format: 'xlsx', label: 'Excel (.xlsx)', name: 'Excel workbook' },
  { format: 'pdf', label: 'PDF', name: 'PDF' },
];

/** A quick export shows no progress at all; one that takes longer than this says it is working. */
const PROGRESS_AFTER_MS = 300;

function base64Bytes(base64: string): number {
  return Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

/** The report as a CSV file, an Excel workbook or a PDF, built by the API from the same value the screen shows. */
export function ReportExports({ period }: { period: PeriodInput }) {
  const [separator, setSeparator] = useState<'comma' | 'semicolon'>('comma');
  const [working, setWorking] = useState<(typeof FORMATS)[number] | null>(null);
  const [slow, setSlow] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (!working) return;
    const timer = window.setTimeout(() => setSlow(true), PROGRESS_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      setSlow(false);
    };
  }, [working]);

  async function download(choice: (typeof FORMATS)[number]) {
    setWorking(choice);
    setError('');
    setStatus('');
    // The request is asynchronous and the file is built off the main thread, so the window stays usable meanwhile.
    const result = await orderDesk().reports.export({ ...period, format: choice.format, ...(choice.format === 'csv' ? { delimiter: separator } : {}) });
    setWorking(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const file = result.value;
    downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    setStatus(`${file.fileName} is ready (${formatBytes(base64Bytes(file.contentBase64))}, SHA-256 ${shortHash(file.sha256)}).`);
  }

  return (
    <section className="report-exports" aria-labelledby="report-exports-title">
      <h2 id="report-exports-title" className="visually-hidden">
        Export the report
      </h2>
      <Field label="CSV separator" hint="Excel with Swiss or European settings opens semicolon files directly.">
        {(props) => (
          <select {...props} value={separator} onChange={(e) => setSeparator(e.target.value as 'comma' | 'semicolon')}>
            <option value="comma">Comma (,)</option>
            <option value="semicolon">Semicolon (;)</option>
          </select>
        )}
      </Field>
      <div className="report-exports__buttons" role="group" aria-label="Export the report">
        {FORMATS.map((f) => (
          <button key={f.format} type="button" disabled={working !== null} onClick={() => void download(f)}>
            Export {f.label}
          </button>
        ))}
      </div>
      {working && slow ? (
        <p className="report-exports__progress">
          <progress aria-label={`Preparing the ${working.name}`} />
          <span>Preparing the {working.name}… you can keep reading the report meanwhile.</span>
        </p>
      ) : null}
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status" className="status report-exports__status">
        {status}
      </p>
    </section>
  );
}
