/**
 * A monthly report as a file (CSV, Excel or PDF) with its name, type and SHA-256: what
 * reports.export answers, all built from one MonthlyReport value. Closing a month stores the PDF and the workbook made here; exports of an open month make them afresh.
 *
 * The CSV is made here: it is text from an aggregate (a year is a few thousand rows at most) and
 * takes milliseconds. The workbook and the PDF are made in the render worker (db/documents/
 * render-worker.ts), so a year's report never holds up the window or the HTTP bridge.
 * All three are deterministic for the same report value.
 */
import type { ServiceContext } from '../../context';
import type { MonthlyReport, ReportFormat } from '../../../shared/contract/reports';
import type { ExportFile } from '../../../shared/contract/transfer';
import { DomainError } from '../../../shared/api/errors';
import { csvDelimiter } from '../../files/csv';
import { reportCsvBytes } from '../../files/report-spreadsheets';
import { reportFileStem, reportTables } from '../../files/report-tables';
import { XLSX_MIME } from '../../files/xlsx';
import { sha256Hex } from '../../sha256';
import { getSettings } from '../settings';

export interface ReportFileOptions {
  /** CSV only. */
  delimiter?: 'comma' | 'semicolon' | undefined;
}

export type ReportExportFile = ExportFile & { sha256: string };

const MIME: Record<ReportFormat, string> = { csv: 'text/csv;charset=utf-8', xlsx: XLSX_MIME, pdf: 'application/pdf' };

/** `order-report-2026-11.csv`, `order-report-2026-01-01_2026-12-31.xlsx`. */
export function reportFileName(report: MonthlyReport, format: ReportFormat): string {
  return `${reportFileStem(report.period)}.${format}`;
}

/** The bytes alone, for closing (which stores the PDF and the workbook with their hashes). */
export async function renderReportBytes(ctx: ServiceContext, report: MonthlyReport, format: ReportFormat, options: ReportFileOptions = {}): Promise<Buffer> {
  if (format === 'csv') return reportCsvBytes(report, csvDelimiter(options.delimiter));
  if (!ctx.documents) throw new DomainError('internal', 'This Order Desk was started without its document renderer, so no report PDF or workbook can be made.');
  const unitName = getSettings(ctx).settings.issuer.name;
  return ctx.documents.renderReport(report, format, { unitName });
}

/** A file as reports.export answers it; `bytes` given (a closed month's stored file) are answered as they are. */
export function reportExportFile(report: MonthlyReport, format: ReportFormat, bytes: Buffer): ReportExportFile {
  return {
    fileName: reportFileName(report, format),
    mimeType: MIME[format],
    contentBase64: bytes.toString('base64'),
    rows: reportTables(report).reduce((n, t) => n + t.rows.length, 0),
    sha256: sha256Hex(bytes),
  };
}

export async function renderReportFile(ctx: ServiceContext, report: MonthlyReport, format: ReportFormat, options: ReportFileOptions = {}): Promise<ReportExportFile> {
  return reportExportFile(report, format, await renderReportBytes(ctx, report, format, options));
}
