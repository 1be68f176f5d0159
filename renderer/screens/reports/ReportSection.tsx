import type { ReactNode } from 'react';
import type { LaidSection, LaidTable } from '../../../shared/reports/report-cells';
import { ReportTable } from './ReportTable';

/** Consecutive narrow (or wide) tables share a grid row where the window has room; any other table takes the width. */
function groups(tables: readonly LaidTable[]): LaidTable[][] {
  const runs: LaidTable[][] = [];
  for (const t of tables) {
    const last = runs.at(-1);
    if ((t.placement === 'narrow' || t.placement === 'wide') && last?.[0]?.placement === t.placement) last.push(t);
    else runs.push([t]);
  }
  return runs;
}

interface ReportSectionProps {
  section: LaidSection;
  /** Charts above the tables; they show the figures of the section's `chart` tables, which they keep for screen readers. */
  before?: ReactNode;
  after?: ReactNode;
}

/** One section of the report's layout: its title, its intro, its tables, and the charts drawn from them. */
export function ReportSection({ section, before, after }: ReportSectionProps) {
  const headingId = `report-${section.id}-title`;
  return (
    <section className={`report-section report-${section.id}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      {section.intro ? <p className="report-lead">{section.intro}</p> : null}
      {before}
      {groups(section.tables.filter((t) => t.placement !== 'chart')).map((run) =>
        run.length === 1 && run[0]!.placement === 'full' ? (
          <ReportTable key={run[0]!.id} table={run[0]!} />
        ) : (
          <div key={run[0]!.id} className={run[0]!.placement === 'wide' ? 'report-tables report-tables--wide' : 'report-tables'}>
            {run.map((t) => (
              <ReportTable key={t.id} table={t} />
            ))}
          </div>
        ),
      )}
      {after}
    </section>
  );
}
