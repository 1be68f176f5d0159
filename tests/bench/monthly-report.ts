/**
 * Monthly-report figures for npm run bench: reports.monthly for the busiest month of a
 * generated database of 1,000,000 order lines (median), beside the same sums done directly in
 * SQLite (bare GROUP BY statements, no assembly, no money strings) and the ratio of the two
 * (target: within 1.5×); a year's report ({ from, to } over 12 months); and a year exported to
 * Excel when the report writers are in this build, and to PDF.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInvoke, type Invoke } from '../../db/api/invoke';
import { openDatabase, type Db } from '../../db/connection';
import { createContext } from '../../db/context';
import { createDocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import { reportBenchDatabase } from './report-data';

export const REPORT_RATIO_TARGET = 1.5;

interface Figure {
  what: string;
  median: number;
  p95: number;
  /** Median CPU time of the process: on a shared machine the wall clock also counts other processes' turns. */
  cpu: number;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Runs {
  median: number;
  p95: number;
  cpu: number;
  times: number[];
  cpus: number[];
}

async function timeRuns(runs: number, fn: () => unknown): Promise<Runs> {
  await fn();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  return { median: percentile(sorted(times), 50), p95: percentile(sorted(times), 95), cpu: percentile(sorted(cpus), 50), times, cpus };
}

const medianOf = (...lists: number[][]) => percentile(lists.flat().sort((a, b) => a - b), 50);

/**
 * The report's sums as plain statements: counts and minor-unit sums per channel, method,
 * currency and day; cancellations; lines per title; documents; movements; aging buckets at the
 * period's end; amounts per customer and per country. Nothing ranked, joined for names or formatted.
 */
function bareAggregation(db: Db): (from: string, to: string) => number {
  const notCancelled = "NOT (status = 'cancelled' AND cancelled_on <= @to)";
  const statements = [
    'SELECT received_via, count(*) FROM orders WHERE received_on BETWEEN @from AND @to GROUP BY received_via',
    'SELECT payment_method, count(*) FROM orders WHERE received_on BETWEEN @from AND @to GROUP BY payment_method',
    `SELECT currency, count(*), sum(CASE WHEN ${notCancelled} THEN total_minor ELSE 0 END) FROM orders WHERE received_on BETWEEN @from AND @to GROUP BY currency`,
    'SELECT received_on, count(*) FROM orders WHERE received_on BETWEEN @from AND @to GROUP BY received_on',
    "SELECT id, number, customer_name, received_on, cancelled_on, currency, total_minor, cancel_reason FROM orders WHERE status = 'cancelled' AND cancelled_on BETWEEN @from AND @to",
    `SELECT o.currency, l.publication_id, CASE WHEN l.publication_id IS NULL THEN l.title END AS t, sum(l.quantity), sum(l.line_total_minor)
       FROM orders o JOIN order_lines l ON l.order_id = o.id
       WHERE o.received_on BETWEEN @from AND @to AND NOT (o.status = 'cancelled' AND o.cancelled_on <= @to) GROUP BY 1, 2, 3`,
    'SELECT currency, kind, count(*), sum(total_minor) FROM invoices WHERE issued_on BETWEEN @from AND @to GROUP BY currency, kind',
    `SELECT kind, currency, method, reverses_id IS NULL, count(*), sum(amount_minor), sum(fees_deducted_minor)
       FROM payments WHERE on_date BETWEEN @from AND @to AND kind IN ('payment', 'refund', 'write_off') GROUP BY 1, 2, 3, 4`,
    `WITH settled AS (SELECT order_id, sum(settles_minor) AS minor FROM payments WHERE on_date <= @to GROUP BY order_id),
          invoiced AS (SELECT order_id, min(CASE WHEN kind = 'invoice' THEN issued_on END) AS first_on,
                              sum(CASE WHEN kind = 'invoice' THEN total_minor ELSE -total_minor END) AS minor
                       FROM invoices WHERE issued_on <= @to GROUP BY order_id),
          owed AS (SELECT o.currency, (CASE WHEN i.first_on IS NULL THEN o.total_minor ELSE i.minor END) - coalesce(s.minor, 0) AS minor,
                          CAST(julianday(@to) - julianday(coalesce(i.first_on, o.received_on)) AS INTEGER) AS days
                   FROM orders o LEFT JOIN settled s ON s.order_id = o.id LEFT JOIN invoiced i ON i.order_id = o.id
                   WHERE o.received_on <= @to AND (o.status <> 'cancelled' OR o.cancelled_on > @to))
     SELECT currency, sum(CASE WHEN days <= 30 THEN minor ELSE 0 END), sum(CASE WHEN days > 30 AND days <= 60 THEN minor ELSE 0 END),
            sum(CASE WHEN days > 60 AND days <= 90 THEN minor ELSE 0 END), sum(CASE WHEN days > 90 THEN minor ELSE 0 END), sum(minor), count(*)
     FROM owed WHERE minor > 0 GROUP BY currency`,
    `SELECT currency, customer_id, count(*), sum(total_minor) FROM orders WHERE received_on BETWEEN @from AND @to AND ${notCancelled} GROUP BY currency, customer_id`,
    `SELECT currency, customer_country, count(*), sum(total_minor) FROM orders WHERE received_on BETWEEN @from AND @to AND ${notCancelled} GROUP BY currency, customer_country`,
  ].map((sql) => db.prepare(sql));
  return (from, to) => statements.reduce((rows, s) => rows + s.all({ from, to }).length, 0);
}

async function value<T>(invoke: Invoke, method: string, input: unknown): Promise<T> {
  const result = await invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

export async function benchMonthlyReports(options: { lines: number; runs?: number }): Promise<{ rows: Figure[]; ratio: number; cpuRatio: number }> {
  const source = reportBenchDatabase(options.lines);
  // Read-only work: the cached file itself is opened (no copy of a large file per run).
  const db = openDatabase(source.file);
  // The document worker makes the report's workbook and PDF, as in the app.
  const documents = createDocumentRenderer(sourceRenderWorker());
  const ctx = createContext(db, 'bench', undefined, documents);
  const invoke = createInvoke(ctx);
  const runs = options.runs ?? 15;
  const busiest = db
    .prepare("SELECT substr(o.received_on, 1, 7) AS month, count(*) AS lines FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY month ORDER BY lines DESC LIMIT 1")
    .get() as { month: string; lines: number };
  const busyYear = (db.prepare("SELECT substr(received_on, 1, 4) AS year FROM orders GROUP BY year ORDER BY count(*) DESC LIMIT 1").get() as { year: string }).year;
  const from = `${busiest.month}-01`;
  const to = new Date(Date.UTC(Number(busiest.month.slice(0, 4)), Number(busiest.month.slice(5, 7)), 0)).toISOString().slice(0, 10);

  const bare = bareAggregation(db);
  const rows: Figure[] = [];
  let monthOrders = 0;
  const report = await timeRuns(runs, async () => {
    monthOrders = (await value<{ orders: { count: number } }>(invoke, 'reports.monthly', { month: busiest.month })).orders.count;
  });
  let bareRows = 0;
  const direct = await timeRuns(runs, () => (bareRows = bare(from, to)));
  // Interleaved once more, so a burst of load from other processes does not favour one side.
  const report2 = await timeRuns(runs, () => value(invoke, 'reports.monthly', { month: busiest.month }));
  const direct2 = await timeRuns(runs, () => bare(from, to));
  const reportMedian = medianOf(report.times, report2.times);
  const directMedian = medianOf(direct.times, direct2.times);
  const reportCpu = medianOf(report.cpus, report2.cpus);
  const directCpu = medianOf(direct.cpus, direct2.cpus);
  const ratio = reportMedian / directMedian;
  const cpuRatio = reportCpu / directCpu;
  rows.push({ what: `reports.monthly ${busiest.month} (busiest month)`, median: reportMedian, p95: Math.max(report.p95, report2.p95), cpu: reportCpu, note: `${monthOrders.toLocaleString('en')} orders, ${busiest.lines.toLocaleString('en')} lines` });
  rows.push({ what: `Same sums as bare SQL ${busiest.month}`, median: directMedian, p95: Math.max(direct.p95, direct2.p95), cpu: directCpu, note: `${bareRows} result rows` });

  const yearInput = { from: `${busyYear}-01-01`, to: `${busyYear}-12-31` };
  const year = await timeRuns(Math.max(3, Math.floor(runs / 3)), () => value(invoke, 'reports.monthly', yearInput));
  const bareYear = await timeRuns(Math.max(3, Math.floor(runs / 3)), () => bare(yearInput.from, yearInput.to));
  rows.push({ what: `reports.monthly { from, to } year ${busyYear}`, median: year.median, p95: year.p95, cpu: year.cpu, note: `bare SQL ${bareYear.median.toFixed(0)} ms wall, ${bareYear.cpu.toFixed(0)} ms CPU (${(year.cpu / bareYear.cpu).toFixed(2)}× in CPU)` });

  const excel = await invoke('reports.export', { ...yearInput, format: 'xlsx' });
  if (excel.ok) {
    const xlsx = await timeRuns(3, () => value(invoke, 'reports.export', { ...yearInput, format: 'xlsx' }));
    rows.push({ what: `reports.export xlsx, year ${busyYear}`, median: xlsx.median, p95: xlsx.p95, cpu: xlsx.cpu, note: 'the report computed, then the workbook made in the worker (CPU of every thread)' });
  } else {
    rows.push({ what: `reports.export xlsx, year ${busyYear}`, median: NaN, p95: NaN, cpu: NaN, note: `not in this build: ${excel.error.message}` });
  }
  const pdf = await timeRuns(2, () => value(invoke, 'reports.export', { ...yearInput, format: 'pdf' }));
  rows.push({ what: `reports.export pdf, year ${busyYear}`, median: pdf.median, p95: pdf.p95, cpu: pdf.cpu, note: 'the report computed, then the PDF laid out in the worker (CPU of every thread)' });
  await documents.close();
  db.close();
  return { rows, ratio, cpuRatio };
}

export function printReportFigures(result: { rows: Figure[]; ratio: number; cpuRatio: number }, lines: number): boolean {
  const met = result.ratio <= REPORT_RATIO_TARGET;
  console.log(`\nOrder Desk benchmark, monthly reports over ${lines.toLocaleString('en')} order lines, ${os.cpus()[0]?.model ?? ''} (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  console.log(`${'What'.padEnd(48)}  ${'median'.padStart(11)}  ${'p95'.padStart(11)}  ${'CPU median'.padStart(11)}  result`);
  for (const r of result.rows) console.log(`${r.what.padEnd(48)}  ${`${r.median.toFixed(1)} ms`.padStart(11)}  ${`${r.p95.toFixed(1)} ms`.padStart(11)}  ${`${r.cpu.toFixed(1)} ms`.padStart(11)}  ${r.note}`);
  console.log(`Report / bare SQL: ${result.ratio.toFixed(2)}× wall-clock, ${result.cpuRatio.toFixed(2)}× CPU (target: within ${REPORT_RATIO_TARGET}×, ${met ? 'met' : 'MISSED'})`);
  return met;
}
