/**
 * The monthly report as tables for the CSV (one after another) and the workbook (a sheet each,
 * so each keeps one frozen header and one filter): the report's one layout
 * (shared/reports/report-layout.ts) with each value as a typed cell. Built only from the
 * MonthlyReport value, with no database, so the render worker builds the workbook from it too.
 * Every amount is an amount cell beside a Currency column: currencies are never added together here.
 */
import type { MonthlyReport, ReportPeriod } from '../../shared/contract/reports';
import { reportFileDates } from '../../shared/reports/report-heading';
import { layReport, reportTablesOf } from '../../shared/reports/report-layout';
import type { ReportValue, ValueKind } from '../../shared/reports/report-cells';
import { day, decimal, money, type Cell, type Column, type Table } from './table';

const CELL_KIND: Record<ValueKind, Column['kind']> = { text: 'text', currency: 'text', count: 'integer', money: 'amount', date: 'date', rate: 'decimal' };

function cellOf(value: ReportValue): Cell {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'currency':
      return value.currency;
    case 'count':
      return value.count;
    case 'money':
      return money(value.amount, value.currency);
    case 'date':
      return day(value.date);
    case 'rate':
      return decimal(value.rate);
  }
}

export function reportTables(report: MonthlyReport): Table[] {
  return reportTablesOf(layReport(report, reportFileDates)).map((t) => ({
    name: t.sheet,
    title: t.title,
    notes: t.notes.map((n) => n.text),
    columns: t.columns.map((c) => ({ header: c.label, kind: CELL_KIND[c.kind] })),
    rows: t.rows.map((row) => row.map(cellOf)),
  }));
}

/** The moment the report's files are dated: the closing, else when the figures were made. */
export function reportTime(report: MonthlyReport): Date {
  return new Date(report.closing?.closedAt ?? report.generatedAt);
}

/** `order-report-2026-11`, or `order-report-2026-01-01_2026-12-31` for a range. */
export function reportFileStem(period: ReportPeriod): string {
  return `order-report-${period.month ?? `${period.from}_${period.to}`}`;
}
