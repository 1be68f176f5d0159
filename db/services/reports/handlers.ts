/** The reports.* methods of the contract, on the report services. */
import type { Handlers } from '../../api/handlers';
import { read, stagedWrite, write } from '../../api/register';
import { closedMonths, closeMonth, reopenMonth } from './closing';
import { exportReport } from './export';
import { monthlyReport } from './monthly';
import { setRates } from './rates';

type ReportMethod = 'reports.monthly' | 'reports.export' | 'reports.setRates' | 'reports.closeMonth' | 'reports.reopenMonth' | 'reports.closedMonths';

export const reportHandlers: Pick<Handlers, ReportMethod> = {
  'reports.monthly': read(monthlyReport),
  'reports.export': read(exportReport),
  'reports.setRates': write(setRates),
  'reports.closeMonth': stagedWrite(closeMonth),
  'reports.reopenMonth': write(reopenMonth),
  'reports.closedMonths': read(closedMonths),
};
