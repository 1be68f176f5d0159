/**
 * Renders a MonthlyReport to PDF bytes, the same way as invoices (react-pdf, the same fonts,
 * warmed up once per process). The PDF's dates are the report's own time, so the same report
 * gives the same bytes: a closed month's stored PDF can be checked against its SHA-256.
 */
import { createElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { MonthlyReport } from '../../shared/contract/reports';
import { reportTime } from '../files/report-tables';
import type { ReportRenderOptions } from './render-pool';
import { warmUpRenderer } from './render-invoice';
import { ReportPdf } from './report-pdf';

export async function renderReportPdf(report: MonthlyReport, options: ReportRenderOptions = {}): Promise<Buffer> {
  await warmUpRenderer();
  const element = createElement(ReportPdf, { report, unitName: options.unitName ?? '', creationDate: reportTime(report) }) as unknown as Parameters<typeof renderToBuffer>[0];
  return renderToBuffer(element);
}
