/**
 * A document's delivery history, from the outbox: every mail of it, newest first, when and to
 * whom, and what became of it in the server's own words. A mail still on its way is read again
 * until it is done; a failed one offers Retry, an uncertain one "Send again" (after saying it may
 * arrive twice), except a reminder's mail whose invoice was settled since: that one says it is not
 * sent again (mail.retry would only refuse it).
 */
import { useEffect } from 'react';
import type { OutboxMail } from '../../../shared/contract/mail';
import { orderDesk } from '../../api/client';
import { ReadStatus } from '../../components/ReadStatus';
import { formatDateTime } from '../../../shared/format/dates';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { MAIL_STATUS_LABELS, mailDetailText, notSentAgainText, stillMoving } from './mail-words';
import type { MailDocument } from './MailDialog';
import { useMailRetry } from './useMailRetry';
import './mail.css';

const POLL_MS = 1000;

/** The moment that matters for the row: when the server took it, else when it was last handed over, else when it was queued. */
function whenOf(mail: OutboxMail): string {
  return mail.acceptedAt ?? mail.sendingAt ?? mail.createdAt;
}

const capitalized = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

export function MailStatusBadge({ mail }: { mail: OutboxMail }) {
  return <span className={`mail-status mail-status--${mail.status}`}>{MAIL_STATUS_LABELS[mail.status]}</span>;
}

interface Props {
  document: MailDocument;
  /** Changes when a mail was queued from this screen, to read the history again at once. */
  version: unknown;
}

export function MailHistory({ document, version }: Props) {
  const locale = useLocale();
  // An invoice's history holds its reminders' mails too: what the customer received about it.
  const read = useApiRead(
    () => orderDesk().mail.outbox(document.kind === 'invoice' ? { invoiceId: document.id, limit: 100 } : { documentId: document.id, kind: document.kind, limit: 100 }),
    [document.id, document.kind, version],
  );
  const mails = read.data?.mails ?? null;
  const again = useMailRetry(() => read.reload());
  const moving = mails?.some((m) => stillMoving(m.status)) ?? false;
  const { reload } = read;

  useEffect(() => {
    if (!moving || read.loading) return;
    const timer = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [moving, read.loading, read.data, reload]);

  return (
    <section className="order-panel mail-history" aria-labelledby="mail-history-title">
      <h2 id="mail-history-title">Delivery history</h2>
      {!mails ? (
        <ReadStatus read={read} errorPrefix="The delivery history could not be loaded: " />
      ) : mails.length === 0 ? (
        <p className="muted">Not e-mailed yet.</p>
      ) : (
        <ul className="mail-history__list" aria-label="Mails of this document, newest first">
          {mails.map((mail) => {
            const notSentAgain = notSentAgainText(mail);
            return (
              <li key={mail.id} data-testid="mail-history-row">
                <div className="mail-history__head">
                  <MailStatusBadge mail={mail} />
                  <span>{formatDateTime(whenOf(mail), locale)}</span>
                  {mail.kind === 'reminder' ? <span>Reminder</span> : null}
                  <span className="mail-history__to">
                    to <bdi>{mail.to}</bdi>
                  </span>
                </div>
                <p className="mail-history__outcome">{mailDetailText(mail, locale)}</p>
                {notSentAgain ? (
                  <p className="mail-history__settled">{capitalized(notSentAgain)}.</p>
                ) : mail.status === 'uncertain' || mail.status === 'failed' ? (
                  <button type="button" disabled={again.busy} onClick={() => again.retry(mail)}>
                    {mail.status === 'uncertain' ? 'Send again…' : 'Retry'}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {again.error ? (
        <p className="banner banner--error" role="alert">
          {again.error}
        </p>
      ) : null}
      {again.dialog}
    </section>
  );
}
