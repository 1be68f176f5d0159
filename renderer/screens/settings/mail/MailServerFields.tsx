/**
 * Settings → E-mail: the unit's outgoing mail server and how its mails are addressed. Saved with
 * the rest of Settings; the password (MailPasswordRow) and the test mail (MailTestPanel) act at
 * once, on what is saved.
 */
import { isLocalMailHost, type MailSecurity, type MailSettings } from '../../../../shared/contract/mail';
import type { Settings } from '../../../../shared/contract/types';
import { Field } from '../../../components/Field';
import { MailPasswordRow } from './MailPasswordRow';
import { MailTestPanel } from './MailTestPanel';
import './mail-settings.css';

interface Props {
  value: MailSettings;
  /** The mail settings as saved: the test mail uses these. */
  saved: MailSettings;
  errors: Record<string, string>;
  onChange(next: MailSettings): void;
  /** Settings changed by an action that saves at once (a password kept, a certificate trusted). */
  onSavedNow(settings: Settings): void;
}

const SECURITY_LABELS: Record<MailSecurity, string> = {
  tls: 'TLS from the start (usually port 465)',
  starttls: 'STARTTLS (usually port 587)',
  none: 'None — only for a mail server on this computer',
};

/** The usual port of each security, offered when the clerk switches between them from another usual port. */
const USUAL_PORTS: Record<MailSecurity, number> = { tls: 465, starttls: 587, none: 25 };

function portAfterSwitch(port: number, security: MailSecurity): number {
  return Object.values(USUAL_PORTS).includes(port) ? USUAL_PORTS[security] : port;
}

/** A number while it is one, else the text as typed, so the schema names the field. */
function portOf(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (text as unknown as number);
}

/** The fields that make a mail server differ: a change to one of them means the test is of the saved one, not what is on screen. */
export function mailServerChanged(a: MailSettings, b: MailSettings): boolean {
  const keys: (keyof MailSettings)[] = ['host', 'port', 'security', 'user', 'fromAddress', 'fromName', 'replyTo', 'copyTo', 'pinnedFingerprint'];
  return keys.some((k) => a[k] !== b[k]);
}

export function MailServerFields({ value, saved, errors, onChange, onSavedNow }: Props) {
  const set = <K extends keyof MailSettings>(key: K, v: MailSettings[K]) => onChange({ ...value, [key]: v });
  const text = (label: string, key: 'host' | 'user' | 'fromAddress' | 'fromName' | 'replyTo' | 'copyTo', hint?: string, type = 'text') => (
    <Field label={label} error={errors[`mail.${key}`]} {...(hint ? { hint } : {})}>
      {(props) => <input {...props} type={type} spellCheck={false} autoComplete="off" value={value[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  const host = value.host.trim();
  // Said as soon as it is chosen, and gone as soon as it is corrected (a refused save's message would otherwise stay until the next save).
  const noneElsewhere = value.security === 'none' && host !== '' && !isLocalMailHost(host);
  const securityError = noneElsewhere
    ? `Security “none” is allowed only for a mail server on this computer (localhost, 127.0.0.1 or ::1): choose TLS or STARTTLS for ${host}.`
    : value.security === 'none'
      ? undefined
      : errors['mail.security'];

  return (
    <fieldset className="mail-settings">
      <legend>E-mail</legend>
      <p className="fieldset__hint">The server through which invoices, credit notes and reminders are e-mailed. Until it is set, nothing can be e-mailed; documents are printed as before.</p>
      <div className="mail-settings__server">
        {text('Outgoing mail server', 'host', 'For example mail.example.org.')}
        <Field label="Port" error={errors['mail.port']}>
          {(props) => <input {...props} inputMode="numeric" className="num" value={String(value.port)} onChange={(e) => set('port', portOf(e.target.value))} />}
        </Field>
      </div>
      <Field label="Security" error={securityError} hint="TLS or STARTTLS protect the password and the documents on the way to the server.">
        {(props) => (
          <select
            {...props}
            value={value.security}
            onChange={(e) => {
              const security = e.target.value as MailSecurity;
              onChange({ ...value, security, port: typeof value.port === 'number' ? portAfterSwitch(value.port, security) : value.port });
            }}
          >
            {(Object.keys(SECURITY_LABELS) as MailSecurity[]).map((s) => (
              <option key={s} value={s}>
                {SECURITY_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('User name', 'user', 'Leave empty for a server that needs no login.')}
      <MailPasswordRow mail={value} onSavedNow={onSavedNow} />
      {value.pinnedFingerprint ? (
        <div className="mail-settings__pinned" role="group" aria-label="Trusted certificate">
          <p>
            <strong>Trusted certificate</strong> (confirmed by a clerk): SHA-256 <code className="fingerprint">{value.pinnedFingerprint}</code>
          </p>
          <button type="button" onClick={() => set('pinnedFingerprint', '')}>
            Stop trusting it
          </button>
        </div>
      ) : null}
      {text('Sender address', 'fromAddress', 'Customers see the mails as coming from this address.', 'email')}
      {text('Sender name', 'fromName', 'For example the unit’s name.')}
      {text('Reply-To address', 'replyTo', 'Where customers’ replies go; leave empty for the sender address.', 'email')}
      {text('Copy to the unit’s own mailbox', 'copyTo', 'Every mail is also sent here as a blind copy; leave empty for none.', 'email')}
      <MailTestPanel unsaved={mailServerChanged(value, saved)} configured={saved.host !== ''} onSavedNow={onSavedNow} />
    </fieldset>
  );
}
