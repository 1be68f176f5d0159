import { useState } from 'react';
import type { BackupInfo } from '../../../shared/contract/backups';
import { formatDateTime } from '../../../shared/format/dates';
import { orderDesk } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale, useSettings } from '../../state/settings';
import { formatBytes } from './file-transfer';

/** With seconds: two backups made a minute apart must be told apart. */
function when(iso: string, locale: string): string {
  return formatDateTime(iso, locale, { seconds: true });
}

function contents(b: BackupInfo): string {
  return b.counts ? `${b.counts.orders} orders, ${b.counts.customers} customers, ${b.counts.publications} publications` : '';
}

/** The backups in the backup folder, "Back up now", and restoring one after a plain-words confirmation. */
export function BackupsPanel() {
  const locale = useLocale();
  const reloadSettings = useSettings((s) => s.load);
  const read = useApiRead(() => orderDesk().backups.list({}), []);
  const list = read.data;
  const load = read.reload;
  // What the last action (back up, restore) reported; a failed reading of the list shows the same way.
  const [actionError, setActionError] = useState('');
  const error = actionError || (read.error?.message ?? '');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  async function backUpNow() {
    setBusy(true);
    setActionError('');
    setStatus('Backing up…');
    const result = await orderDesk().backups.create({});
    setBusy(false);
    if (!result.ok) {
      setStatus('');
      setActionError(result.error.message);
    } else {
      const removed = result.value.removedOld.length;
      setStatus(`Backup made and checked: ${when(result.value.backup.createdAt, locale)}.${removed > 0 ? ` ${removed} older ${removed === 1 ? 'backup was' : 'backups were'} removed (keeping ${list?.keep ?? ''}).` : ''}`);
    }
    load();
  }

  async function restore(backup: BackupInfo) {
    setRestoring(null);
    setBusy(true);
    setActionError('');
    setStatus('Restoring…');
    const result = await orderDesk().backups.restore({ name: backup.name });
    setBusy(false);
    if (!result.ok) {
      setStatus('');
      setActionError(result.error.message);
      return;
    }
    // Everything on screen now comes from the restored file: reload what is kept in memory.
    await reloadSettings();
    load();
    setStatus(`Restored the backup of ${when(backup.createdAt, locale)}. The data as it was just before is kept in ${result.value.preRestoreCopy}.`);
  }

  return (
    <section className="data-panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p className="muted">
        Order Desk backs up when it starts and then every day, and keeps the last {list?.keep ?? '…'}. Each backup is checked right after it is written.
        {list ? <> Folder: <code>{list.folder}</code> (change it in Settings).</> : null}
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
        <span role="status" className="status">
          {status}
        </span>
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {list && list.backups.length === 0 ? <p>No backups yet in this folder.</p> : null}
      {list && list.backups.length > 0 ? (
        <table className="grid backups-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">Size</th>
              <th scope="col">Verified</th>
              <th scope="col">Contents</th>
              <th scope="col"><span className="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <th scope="row" title={b.name}>{when(b.createdAt, locale)}</th>
                <td className="num">{formatBytes(b.sizeBytes)}</td>
                <td>{b.verified ? <span className="verified">✓ Checked</span> : <span className="tag tag--warn">Not checked</span>}</td>
                <td>{contents(b)}</td>
                <td>
                  <button type="button" disabled={busy} aria-label={`Restore the backup of ${when(b.createdAt, locale)}…`} onClick={() => setRestoring(b)}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? (
        <ConfirmDialog
          title={`Restore the backup of ${when(restoring.createdAt, locale)}?`}
          onCancel={() => setRestoring(null)}
          actions={[
            // Cancel first: the dialog focuses the first answer, and Enter must not replace the data by accident.
            { label: 'Cancel', primary: true, onChoose: () => setRestoring(null) },
            { label: 'Restore this backup', onChoose: () => void restore(restoring) },
          ]}
        >
          <p>
            All data will be replaced by the data in this backup{restoring.counts ? ` (${contents(restoring)})` : ''}. Orders, customers, prices and settings entered after{' '}
            {when(restoring.createdAt, locale)} will no longer be shown.
          </p>
          <p>Nothing is lost: the current data is first kept as a copy beside the database file, so IT can bring it back.</p>
          <p>Anyone else using Order Desk on this database should stop typing before you restore.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
