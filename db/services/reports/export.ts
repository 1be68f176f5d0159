/** reports.export: a period's report as CSV, workbook or PDF. */
import type { z } from 'zod';
import type { ReportExportInput } from '../../../shared/contract/reports';
import type { ServiceContext } from '../../context';
import { storedReport, storedReportFile } from './closing';
import { reportFileRenderer } from './renderer-override';
import type { ReportExportFile } from './export-file';
import { monthlyReport } from './monthly';
import { periodOf } from './period';

/**
 * A closed month answers its stored PDF and workbook, and a CSV made from its stored value;
 * any other period is rendered from the report as it stands.
 */
export async function exportReport(ctx: ServiceContext, input: z.output<typeof ReportExportInput>): Promise<ReportExportFile> {
  const render = reportFileRenderer(ctx);
  const options = input.delimiter === undefined ? {} : { delimiter: input.delimiter };
  const { month } = periodOf(input);
  const stored = month === null ? null : storedReport(ctx, month);
  if (month !== null && stored !== null) {
    if (input.format === 'csv') return render(ctx, stored, 'csv', options);
    return storedReportFile(ctx, month, input.format)!;
  }
  return render(ctx, monthlyReport(ctx, input), input.format, options);
}
