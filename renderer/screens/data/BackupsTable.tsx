import type { BackupInfo } from '../../../shared/contract/backups';
import { useLocale } from '../../state/settings';
import { contents, databaseName, when } from './backup-text';
import { formatBytes } from './file-transfer';

interface BackupsTableProps {
  backups: BackupInfo[];
  busy: boolean;
  onRestore(backup: BackupInfo): void;
  /** Names the database each backup is of (for backups of other databases). */
  showDatabase?: boolean;
  caption?: string;
}

/** Backups with their date, size, check and contents, each with a Restore… button. */
export function BackupsTable({ backups, busy, onRestore, showDatabase = false, caption }: BackupsTableProps) {
  const locale = useLocale();
  return (
    <table className="grid backups-table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Date</th>
          {showDatabase ? <th scope="col">Database</th> : null}
          <th scope="col" className="num">Size</th>
          <th scope="col">Verified</th>
          <th scope="col">Contents</th>
          <th scope="col"><span className="visually-hidden">Action</span></th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name}>
            <th scope="row" title={b.name}>
              {when(b.createdAt, locale)}
              {b.origin === 'earlier-version' ? <> <span className="tag tag--warn">From an earlier version</span></> : null}
            </th>
            {showDatabase ? <td>{databaseName(b, locale)}</td> : null}
            <td className="num">{formatBytes(b.sizeBytes)}</td>
            <td>{b.verified ? <span className="verified">✓ Checked</span> : <span className="tag tag--warn">Not checked</span>}</td>
            <td>{contents(b)}</td>
            <td>
              <button type="button" disabled={busy} aria-label={`Restore the backup of ${when(b.createdAt, locale)}…`} onClick={() => onRestore(b)}>
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
