/**
 * The report's CSV and workbook bytes from its tables. Pure functions of the MonthlyReport:
 * the workbook is dated with the report's own time (closing, else generation), so the same
 * report gives the same bytes in any process; the render worker calls reportXlsxBytes.
 */
import type { MonthlyReport } from '../../shared/contract/reports';
import { reportFileDates, reportStatus, reportTitle } from '../../shared/reports/report-heading';
import { csvBytes, sectionedRows, type CsvDelimiter } from './csv';
import { reportTables, reportTime } from './report-tables';
import { xlsxBytes } from './xlsx';

function periodLine(report: MonthlyReport): string {
  return `Period: ${report.period.from} to ${report.period.to}`;
}

export function reportCsvBytes(report: MonthlyReport, delimiter: CsvDelimiter): Buffer {
  const preamble = [[reportTitle(report, reportFileDates)], [periodLine(report)], [reportStatus(report, reportFileDates)]];
  return csvBytes(sectionedRows(reportTables(report), preamble), delimiter);
}

export function reportXlsxBytes(report: MonthlyReport): Promise<Buffer> {
  const lead = [`${reportTitle(report, reportFileDates)} · ${periodLine(report)}`, reportStatus(report, reportFileDates)];
  const tables = reportTables(report).map((t) => ({ ...t, notes: [...lead, ...(t.notes ?? [])] }));
  return xlsxBytes(tables, { time: reportTime(report), title: reportTitle(report, reportFileDates), print: 'landscape' });
}
