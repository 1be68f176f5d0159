/**
 * "Send a test e-mail": a short mail through the saved settings, answered with the server's own
 * words. A server whose certificate no authority vouches for is named by its SHA-256
 * fingerprint; once the clerk has compared it (with IT, with the provider) and confirmed it, it
 * is pinned: that certificate, and no other, is trusted for this server.
 */
import { useState, type KeyboardEvent } from 'react';
import { MailTestInput, type MailTestResult } from '../../../../shared/contract/mail';
import type { Settings } from '../../../../shared/contract/types';
import { orderDesk } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';

interface Props {
  /** The server fields on screen differ from the saved ones (the test would not test them). */
  unsaved: boolean;
  /** A server is saved at all. */
  configured: boolean;
  onSavedNow(settings: Settings): void;
}

type Shown = { kind: 'result'; result: MailTestResult } | { kind: 'error'; message: string } | { kind: 'pinned'; fingerprint: string } | null;

export function MailTestPanel({ unsaved, configured, onSavedNow }: Props) {
  const [to, setTo] = useState('');
  const [toError, setToError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function send() {
    if (busy) return;
    if (unsaved) {
      setShown({ kind: 'error', message: 'The e-mail settings above have changes that are not saved, and the test uses the saved ones: save the settings first.' });
      return;
    }
    const checked = MailTestInput.safeParse({ to });
    if (!checked.success) {
      setToError(checked.error.issues[0]?.message);
      return;
    }
    setToError(undefined);
    setBusy(true);
    setShown(null);
    const result = await orderDesk().mail.test(checked.data);
    setBusy(false);
    if (result.ok) setShown({ kind: 'result', result: result.value });
    else if (result.error.field === 'to') setToError(result.error.message);
    else setShown({ kind: 'error', message: result.error.message });
  }

  async function trust(fingerprint: string) {
    setConfirming(null);
    setBusy(true);
    const result = await orderDesk().settings.set({ mail: { pinnedFingerprint: fingerprint } });
    setBusy(false);
    if (!result.ok) {
      setShown({ kind: 'error', message: result.error.message });
      return;
    }
    onSavedNow(result.value.settings);
    setShown({ kind: 'pinned', fingerprint: result.value.settings.mail.pinnedFingerprint });
  }

  // Enter here sends the test (it would otherwise save the whole Settings form).
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void send();
    }
  };

  const result = shown?.kind === 'result' ? shown.result : null;
  return (
    <div className="mail-test" role="group" aria-label="Test e-mail">
      <div className="mail-test__row">
        <Field label="Send a test e-mail to" error={toError} hint={configured ? 'Sent now through the saved settings; the server’s answer is shown below.' : 'Save a mail server first.'}>
          {(props) => <input {...props} type="email" autoComplete="off" spellCheck={false} value={to} onChange={(e) => setTo(e.target.value)} onKeyDown={onKeyDown} />}
        </Field>
        <button type="button" disabled={busy} onClick={() => void send()}>
          {busy ? 'Sending…' : 'Send a test e-mail'}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="mail-test-result">
        {result?.ok ? <p className="mail-test__answer mail-test__answer--ok">Accepted by the server: {result.response}</p> : null}
        {result && !result.ok ? (
          <div className="mail-test__answer mail-test__answer--failed">
            <p>Not sent: {result.message}</p>
            {result.response && !result.message.includes(result.response) ? <p>The server said: {result.response}</p> : null}
            {result.code === 'untrusted_certificate' && result.fingerprint ? (
              <>
                <p>
                  The server showed a certificate with the SHA-256 fingerprint <code className="fingerprint">{result.fingerprint}</code>. Compare it with the fingerprint your IT or mail
                  provider gives you; trust it only if they are the same.
                </p>
                <button type="button" onClick={() => setConfirming(result.fingerprint ?? null)}>
                  Trust this certificate…
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        {shown?.kind === 'error' ? <p className="mail-test__answer mail-test__answer--failed">{shown.message}</p> : null}
        {shown?.kind === 'pinned' ? (
          <p className="mail-test__answer mail-test__answer--ok">
            The certificate <code className="fingerprint">{shown.fingerprint}</code> is trusted for this server from now on. Send the test again.
          </p>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Trust this certificate?"
          onCancel={() => setConfirming(null)}
          actions={[
            { label: 'Do not trust it', primary: true, onChoose: () => setConfirming(null) },
            { label: 'Trust this certificate', onChoose: () => void trust(confirming) },
          ]}
        >
          <p>
            SHA-256 fingerprint: <code className="fingerprint">{confirming}</code>
          </p>
          <p>Order Desk will send through this server only while it shows exactly this certificate. Trust it only if someone who runs the server has confirmed this fingerprint.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
