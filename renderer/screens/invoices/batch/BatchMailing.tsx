/**
 * The batch's e-mails: progress while the sender hands them over (with Cancel, which stops
 * between two mails), then what became of each, honestly: accepted, failed with the server's
 * reason, waiting for a later retry, and the invoices not e-mailed, which go to print.
 */
import { useEffect, useRef } from 'react';
import type { OutboxMail } from '../../../../shared/contract/mail';
import { AppLink } from '../../../components/AppLink';
import { plural } from '../../../../shared/domain/plural';
import { useLocale } from '../../../state/settings';
import { mailOutcomeText } from '../../mail/mail-words';
import { settledCount, tallyMails } from './mail-batch-tally';
import type { useMailBatch } from './useMailBatch';

type Mailing = ReturnType<typeof useMailBatch>;

/** Mails Cancel stopped before their handover (failed in the outbox, but never offered to a server). */
function isCancelled(mailing: Mailing, mail: OutboxMail): boolean {
  return mail.status === 'failed' && mailing.cancelledIds.has(mail.id);
}

function cancelledCount(mailing: Mailing): number {
  return mailing.mails.filter((m) => isCancelled(mailing, m)).length;
}

function MailingProgress({ mailing }: { mailing: Mailing }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const tally = tallyMails(mailing.mails);
  const stopped = cancelledCount(mailing);
  const done = settledCount(tally) - stopped;
  const stopping = mailing.phase === 'stopping';
  const line =
    mailing.phase === 'queuing'
      ? 'Preparing the mails…'
      : `${done} of ${tally.total} answered — ${tally.accepted} accepted${tally.failed - stopped > 0 ? `, ${tally.failed - stopped} failed` : ''}${stopped > 0 ? `; ${stopped} cancelled, not sent` : ''}${
          stopping ? '; stopping after the mail being handed over…' : tally.sending ? `; sending ${tally.sending.documentNumber} to ${tally.sending.to}…` : ''
        }`;
  return (
    <section className="batch-progress" aria-labelledby="batch-mail-progress-heading">
      <h2 id="batch-mail-progress-heading">E-mailing invoices</h2>
      <label htmlFor="batch-mail-progress-bar" className="batch-progress__label">
        Mails answered by the server
      </label>
      <progress id="batch-mail-progress-bar" value={done} max={Math.max(tally.total, 1)} aria-valuetext={`${done} of ${tally.total}`}>
        {done} of {tally.total}
      </progress>
      <p className="batch-progress__text" role="status" aria-live="polite" data-testid="batch-mail-progress-text">
        {line}
      </p>
      {mailing.error ? <p className="muted">{mailing.error}</p> : null}
      <div className="actions">
        <button type="button" ref={cancelRef} onClick={stopping || mailing.phase === 'queuing' ? undefined : () => void mailing.cancel()} aria-disabled={stopping || mailing.phase === 'queuing'}>
          {stopping ? 'Stopping…' : 'Cancel the e-mails'}
        </button>
        <span className="muted">Cancel stops between two mails: the one being handed over finishes, the others are not sent (and go to print).</span>
      </div>
    </section>
  );
}

function MailingSummary({ mailing }: { mailing: Mailing }) {
  const locale = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const tally = tallyMails(mailing.mails);
  const skipped = mailing.batch?.skipped ?? [];
  // In the batch's order (the outbox answers newest first), as the invoices were numbered.
  const inOrder = [...mailing.mails].sort((a, b) => a.id - b.id);
  const failed = inOrder.filter((m) => m.status === 'failed' && !isCancelled(mailing, m));
  const stopped = inOrder.filter((m) => isCancelled(mailing, m));
  const waiting = inOrder.filter((m) => m.status === 'queued' || m.status === 'uncertain');
  const heading = `${mailing.cancelled ? 'E-mails cancelled' : 'E-mails'}: ${tally.accepted} of ${plural(tally.total, 'mail', 'mails')} accepted by the server${failed.length > 0 ? `, ${failed.length} failed` : ''}${
    stopped.length > 0 ? `, ${stopped.length} cancelled before sending` : ''
  }`;
  return (
    <section className="batch-summary" aria-labelledby="batch-mail-summary-heading">
      <h2 id="batch-mail-summary-heading" tabIndex={-1} ref={headingRef} data-testid="batch-mail-summary">
        {heading}
      </h2>
      {failed.length > 0 ? (
        <>
          <h3>Not sent: {plural(failed.length, 'mail', 'mails')} (these go to print)</h3>
          <ul className="batch-summary__failed" aria-label="Mails not sent">
            {failed.map((m) => (
              <li key={m.id}>
                <AppLink to={{ view: 'invoice', id: m.documentId }}>{m.documentNumber}</AppLink> to <bdi>{m.to}</bdi>: {mailOutcomeText(m, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {stopped.length > 0 ? (
        <>
          <h3>Cancelled, not sent: {plural(stopped.length, 'mail', 'mails')} (no server was given them; e-mail them later, or print them)</h3>
          <ul className="batch-summary__failed" aria-label="Mails cancelled before sending">
            {stopped.map((m) => (
              <li key={m.id}>
                <AppLink to={{ view: 'invoice', id: m.documentId }}>{m.documentNumber}</AppLink> to <bdi>{m.to}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {waiting.length > 0 ? (
        <>
          <h3>Not answered yet: {plural(waiting.length, 'mail', 'mails')}</h3>
          <ul className="batch-summary__failed" aria-label="Mails not answered yet">
            {waiting.map((m) => (
              <li key={m.id}>
                <AppLink to={{ view: 'invoice', id: m.documentId }}>{m.documentNumber}</AppLink> to <bdi>{m.to}</bdi>: {mailOutcomeText(m, locale)}
              </li>
            ))}
          </ul>
          <p className="muted">Order Desk tries these again by itself; Home lists any that end up failed.</p>
        </>
      ) : null}
      {skipped.length > 0 ? (
        <>
          <h3>Not e-mailed: {plural(skipped.length, 'invoice', 'invoices')}</h3>
          <ul className="batch-summary__failed" aria-label="Invoices not e-mailed">
            {skipped.map((s) => (
              <li key={s.documentId}>
                <AppLink to={{ view: 'invoice', id: s.documentId }}>{s.documentNumber}</AppLink>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function BatchMailing({ mailing }: { mailing: Mailing }) {
  if (mailing.phase === 'idle') {
    return mailing.error ? (
      <p className="banner banner--error" role="alert">
        The invoices were issued but not e-mailed: {mailing.error}
      </p>
    ) : null;
  }
  if (mailing.phase === 'done') return <MailingSummary mailing={mailing} />;
  return <MailingProgress mailing={mailing} />;
}
