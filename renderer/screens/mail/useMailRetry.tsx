/**
 * Sending a mail again (mail.retry). A failed mail never reached the customer, so it is queued at
 * once; an uncertain one may have, so the clerk first confirms that it may arrive twice (the
 * safe answer, Esc or Enter, sends nothing).
 */
import { useState, type ReactNode } from 'react';
import type { OutboxMail } from '../../../shared/contract/mail';
import { orderDesk } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLocale } from '../../state/settings';
import { formatDateTime } from '../../../shared/format/dates';

/** What a retry needs of a mail: an outbox row, or a reminder's mail with its invoice's number. */
export type RetryableMail = Pick<OutboxMail, 'id' | 'status' | 'to' | 'sendingAt' | 'documentNumber'> & { kind?: OutboxMail['kind'] };

/** "INV-2026-00012", or for a reminder "the reminder for INV-2026-00012" (a reminder's documentNumber is its invoice's). */
function mailName(mail: RetryableMail): string {
  return mail.kind === 'reminder' ? `the reminder for ${mail.documentNumber}` : mail.documentNumber;
}

export interface MailRetry {
  /** Asks first when the mail is uncertain; then queues it again. */
  retry(mail: RetryableMail): void;
  busy: boolean;
  error: string | null;
  /** The confirmation to render (null unless asking). */
  dialog: ReactNode;
}

export function useMailRetry(onRetried: (mail: OutboxMail) => void): MailRetry {
  const locale = useLocale();
  const [asking, setAsking] = useState<RetryableMail | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const queueAgain = async (mail: RetryableMail) => {
    setAsking(null);
    setBusy(true);
    setError(null);
    const result = await orderDesk().mail.retry({ id: mail.id });
    setBusy(false);
    if (result.ok) onRetried(result.value.mail);
    else setError(result.error.message);
  };

  const dialog = asking ? (
    <ConfirmDialog
      title="Send this mail again?"
      onCancel={() => setAsking(null)}
      actions={[
        { label: 'Do not send', primary: true, onChoose: () => setAsking(null) },
        { label: 'Send again', onChoose: () => void queueAgain(asking) },
      ]}
    >
      <p>
        Order Desk stopped while handing {mailName(asking)} to the mail server
        {asking.sendingAt ? ` (${formatDateTime(asking.sendingAt, locale)})` : ''}. The server may have taken it, so it may already have arrived: if it did, {asking.to} receives it
        twice.
      </p>
      <p>Send it again only if you are sure it did not arrive, or if a second copy does no harm.</p>
    </ConfirmDialog>
  ) : null;

  return {
    retry(mail) {
      if (mail.status === 'uncertain') setAsking(mail);
      else void queueAgain(mail);
    },
    busy,
    error,
    dialog,
  };
}
