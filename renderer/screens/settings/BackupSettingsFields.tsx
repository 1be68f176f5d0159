import { useState } from 'react';
import type { Settings } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { useApiRead } from '../../hooks/useApiRead';

interface BackupSettingsFieldsProps {
  value: Settings['backup'];
  errors: Record<string, string>;
  onChange(next: Settings['backup']): void;
}

/**
 * How many backups to keep and where. The folder is tried (created, written to) as soon
 * as the clerk leaves the field, so a folder that cannot be used is known now rather
 * than at the next automatic backup.
 */
export function BackupSettingsFields({ value, errors, onChange }: BackupSettingsFieldsProps) {
  const [checked, setChecked] = useState<{ for: string; folder: string; problem?: string | undefined } | null>(null);
  // Where the saved settings point is checked once, on arrival; later checks happen when the field is left.
  const [savedFolder] = useState(value.folder);
  const first = useApiRead(() => orderDesk().backups.checkFolder({ folder: savedFolder }), [savedFolder]);
  const latest = checked ?? (first.data ? { for: savedFolder, folder: first.data.folder, problem: first.data.problem } : null);

  async function check(folder: string) {
    const result = await orderDesk().backups.checkFolder({ folder });
    if (result.ok) setChecked({ for: folder, folder: result.value.folder, problem: result.value.problem });
    else setChecked({ for: folder, folder, problem: result.error.message });
  }

  const current = latest && latest.for === value.folder ? latest : null;
  const folderError = errors['backup.folder'] ?? current?.problem;
  const hint = current && !current.problem ? `Backups go to ${current.folder}. Leave empty to keep them beside the database.` : 'Leave empty to keep backups beside the database.';

  return (
    <fieldset>
      <legend>Backups</legend>
      <Field label="Backups to keep" error={errors['backup.keep']} hint="Order Desk backs up when it starts and daily; older backups beyond this number are removed.">
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            value={String(value.keep)}
            onChange={(e) => onChange({ ...value, keep: /^\d+$/.test(e.target.value) ? Number(e.target.value) : (e.target.value as unknown as number) })}
          />
        )}
      </Field>
      <Field label="Backup folder" error={folderError} hint={hint}>
        {(props) => <input {...props} value={value.folder} onChange={(e) => onChange({ ...value, folder: e.target.value })} onBlur={(e) => void check(e.target.value)} />}
      </Field>
    </fieldset>
  );
}
