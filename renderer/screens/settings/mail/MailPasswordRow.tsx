/**
 * The mail server's password, which is never a setting and never shown again. In the desktop app
 * it is kept at once with the operating system's protection (mail.setPassword) and the screen then
 * only says that one is saved; in browser mode it is read where Order Desk was started, and the
 * screen says so instead of offering a field.
 */
import { useState, type KeyboardEvent } from 'react';
import type { MailSettings } from '../../../../shared/contract/mail';
import type { Settings } from '../../../../shared/contract/types';
import { orderDesk, runsInDesktopApp } from '../../../api/client';
import { Field } from '../../../components/Field';
import { passwordSourceText } from '../../mail/mail-password-words';

/** Browser mode's rule (db/mail/password-store.ts): the page can neither see nor change the password. */
const BROWSER_MODE_SOURCE = (
  <>
    In browser mode Order Desk does not keep the password: it reads it from the file named by <code>--smtp-password-file</code> when Order Desk is started, or else from the
    environment variable <code>ORDER_DESK_SMTP_PASSWORD</code>. To change it, change it there and start Order Desk again.
  </>
);

interface Props {
  /** The mail settings on screen: where the password comes from (as saved) and the user name (as typed). */
  mail: Pick<MailSettings, 'passwordSet' | 'passwordSource' | 'user'>;
  onSavedNow(settings: Settings): void;
}

/** "Password: kept by this computer’s keychain", or "Password: not set: mails cannot be sent", in the words of mail-password-words. */
function PasswordNow({ mail }: Pick<Props, 'mail'>) {
  const missing = mail.passwordSource === 'none' && mail.user.trim() !== '';
  return (
    <p className={`mail-settings__password-now${missing ? ' mail-settings__password-now--missing' : ''}`} data-testid="mail-password-now">
      <strong>Password:</strong> {passwordSourceText(mail)}
    </p>
  );
}

export function MailPasswordRow({ mail, onSavedNow }: Props) {
  if (!runsInDesktopApp()) {
    return (
      <div className="mail-settings__password" role="group" aria-label="Password">
        <PasswordNow mail={mail} />
        <p className="mail-settings__password-source" data-testid="mail-password-source">
          {BROWSER_MODE_SOURCE}
        </p>
      </div>
    );
  }
  return <DesktopPassword mail={mail} onSavedNow={onSavedNow} />;
}

function DesktopPassword({ mail, onSavedNow }: Props) {
  const { passwordSet } = mail;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function keep(next: string) {
    setBusy(true);
    setError(undefined);
    setStatus('');
    const result = await orderDesk().mail.setPassword({ password: next });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setPassword('');
    setStatus(result.value.passwordSet ? 'Password saved, protected by this computer’s own keychain.' : 'Password forgotten.');
    // settings.mail.passwordSet comes from the store of passwords: read it again so the form shows the same.
    const settings = await orderDesk().settings.get({});
    if (settings.ok) onSavedNow(settings.value.settings);
  }

  // Enter here keeps the password (it would otherwise save the whole Settings form, without it).
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (password !== '') void keep(password);
    }
  };

  return (
    <div className="mail-settings__password" role="group" aria-label="Password">
      <PasswordNow mail={mail} />
      <Field
        label={passwordSet ? 'New password' : 'Password'}
        error={error}
        hint={passwordSet ? 'A password is saved. Type a new one only to replace it.' : 'No password is saved. It is kept at once, protected by this computer, never in the database or a backup.'}
      >
        {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} onKeyDown={onKeyDown} />}
      </Field>
      <div className="actions mail-settings__password-actions">
        <button type="button" disabled={busy || password === ''} onClick={() => void keep(password)}>
          Save password
        </button>
        {passwordSet ? (
          <button type="button" disabled={busy} onClick={() => void keep('')}>
            Forget the saved password
          </button>
        ) : null}
        <span className="status" role="status">
          {status}
        </span>
      </div>
    </div>
  );
}
