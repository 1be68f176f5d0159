/**
 * Home's warning about e-mail: every mail the server refused (failed) or that may or may not
 * have arrived (uncertain), with the reason and a link to its document, where the clerk sends it
 * again. A document e-mailed successfully afterwards is no longer waiting for anyone, so its
 * older failed mails are left out. A reminder's mail whose invoice was paid, credited or covered
 * since is listed saying it is not sent again, and counted apart: nothing is left to do about it.
 * Nothing is shown while every mail went through.
 */
import type { OutboxMail } from '../../../shared/contract/mail';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { formatDateTime } from '../../../shared/format/dates';
import { plural } from '../../../shared/domain/plural';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { MailStatusBadge } from './MailHistory';
import { MAIL_KIND_NAMES, mailDetailText, notSentAgainText } from './mail-words';
import './mail.css';

const SHOWN = 100;

const documentKey = (m: Pick<OutboxMail, 'kind' | 'documentId'>) => `${m.kind}:${m.documentId}`;

async function mailsToCheck() {
  const api = orderDesk().mail;
  const [failed, uncertain, accepted] = await Promise.all([
    api.outbox({ status: 'failed', limit: SHOWN }),
    api.outbox({ status: 'uncertain', limit: SHOWN }),
    api.outbox({ status: 'accepted', limit: 500 }),
  ]);
  if (!failed.ok) return failed;
  if (!uncertain.ok) return uncertain;
  // The newest accepted mail per document: a failure before it was made good by it.
  const lastAccepted = new Map<string, number>();
  if (accepted.ok) for (const m of accepted.value.mails) if (!lastAccepted.has(documentKey(m))) lastAccepted.set(documentKey(m), m.id);
  const open = [...uncertain.value.mails, ...failed.value.mails]
    .filter((m) => m.status === 'uncertain' || (lastAccepted.get(documentKey(m)) ?? 0) < m.id)
    .sort((a, b) => b.id - a.id);
  const more = failed.value.total > SHOWN || uncertain.value.total > SHOWN;
  return { ok: true as const, value: { mails: open, more } };
}

function DocumentLink({ mail }: { mail: OutboxMail }) {
  const name = `${MAIL_KIND_NAMES[mail.kind]} ${mail.documentNumber}`;
  // Invoices and credit notes open on their own screen, with their delivery history; reminders on theirs.
  if (mail.kind === 'reminder') return <AppLink to={{ view: 'reminders' }}>{name.charAt(0).toUpperCase() + name.slice(1)}</AppLink>;
  return <AppLink to={{ view: 'invoice', id: mail.documentId }}>{name.charAt(0).toUpperCase() + name.slice(1)}</AppLink>;
}

export function MailsToCheck() {
  const locale = useLocale();
  const read = useApiRead(mailsToCheck, []);
  const mails = read.data?.mails ?? [];
  if (read.error) return <p className="banner banner--error">The outbox could not be read: {read.error.message}</p>;
  if (mails.length === 0) return null;
  // Those only count as needing action when something can still be done about them.
  const notSentAgain = mails.filter((m) => m.settledSince).length;
  const uncertain = mails.filter((m) => m.status === 'uncertain' && !m.settledSince).length;
  const failed = mails.length - uncertain - notSentAgain;
  const counts = [
    failed > 0 ? `${plural(failed, 'mail', 'mails')} failed` : '',
    uncertain > 0 ? `${plural(uncertain, 'mail is', 'mails are')} uncertain` : '',
    notSentAgain > 0 ? `${plural(notSentAgain, 'reminder', 'reminders')} not sent again (invoice settled since)` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="home-mails" aria-labelledby="home-mails-title">
      <h2 id="home-mails-title">E-mails not delivered: {counts}</h2>
      <p className="muted">Not sent means not sent: open the document to retry, or print and post it.{read.data?.more ? ` The ${SHOWN} newest of each kind are listed.` : ''}</p>
      <table className="grid home-table">
        <caption className="visually-hidden">E-mails that failed or are uncertain, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">To</th>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {mails.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <DocumentLink mail={m} />
              </th>
              <td>
                <bdi>{m.to}</bdi>
              </td>
              <td className="nowrap">{formatDateTime(m.updatedAt, locale)}</td>
              <td>
                <MailStatusBadge mail={m} /> {notSentAgainText(m) ?? mailDetailText(m, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
