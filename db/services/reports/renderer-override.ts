/**
 * Which function makes a report's files. The app uses renderReportFile (export-file.ts); a test can
 * put a fake in its place for one context, so closing can be tested apart from the writers.
 */
import type { ServiceContext } from '../../context';
import { renderReportFile } from './export-file';

export type ReportFileRenderer = typeof renderReportFile;

const overrides = new WeakMap<ServiceContext, ReportFileRenderer>();

export function useReportFileRenderer(ctx: ServiceContext, renderer: ReportFileRenderer): void {
  overrides.set(ctx, renderer);
}

export function reportFileRenderer(ctx: ServiceContext): ReportFileRenderer {
  return overrides.get(ctx) ?? renderReportFile;
}
