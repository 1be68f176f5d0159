/** The invoices.* methods; the service lands in the next commits, until then they say so. */
import { DomainError } from '../../../shared/api/errors';
import type { Handlers } from '../../api/handlers';

const notYet = (): never => {
  throw new DomainError('not_found', 'Invoices are not available in this build yet.');
};

export const invoiceHandlers: Pick<Handlers, 'invoices.preview' | 'invoices.issue' | 'invoices.get' | 'invoices.list' | 'invoices.pdf' | 'invoices.credit'> = {
  'invoices.preview': notYet,
  'invoices.issue': notYet,
  'invoices.get': notYet,
  'invoices.list': notYet,
  'invoices.pdf': notYet,
  'invoices.credit': notYet,
};
