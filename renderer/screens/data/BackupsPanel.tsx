import { useState } from 'react';
import type { BackupInfo } from '../../../shared/contract/backups';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale, useSettings } from '../../state/settings';
import { when } from './backup-text';
import { BackupsTable } from './BackupsTable';
import { RestoreBackupDialog, type RestoreQuestion } from './RestoreBackupDialog';

/**
 * This database's backups, "Back up now", and restoring one after a plain-words confirmation.
 * Backups other databases wrote into the same folder are listed apart, folded away; restoring
 * one of those asks the clerk to agree to replace this database's data with another's.
 */
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
  const [question, setQuestion] = useState<RestoreQuestion | null>(null);

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

  async function restore(backup: BackupInfo, confirmed: boolean) {
    setQuestion(null);
    setBusy(true);
    setActionError('');
    setStatus('Restoring…');
    const result = await orderDesk().backups.restore(confirmed ? { name: backup.name, confirmed: true } : { name: backup.name });
    setBusy(false);
    if (!result.ok) {
      setStatus('');
      // The backup turned out not to be of this database: ask, with what the server found in it.
      if (result.error.code === 'needs_confirmation') setQuestion({ backup, serverSays: result.error.message });
      else setActionError(result.error.message);
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
      {list && list.backups.length === 0 ? <p>No backups of this database yet in this folder.</p> : null}
      {list && list.backups.length > 0 ? (
        <BackupsTable backups={list.backups} busy={busy} onRestore={(backup) => setQuestion({ backup })} caption="Backups of this database" />
      ) : null}
      {list && list.others.length > 0 ? (
        <details className="backups-others">
          <summary>
            Backups of other databases in this folder ({list.others.length}): not counted, and never removed by this database
          </summary>
          <BackupsTable backups={list.others} busy={busy} showDatabase onRestore={(backup) => setQuestion({ backup })} caption="Backups of other databases" />
        </details>
      ) : null}
      {question ? <RestoreBackupDialog question={question} onCancel={() => setQuestion(null)} onRestore={(backup, confirmed) => void restore(backup, confirmed)} /> : null}
    </section>
  );
}
