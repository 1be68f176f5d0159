import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SetUserInput } from '../../shared/contract/session';
import { findStaffName } from '../../shared/domain/staff';
import { foldForMatch } from '../../shared/domain/text';
import { Combobox } from '../components/Combobox';
import { ModalDialog } from '../components/ModalDialog';
import { useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { rememberUser, rememberedUser } from './remembered-user';
import './WhoIsWorkingDialog.css';

/** Names matching what is typed; all of them while the field still holds a listed name as it stands. */
function suggestions(staff: readonly string[], text: string): string[] {
  if (text.trim() === '' || staff.includes(text)) return [...staff];
  const folded = foldForMatch(text);
  return staff.filter((name) => foldForMatch(name).includes(folded));
}

/**
 * Asked when the desktop app starts: who is working. The name last confirmed on this
 * computer is filled in and selected, so Enter confirms it and typing replaces it; a
 * name not in the staff list is added to it.
 */
export function WhoIsWorkingDialog({ staff }: { staff: readonly string[] }) {
  const setUser = useSession((s) => s.setUser);
  const reloadSettings = useSettings((s) => s.load);
  const [name, setName] = useState(() => findStaffName(staff, rememberedUser()) ?? '');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const input = body.current?.querySelector('input');
    input?.focus();
    input?.select();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const checked = SetUserInput.safeParse({ name });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Type your name.');
      return;
    }
    setSaving(true);
    const refused = await setUser(checked.data.name);
    setSaving(false);
    if (refused) {
      setError(refused.message);
      return;
    }
    rememberUser(useSession.getState().info?.user ?? checked.data.name);
    // A new name joined the staff list: the Settings screen must show it.
    void reloadSettings();
  }

  const isNew = name.trim() !== '' && findStaffName(staff, name.trim()) === undefined;
  const hint = isNew
    ? `"${name.trim()}" is not in the staff list yet; Enter adds it.`
    : staff.length > 0
      ? 'Enter confirms. ↓ lists the staff; type another name to add it.'
      : 'Type your name; it starts the staff list.';

  return (
    // There is no backing out: every change needs a name for its history, so Esc does nothing.
    <ModalDialog title="Who is working?" className="who-dialog" onCancel={() => undefined}>
      <form onSubmit={(e) => void submit(e)}>
        <div className={`field ${error ? 'field--invalid' : ''}`} ref={body}>
          <label htmlFor={inputId}>Your name</label>
          <Combobox
            id={inputId}
            value={name}
            onInput={(text) => {
              setName(text);
              setError('');
            }}
            options={suggestions(staff, name)}
            optionKey={(option) => option}
            renderOption={(option) => option}
            onPick={(option) => setName(option)}
            listLabel="Staff"
            autoComplete="off"
            aria-invalid={Boolean(error)}
            aria-describedby={error ? errorId : hintId}
          />
          {error ? (
            <div className="field__error" id={errorId} role="alert">
              {error}
            </div>
          ) : (
            <div className="field__hint" id={hintId}>
              {hint}
            </div>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            Start working
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
