import { useState } from 'react';
import type { BankStatement } from '../../../shared/contract/bank';
import { formatIban } from '../../../shared/domain/bank-accounts';
import { formatDateTime } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { useLocale } from '../../state/settings';
import { kindWords, periodWords } from './bank-words';

/** How many imports show before "Show all": the latest ones are what the clerk checks. */
const FIRST = 3;

/** Every import kept: its file, what it held, what came of it, who brought it and when. */
export function StatementsTable({ statements, current }: { statements: BankStatement[]; current: number | null }) {
  const locale = useLocale();
  const [all, setAll] = useState(false);
  if (statements.length === 0) return <p className="muted">No bank statement has been imported yet.</p>;
  const shown = all ? statements : statements.slice(0, FIRST);
  return (
    <>
      <table className="grid bank-statements" aria-label="Statements imported, newest first">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Account</th>
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Lines
            </th>
            <th scope="col" className="num">
              Recorded automatically
            </th>
            <th scope="col" className="num">
              Left for review
            </th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id} aria-selected={s.id === current ? true : undefined}>
              <th scope="row">
                <AppLink to={{ view: 'bank-statement', id: s.id }} className="bank-statements__file" title={`Show the lines of ${s.fileName}`}>
                  <bdi>{s.fileName}</bdi>
                </AppLink>
                <div className="muted">{kindWords(s)}</div>
              </th>
              <td>
                {s.accounts.map((a) => (
                  <div key={a} className="nowrap">
                    {formatIban(a)}
                  </div>
                ))}
                <div className="muted">{s.currencies.join(', ')}</div>
              </td>
              <td>{periodWords(s, locale)}</td>
              <td className="num">
                {s.lines}
                <div className="muted nowrap">
                  {s.newLines} new, {s.knownLines} known
                </div>
              </td>
              <td className="num">{s.recorded}</td>
              <td className="num">{s.toReview}</td>
              <td>
                <bdi>{s.importedBy}</bdi>
                <div className="muted nowrap">{formatDateTime(s.importedAt, locale)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {statements.length > FIRST ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? `Show the latest ${FIRST} only` : `Show all ${statements.length} statements`}
        </button>
      ) : null}
    </>
  );
}
