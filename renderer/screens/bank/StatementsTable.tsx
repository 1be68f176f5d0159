import { useState } from 'react';
import type { BankStatement } from '../../../shared/contract/bank';
import { formatIban } from '../../../shared/domain/bank-accounts';
import { formatDateTime } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { useLocale } from '../../state/settings';
import { kindWords, periodWords, statementLinesWords } from './bank-words';

/** How many imports show before "Show all": the latest ones are what the clerk checks, and the lines below matter more. */
const FIRST = 2;

/** Every import kept: its file, what it held, what came of it at import, who brought it and when. */
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
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Lines
            </th>
            <th scope="col" className="num" title="Lines this file brought that were recorded as payments by their reference">
              Recorded at import
            </th>
            <th scope="col" className="num" title="Lines this file brought that waited for a person">
              Left for review
            </th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id} aria-selected={s.id === current ? true : undefined}>
              <th scope="row" className="bank-statements__file">
                <AppLink to={{ view: 'bank-statement', id: s.id }} title={`Show the lines of ${s.fileName}`}>
                  <bdi>{s.fileName}</bdi>
                </AppLink>
                <div className="muted">
                  {kindWords(s)} ·{' '}
                  {s.accounts.map((a, i) => (
                    <span key={a} className="nowrap">
                      {i > 0 ? ', ' : ''}
                      {formatIban(a)}
                    </span>
                  ))}
                </div>
              </th>
              <td className="nowrap">{periodWords(s, locale)}</td>
              <td className="num">
                {s.lines}
                <div className="muted nowrap">{statementLinesWords(s)}</div>
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
        <button type="button" className="link-button bank-statements__more" onClick={() => setAll(!all)}>
          {all ? `Show the latest ${FIRST} only` : `Show all ${statements.length} statements`}
        </button>
      ) : null}
    </>
  );
}
