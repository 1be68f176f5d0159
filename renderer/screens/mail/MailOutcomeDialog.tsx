/**
 * After Send: what became of the mail, followed in the outbox as the sender works (Queued…,
 * Sending…, then the server's answer). A refusal is said with the server's reason and Retry;
 * the dialog can be closed at any time: the mail goes on, and its history shows the end.
 */
import type { OutboxMail } from '../../../shared/contract/mail';
import { ModalDialog } from '../../components/ModalDialog';
import { useLocale } from '../../state/settings';
import { mailOutcomeText, stillMoving } from './mail-words';
import { useFollowedMail } from './useFollowedMail';
import { useMailRetry } from './useMailRetry';
import './mail.css';

interface Props {
  title: string;
  mail: OutboxMail;
  onClose(): void;
  onRetried?: ((mail: OutboxMail) => void) | undefined;
}

export function MailOutcomeDialog({ title, mail: queued, onClose, onRetried }: Props) {
  const locale = useLocale();
  const followed = useFollowedMail(queued);
  const mail = followed.mail ?? queued;
  const again = useMailRetry((next) => {
    followed.replace(next);
    onRetried?.(next);
  });
  const canRetry = mail.status === 'failed' || mail.status === 'uncertain' || (mail.status === 'queued' && mail.attempts > 0);
  const retryLabel = mail.status === 'uncertain' ? 'Send again…' : mail.status === 'queued' ? 'Try now' : 'Retry';

  return (
    <ModalDialog title={title} className="order-dialog mail-outcome-dialog" onCancel={onClose}>
      <p className="mail-outcome__to">
        To <strong>{mail.to}</strong>
        {mail.copyTo ? <span className="muted">, a blind copy to {mail.copyTo}</span> : null}
      </p>
      <p className={`mail-outcome mail-outcome--${mail.status}`} role="status" aria-live="polite" data-testid="mail-outcome">
        {mailOutcomeText(mail, locale)}
      </p>
      {stillMoving(mail.status) ? <p className="muted">You can close this window: the mail goes on, and the document’s delivery history shows how it ended.</p> : null}
      {followed.readError ? <p className="muted">The outbox could not be read just now ({followed.readError}); asking again.</p> : null}
      {again.error ? (
        <p className="banner banner--error" role="alert">
          {again.error}
        </p>
      ) : null}
      <div className="actions">
        {canRetry ? (
          <button type="button" className="primary" disabled={again.busy} onClick={() => again.retry(mail)}>
            {retryLabel}
          </button>
        ) : null}
        <button type="button" autoFocus={!canRetry} onClick={onClose}>
          Close
        </button>
      </div>
      {again.dialog}
    </ModalDialog>
  );
}
