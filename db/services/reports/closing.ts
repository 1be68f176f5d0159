/**
 * Closing a month: its report is stored as it stands (the value's exact JSON text, the PDF and
 * the workbook, each with its SHA-256), and from then on nothing can be dated in it
 * (closed-months.ts). Reopening needs a reason; the closing it undoes stays on record, and the
 * next closing stores anew with the next version.
 *
 * The files are rendered outside any transaction (the PDF is made in a worker, and a
 * better-sqlite3 transaction cannot span an await). One IMMEDIATE transaction then checks that
 * the month is still open and that the report computed now is byte for byte the one rendered
 * (nobody dated anything in the month meanwhile), and stores it with its audit record; otherwise
 * nothing was written and the next attempt starts over.
 */
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import { monthEnd } from '../../../shared/domain/calendar';
import type { CloseMonthInput, ClosedMonthRow, ClosedMonthsInput, MonthClosing, MonthlyReport, ReopenMonthInput, ReportClosingStamp, ReportFormat } from '../../../shared/contract/reports';
import { timestamp, today, unitDayOf, type ServiceContext, type StagedWriteContext, type WriteContext } from '../../context';
import { sha256Hex } from '../../sha256';
import { statement } from '../../statements';
import { consistentRead } from '../../transactions';
import { audit } from '../audit';
import { currentClosing, monthEntityId } from './closed-months';
import { reportFileRenderer } from './renderer-override';
import type { ReportExportFile } from './export-file';
import { buildMonthlyReport, storedReportText } from './monthly';
import { monthLabel, periodOf } from './period';

/** Attempts before giving up when the month's figures keep changing while its files are rendered. */
const MAX_ATTEMPTS = 5;

interface ClosingRow {
  id: number;
  month: string;
  version: number;
  closed_at: string;
  closed_by: string;
  value_sha256: string;
  pdf_sha256: string;
  xlsx_sha256: string;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}

type StoredFormat = Exclude<ReportFormat, 'csv'>;
type FileMeta = Record<StoredFormat, { fileName: string; mimeType: string; rows: number }>;

function closingOf(row: ClosingRow): MonthClosing {
  return {
    month: row.month,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    version: row.version,
    sha256: { value: row.value_sha256, pdf: row.pdf_sha256, xlsx: row.xlsx_sha256 },
  };
}

const CLOSING_COLUMNS = 'id, month, version, closed_at, closed_by, value_sha256, pdf_sha256, xlsx_sha256, reopened_at, reopened_by, reopen_reason';

function refuseClosed(ctx: ServiceContext, month: string): void {
  const closing = currentClosing(ctx, month);
  if (closing) {
    throw new DomainError('conflict', `${monthLabel(month)} is already closed (on ${unitDayOf(ctx, closing.closed_at)} by ${closing.closed_by}). Reopen it first to close it again.`, 'month');
  }
}

/** Only a month that has ended can be closed: the current month and future ones are refused. */
function refuseNotEnded(ctx: ServiceContext, month: string): void {
  const end = monthEnd(month, today(ctx));
  if (!end.ended) {
    throw new DomainError('invalid_input', `${monthLabel(month)} has not ended yet; it can be closed from ${end.closableFrom} on.`, 'month');
  }
}

function nextVersionOf(ctx: ServiceContext, month: string): number {
  return (statement(ctx, 'SELECT coalesce(max(version), 0) + 1 AS v FROM month_closings WHERE month = ?').get(month) as { v: number }).v;
}

function fileBytes(file: ReportExportFile): Buffer {
  return Buffer.from(file.contentBase64, 'base64');
}

export async function closeMonth(ctx: StagedWriteContext, input: z.output<typeof CloseMonthInput>): Promise<{ closing: MonthClosing; report: MonthlyReport }> {
  const { month } = input;
  const period = periodOf({ month });
  const render = reportFileRenderer(ctx);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    refuseNotEnded(ctx, month);
    refuseClosed(ctx, month);
    const stamp: ReportClosingStamp = { month, closedAt: timestamp(ctx), closedBy: ctx.actor, version: nextVersionOf(ctx, month) };
    const build = () => JSON.stringify(buildMonthlyReport(ctx, period, { closing: stamp, generatedAt: stamp.closedAt }));
    const text = consistentRead(ctx, build);
    const report = JSON.parse(text) as MonthlyReport;
    const [pdf, xlsx] = await Promise.all([render(ctx, report, 'pdf'), render(ctx, report, 'xlsx')]);
    const stored = await ctx.transact((w): MonthClosing | null => {
      refuseClosed(w, month);
      if (nextVersionOf(w, month) !== stamp.version || build() !== text) return null;
      const pdfBytes = fileBytes(pdf);
      const xlsxBytes = fileBytes(xlsx);
      const files: FileMeta = {
        pdf: { fileName: pdf.fileName, mimeType: pdf.mimeType, rows: pdf.rows },
        xlsx: { fileName: xlsx.fileName, mimeType: xlsx.mimeType, rows: xlsx.rows },
      };
      const id = Number(
        statement(w, `
          INSERT INTO month_closings (month, version, closed_at, closed_by, value, value_sha256, pdf, pdf_sha256, xlsx, xlsx_sha256, files)
          VALUES (@month, @version, @closedAt, @closedBy, @value, @valueSha, @pdf, @pdfSha, @xlsx, @xlsxSha, @files)`,
        ).run({
          ...stamp,
          value: text,
          valueSha: sha256Hex(text),
          pdf: pdfBytes,
          pdfSha: sha256Hex(pdfBytes),
          xlsx: xlsxBytes,
          xlsxSha: sha256Hex(xlsxBytes),
          files: JSON.stringify(files),
        }).lastInsertRowid,
      );
      const closing = closingOf(statement(w, `SELECT ${CLOSING_COLUMNS} FROM month_closings WHERE id = ?`).get(id) as ClosingRow);
      audit(w, 'report_month', monthEntityId(month), 'close', null, closing);
      return closing;
    });
    if (stored) return { closing: stored, report };
  }
  throw new DomainError('conflict', `The figures of ${monthLabel(month)} kept changing while it was being closed, so it was not closed. Please try again.`, 'month');
}

export function reopenMonth(ctx: WriteContext, input: z.output<typeof ReopenMonthInput>): { month: string } {
  const closing = currentClosing(ctx, input.month);
  if (!closing) throw new DomainError('conflict', `${monthLabel(input.month)} is not closed.`, 'month');
  const now = timestamp(ctx);
  statement(ctx, 'UPDATE month_closings SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?').run(now, ctx.actor, input.reason, closing.id);
  audit(ctx, 'report_month', monthEntityId(input.month), 'reopen', { month: input.month, version: closing.version, closedAt: closing.closed_at, closedBy: closing.closed_by }, { reason: input.reason });
  return { month: input.month };
}

export function closedMonths(ctx: ServiceContext, input: z.output<typeof ClosedMonthsInput>): { rows: ClosedMonthRow[] } {
  const rows = statement(ctx, `SELECT ${CLOSING_COLUMNS} FROM month_closings WHERE @year IS NULL OR month LIKE @year || '-%' ORDER BY month DESC, version DESC`).all({
    year: input.year === undefined ? null : String(input.year),
  }) as ClosingRow[];
  return {
    rows: rows.map((r) => ({
      ...closingOf(r),
      reopened: r.reopened_at === null ? null : { at: r.reopened_at, by: r.reopened_by!, reason: r.reopen_reason! },
    })),
  };
}

/** The stored report value of a closed month, or null while it is open. */
export function storedReport(ctx: ServiceContext, month: string): MonthlyReport | null {
  const text = storedReportText(ctx, month);
  return text === null ? null : (JSON.parse(text) as MonthlyReport);
}

/**
 * The PDF or workbook stored when the month was closed, checked against the SHA-256 stored
 * with it; null while the month is open. CSV is never stored: it is made from the stored value.
 */
export function storedReportFile(ctx: ServiceContext, month: string, format: StoredFormat): ReportExportFile | null {
  const closing = currentClosing(ctx, month);
  if (!closing) return null;
  const row = statement(ctx, `SELECT ${format} AS bytes, ${format}_sha256 AS sha, files FROM month_closings WHERE id = ?`).get(closing.id) as { bytes: Buffer; sha: string; files: string };
  if (sha256Hex(row.bytes) !== row.sha) {
    throw new DomainError('internal', `The stored ${format.toUpperCase()} of ${monthLabel(month)} no longer matches the SHA-256 stored when the month was closed; restore a backup.`);
  }
  const meta = (JSON.parse(row.files) as FileMeta)[format];
  return { ...meta, contentBase64: row.bytes.toString('base64'), sha256: row.sha };
}
