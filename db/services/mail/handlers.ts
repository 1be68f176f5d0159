/** The mail.* methods of the contract, on the mail services. */
import { DomainError } from '../../../shared/api/errors';
import type { Handlers } from '../../api/handlers';
import { read } from '../../api/register';

type MailMethod = 'mail.test' | 'mail.preview' | 'mail.send' | 'mail.sendBatch' | 'mail.outbox' | 'mail.retry' | 'mail.cancel' | 'mail.setPassword';

const notYet = () => {
  throw new DomainError('conflict', 'E-mail is being built.');
};

export const mailHandlers: Pick<Handlers, MailMethod> = {
  'mail.test': read(notYet),
  'mail.preview': read(notYet),
  'mail.send': read(notYet),
  'mail.sendBatch': read(notYet),
  'mail.outbox': read(notYet),
  'mail.retry': read(notYet),
  'mail.cancel': read(notYet),
  'mail.setPassword': read(notYet),
};
