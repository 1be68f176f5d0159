import type { BackupInfo } from '../../../shared/contract/backups';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLocale } from '../../state/settings';
import { contents, databaseName, when } from './backup-text';

export interface RestoreQuestion {
  backup: BackupInfo;
  /** The server's needs_confirmation message, when it found the backup is not of this database. */
  serverSays?: string;
}

interface RestoreBackupDialogProps {
  question: RestoreQuestion;
  onRestore(backup: BackupInfo, confirmed: boolean): void;
  onCancel(): void;
}

/**
 * The question before a restore. A backup of this database gets the plain one; a backup of
 * another database, or one from an earlier version that does not say, names what it holds
 * and asks the clerk to agree to replace this database's data with it.
 */
export function RestoreBackupDialog({ question, onRestore, onCancel }: RestoreBackupDialogProps) {
  const locale = useLocale();
  const { backup, serverSays } = question;
  const ours = backup.origin === 'this-database' && serverSays === undefined;
  const at = when(backup.createdAt, locale);
  // Cancel first: the dialog focuses the first answer, and Enter must not replace the data by accident.
  const cancel = { label: 'Cancel', primary: true, onChoose: onCancel };

  if (ours) {
    return (
      <ConfirmDialog title={`Restore the backup of ${at}?`} onCancel={onCancel} actions={[cancel, { label: 'Restore this backup', onChoose: () => onRestore(backup, false) }]}>
        <p>
          All data will be replaced by the data in this backup{backup.counts ? ` (${contents(backup)})` : ''}. Orders, customers, prices and settings entered after {at} will
          no longer be shown.
        </p>
        <p>Nothing is lost: the current data is first kept as a copy beside the database file, so IT can bring it back.</p>
        <p>Anyone else using Order Desk on this database should stop typing before you restore.</p>
      </ConfirmDialog>
    );
  }

  const other = backup.origin === 'other-database';
  return (
    <ConfirmDialog
      title={other ? `Restore a backup of another database?` : `Restore a backup from an earlier version?`}
      onCancel={onCancel}
      actions={[cancel, { label: 'Replace this database’s data with it', onChoose: () => onRestore(backup, true) }]}
    >
      {serverSays ? (
        <p>{serverSays}</p>
      ) : other ? (
        <p>
          The backup of {at} is of another database: {databaseName(backup, locale)}
          {backup.counts ? `, holding ${contents(backup)}` : ''}. It is not a backup of the database open now.
        </p>
      ) : (
        <p>
          The backup of {at} was made by an earlier version of Order Desk, which did not record which database it is of
          {backup.counts ? `. It holds ${contents(backup)}` : ''}. If it is another database’s, restoring it puts that data in place of this one’s.
        </p>
      )}
      <p>
        Restoring it replaces <strong>all data of this database</strong> with the data in that backup. The current data is first kept as a copy beside the database
        file, so IT can bring it back.
      </p>
    </ConfirmDialog>
  );
}
