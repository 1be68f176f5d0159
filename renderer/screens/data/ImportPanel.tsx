import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind, type ImportReport } from '../../../shared/contract/transfer';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { ImportPreview } from './ImportPreview';
import { MappingTable } from './MappingTable';
import { readFileAsBase64 } from './file-transfer';
import { importButtonLabel, importedText } from './import-words';

interface ChosenFile {
  name: string;
  contentBase64: string;
}

const KIND_HELP: Record<ImportKind, string> = {
  publications: 'Adds new publications and updates those it recognises by ID, ISBN or exact title. Price CHF/EUR/USD columns set today\u2019s prices.',
  prices: 'Sets prices of catalogue publications, found by ISBN or exact title. A Valid from column schedules them; otherwise they apply from today.',
  customers: 'Adds new customers and updates those it recognises by ID or e-mail address. Country may be a code (CH) or a name (Switzerland).',
};

function errorsOf(error: ApiError): Record<string, string> {
  const issues = error.issues ?? [{ field: error.field ?? '', message: error.message }];
  return Object.fromEntries(issues.map((i) => [i.field === 'contentBase64' || i.field === 'fileName' || i.field === '' ? 'file' : i.field, i.message]));
}

/** Choose what and which file → check the column mapping and every row → confirm. Nothing is written before the confirmation. */
export function ImportPanel({ onImported }: { onImported?: () => void }) {
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'' | 'reading' | 'importing'>('');
  const [done, setDone] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const latestPreview = useRef(0);
  // Controls stay usable while a preview is computed (disabling them would drop the keyboard focus); only importing locks them.
  const locked = busy === 'importing';

  async function preview(nextKind: ImportKind, chosen: ChosenFile, mapping?: Record<string, string>) {
    const request = ++latestPreview.current;
    setBusy('reading');
    setDone('');
    const result = await orderDesk().transfer.preview({ kind: nextKind, fileName: chosen.name, contentBase64: chosen.contentBase64, ...(mapping ? { mapping } : {}) });
    // Only the answer to the latest choice counts; an older one arriving late is dropped.
    if (request !== latestPreview.current) return;
    setBusy('');
    if (result.ok) {
      setErrors({});
      setReport(result.value);
    } else {
      setErrors(errorsOf(result.error));
      // A wrong mapping keeps the last preview on screen; a file that cannot be read clears it.
      if (!result.error.field?.startsWith('mapping.')) setReport(null);
    }
  }

  async function choose(list: FileList | null) {
    const chosen = list?.[0];
    setReport(null);
    setDone('');
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setErrors({ file: `${chosen.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one after the other.` });
      return;
    }
    const next = { name: chosen.name, contentBase64: await readFileAsBase64(chosen) };
    setFile(next);
    await preview(kind, next);
  }

  async function changeKind(next: ImportKind) {
    setKind(next);
    setReport(null);
    if (file) await preview(next, file);
  }

  async function changeMapping(key: string, header: string) {
    if (!file || !report) return;
    const mapping = { ...report.mapping, [key]: header };
    setReport({ ...report, mapping });
    await preview(kind, file, mapping);
  }

  async function confirm() {
    if (!file || !report) return;
    setBusy('importing');
    // The rows with a problem are left out only when the button said so (it names them).
    const skipRowsWithProblems = report.problemCount > 0 && report.canSkipRowsWithProblems;
    const result = await orderDesk().transfer.commit({ kind, fileName: file.name, contentBase64: file.contentBase64, mapping: report.mapping, ...(skipRowsWithProblems ? { skipRowsWithProblems } : {}) });
    setBusy('');
    if (!result.ok) return setErrors(errorsOf(result.error));
    if (!result.value.written) return setReport(result.value.report);
    setDone(importedText(file.name, result.value));
    setReport(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    onImported?.();
  }

  // After an import, the file input is ready for the next file (it is unlocked by the same render).
  useEffect(() => {
    if (done) fileInput.current?.focus();
  }, [done]);

  const ready = report !== null && report.validRows > 0 && (report.problemCount === 0 || report.canSkipRowsWithProblems);
  return (
    <section className="data-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <div className="import-choose">
        <Field label="What to import" error={errors.kind} hint={KIND_HELP[kind]}>
          {(props) => (
            <select {...props} value={kind} disabled={locked} onChange={(e) => void changeKind(e.target.value as ImportKind)}>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {IMPORT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="File (CSV or Excel .xlsx, up to 10 MB)" error={errors.file} hint="The first row must name the columns.">
          {(props) => <input {...props} ref={fileInput} type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={locked} onChange={(e) => void choose(e.target.files)} />}
        </Field>
      </div>
      {busy ? (
        <p className="muted" role="status">
          {busy === 'reading' ? `Reading ${file?.name ?? 'the file'} and checking every row…` : `Importing ${file?.name ?? 'the file'}: all rows or none…`}
        </p>
      ) : null}
      {report ? (
        <>
          <MappingTable fields={report.fields} headers={report.headers} mapping={report.mapping} errors={errors} disabled={locked} onChange={(k, h) => void changeMapping(k, h)} />
          <ImportPreview report={report} />
          <div className="actions">
            <button type="button" className="primary" disabled={!ready || busy !== ''} onClick={() => void confirm()}>
              {importButtonLabel(report)}
            </button>
            {!ready ? <span className="muted">{report.problemCount > 0 ? 'Fix the problems listed above in the file, then choose it again.' : 'There is nothing to import.'}</span> : null}
            {ready && report.problemCount > 0 ? <span className="muted">Or fix the file and choose it again to import every row.</span> : null}
          </div>
        </>
      ) : null}
      <p role="status" className="status">{done}</p>
    </section>
  );
}
