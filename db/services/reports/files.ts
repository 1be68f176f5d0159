/**
 * The files of a monthly report (CSV, Excel, PDF), all built from one MonthlyReport value.
 * Closing a month stores the PDF and the workbook made here; exports of an open month make them afresh.
 */
import type { ServiceContext } from '../../context';
import type { MonthlyReport, ReportFormat } from '../../../shared/contract/reports';
import type { ExportFile } from '../../../shared/contract/transfer';
import { DomainError } from '../../../shared/api/errors';

export interface ReportFileOptions {
  /** CSV only. */
  delimiter?: 'comma' | 'semicolon';
}

export type ReportExportFile = ExportFile & { sha256: string };

// Placeholder while the writers are built on their branch; replaced before anything lands.
export async function renderReportFile(_ctx: ServiceContext, _report: MonthlyReport, _format: ReportFormat, _options: ReportFileOptions = {}): Promise<ReportExportFile> {
  throw new DomainError('conflict', 'Report files are not available in this build yet.');
}
