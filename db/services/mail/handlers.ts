/** The mail.* methods of the contract, on the mail services. */
import type { Handlers } from '../../api/handlers';
import { read, stagedWrite, write } from '../../api/register';
import { draftDocumentMail } from './compose';
import { cancelMails, listOutbox, retryMail } from './manage';
import { setMailPassword } from './password';
import { sendDocumentMail, sendDocumentMails } from './send';
import { sendTestMail } from './test-mail';

type MailMethod = 'mail.test' | 'mail.preview' | 'mail.send' | 'mail.sendBatch' | 'mail.outbox' | 'mail.retry' | 'mail.cancel' | 'mail.setPassword';

export const mailHandlers: Pick<Handlers, MailMethod> = {
  // Writes nothing: the test mail is no document and goes straight to the server.
  'mail.test': read(sendTestMail),
  // Staged: a document stored without its PDF (legacy, demo data) gets it made and stored first.
  'mail.preview': stagedWrite((ctx, input) => draftDocumentMail(ctx, input.documentId, { to: input.to })),
  'mail.send': stagedWrite(sendDocumentMail, { idempotent: true }),
  'mail.sendBatch': stagedWrite(sendDocumentMails, { idempotent: true }),
  'mail.outbox': read(listOutbox),
  'mail.retry': write(retryMail),
  'mail.cancel': write(cancelMails),
  'mail.setPassword': write(setMailPassword),
};
