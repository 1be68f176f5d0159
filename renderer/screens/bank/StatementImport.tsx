import { useRef, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/errors';
import { MAX_STATEMENT_FILE_BYTES, type BankImportResult } from '../../../shared/contract/bank';
import { isDemoBooks } from '../../../shared/domain/demo-books';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { useSettings } from '../../state/settings';
import { readFileAsBase64 } from '../data/file-transfer';
import { importedText } from './bank-words';

interface Props {
  /** Offer the demo database's sample statement (only while nothing was imported yet). */
  offerSample: boolean;
  onImported(result: BankImportResult): void;
}

/** Whatever the API names (the file's name or content, or nothing), a refused file is said at the file field. */
function fileError(error: ApiError): string {
  return error.issues?.map((i) => i.message).join(' ') || error.message;
}

/**
 * Choose a camt.053 or camt.054 file and it is imported at once: the payments its references
 * name are recorded, the rest wait below. Nothing is asked first, because nothing can be
 * recorded twice (the same file again, or a camt.053 after its camt.054, adds nothing).
 */
export function StatementImport({ offerSample, onImported }: Props) {
  const demo = useSettings((s) => isDemoBooks(s.settings?.bankAccounts ?? []));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState('');
  const input = useRef<HTMLInputElement>(null);

  async function run(fileName: string, send: () => Promise<Result<BankImportResult>>) {
    setBusy(`Reading ${fileName} and matching its payments to invoices…`);
    setError(undefined);
    setDone('');
    const result = await send();
    setBusy(null);
    if (input.current) input.current.value = '';
    if (!result.ok) {
      setError(fileError(result.error));
      input.current?.focus();
      return;
    }
    setDone(importedText(result.value));
    onImported(result.value);
  }

  async function choose(list: FileList | null) {
    const file = list?.[0];
    if (!file) return;
    if (file.size > MAX_STATEMENT_FILE_BYTES) {
      setDone('');
      setError(`${file.name} is larger than ${MAX_STATEMENT_FILE_BYTES / 1024 / 1024} MB, more than a bank statement ever is. Import the camt.053 or camt.054 file of a shorter period.`);
      return;
    }
    const contentBase64 = await readFileAsBase64(file);
    await run(file.name, () => orderDesk().bank.import({ fileName: file.name, contentBase64 }));
  }

  async function trySample() {
    setBusy('Making the sample statement…');
    const sample = await orderDesk().bank.sampleFile({});
    if (!sample.ok) {
      setBusy(null);
      setError(sample.error.message);
      return;
    }
    await run(sample.value.fileName, () => orderDesk().bank.import({ fileName: sample.value.fileName, contentBase64: sample.value.contentBase64 }));
  }

  return (
    <section className="bank-import" aria-labelledby="bank-import-title">
      <h2 id="bank-import-title" className="visually-hidden">
        Import a statement
      </h2>
      <div className="bank-import__row">
        <Field label="Bank statement file (camt.053 or camt.054, .xml)" error={error} hint="As the bank delivers it, up to 50 MB. A file imported before adds nothing.">
          {(props) => <input {...props} ref={input} name="file" type="file" accept=".xml,application/xml,text/xml" disabled={busy !== null} onChange={(e) => void choose(e.target.files)} />}
        </Field>
        {demo && offerSample ? (
          <div className="bank-import__sample">
            <button type="button" disabled={busy !== null} onClick={() => void trySample()}>
              Try with the sample statement
            </button>
            <p className="field__hint">This demo database comes with a sample camt.054 that pays some of its open invoices.</p>
          </div>
        ) : null}
      </div>
      <p role="status" className={busy ? 'muted' : 'status'}>
        {busy ?? done}
      </p>
    </section>
  );
}
