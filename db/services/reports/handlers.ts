/** The reports.* methods of the contract, on the report services. */
import type { Handlers } from '../../api/handlers';
import { DomainError } from '../../../shared/api/errors';

type ReportMethod = 'reports.monthly' | 'reports.export' | 'reports.setRates' | 'reports.closeMonth' | 'reports.reopenMonth' | 'reports.closedMonths';

// Placeholder while the report services are written on their branches; replaced before anything lands.
const notYet = (): never => {
  throw new DomainError('conflict', 'Monthly reports are not available in this build yet.');
};

export const reportHandlers: Pick<Handlers, ReportMethod> = {
  'reports.monthly': notYet,
  'reports.export': notYet,
  'reports.setRates': notYet,
  'reports.closeMonth': notYet,
  'reports.reopenMonth': notYet,
  'reports.closedMonths': notYet,
};
