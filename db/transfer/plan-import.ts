/**
 * Reads an import file and judges every row, without the database: what the rows are matched
 * against (the customer directory or the catalogue, and today's date) comes in as a snapshot.
 * This is the slow, memory-hungry part of an import (unzipping, parsing, validating 50,000
 * rows), so it runs in a worker thread (import-worker.ts) and the app keeps answering meanwhile.
 */
import { DomainError } from '../../shared/api/errors';
import type { ImportKind, ImportProblem, ImportReport } from '../../shared/contract/transfer';
import type { Customer, Publication } from '../../shared/contract/types';
import { importFields, suggestMapping } from './fields';
import { cellsOf, type PlannedRow, type RowWrite } from './plan-common';
import { CustomerIndex, planCustomerRow } from './plan-customers';
import { planPriceRow, PublicationIndex } from './plan-prices';
import { planPublicationRow } from './plan-publications';
import { decodeBase64File, readTable, type Table } from './read-table';

const SAMPLE_ROWS = 20;
const MAX_LISTED_PROBLEMS = 500;

/** What the rows are matched against, read from the database by the main thread. */
export interface ImportSnapshot {
  /** The directory's active customers (customer imports). */
  customers?: Customer[];
  /** Every publication, retired ones too (publication and price imports). */
  publications?: Publication[];
  /** YYYY-MM-DD: the day a price without "Valid from" takes effect. */
  today: string;
}

export interface ImportJob {
  kind: ImportKind;
  fileName: string;
  contentBase64: string;
  mapping?: Record<string, string> | undefined;
  snapshot: ImportSnapshot;
  /** A preview needs the report only; a commit also needs each row's write. */
  purpose: 'preview' | 'commit';
}

export interface ImportPlan {
  report: ImportReport;
  /** Commit only, and only when no row has a problem or the others may go in without those: every good row's write, in file order. */
  writes: { row: number; write: RowWrite }[];
}

/** The clerk's mapping, checked against the file; fields not in it get the suggestion. */
function resolveMapping(kind: ImportKind, table: Table, given: Record<string, string> | undefined): Record<string, string> {
  const suggested = suggestMapping(kind, table.headers);
  if (!given) return suggested;
  const mapping: Record<string, string> = {};
  for (const field of importFields(kind)) {
    const header = given[field.key];
    if (header === undefined) mapping[field.key] = suggested[field.key] ?? '';
    else if (header === '' || table.headers.includes(header)) mapping[field.key] = header;
    else throw new DomainError('invalid_input', `${field.label}: the file has no column "${header}". Choose one of its columns.`, `mapping.${field.key}`);
  }
  return mapping;
}

/** Problems with the mapping itself, reported once rather than on every row. */
function mappingProblems(kind: ImportKind, mapping: Record<string, string>): string[] {
  const mapped = (key: string) => (mapping[key] ?? '') !== '';
  const problems = importFields(kind)
    .filter((f) => f.required && !mapped(f.key))
    .map((f) => `No column is chosen for ${f.label}; choose the column that holds it.`);
  if (kind === 'prices') {
    if (!mapped('isbn') && !mapped('title')) problems.push('No column is chosen for ISBN or Title; the price must say which publication it is for.');
    const wide = ['priceCHF', 'priceEUR', 'priceUSD'].some(mapped);
    if (!wide && !(mapped('currency') && mapped('unitPrice'))) problems.push('No price column is chosen: choose Currency and Unit price, or the Price CHF/EUR/USD columns.');
  }
  return problems;
}

function planRows(job: ImportJob, table: Table, mapping: Record<string, string>): PlannedRow[] {
  const rows: PlannedRow[] = [];
  if (job.kind === 'customers') {
    const index = new CustomerIndex(job.snapshot.customers ?? []);
    const seen = { ids: new Map(), emails: new Map() };
    for (const r of table.rows) rows.push(planCustomerRow(index, r.row, cellsOf(table.headers, mapping, r.cells), seen));
    return rows;
  }
  const index = new PublicationIndex(job.snapshot.publications ?? []);
  const seenPublications = { ids: new Map(), isbns: new Map() };
  const seenPrices = new Map<string, number>();
  for (const r of table.rows) {
    const cells = cellsOf(table.headers, mapping, r.cells);
    rows.push(job.kind === 'prices' ? planPriceRow(index, r.row, cells, seenPrices, job.snapshot.today) : planPublicationRow(index, r.row, cells, seenPublications));
  }
  return rows;
}

export async function planImport(job: ImportJob): Promise<ImportPlan> {
  const table = await readTable(job.fileName, decodeBase64File(job.contentBase64));
  const mapping = resolveMapping(job.kind, table, job.mapping);
  const general = mappingProblems(job.kind, mapping);
  const rows = general.length === 0 ? planRows(job, table, mapping) : [];

  const problems: ImportProblem[] = general.map((message) => ({ row: 1, message }));
  for (const r of rows) for (const message of r.problems) problems.push({ row: r.row, message });
  if (table.rows.length === 0) problems.push({ row: 2, message: 'The file has column names but no rows to import.' });
  const mappedHeaders = new Set(Object.values(mapping).filter(Boolean));
  const valid = rows.filter((r) => r.problems.length === 0);
  const rowsWithProblems = rows.filter((r) => r.problems.length > 0).map((r) => r.row);
  const report: ImportReport = {
    kind: job.kind,
    fileName: job.fileName,
    format: table.format,
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    headers: table.headers,
    fields: importFields(job.kind),
    mapping,
    totalRows: table.rows.length,
    validRows: valid.length,
    toCreate: valid.filter((r) => r.action === 'create').length,
    toUpdate: valid.filter((r) => r.action === 'update').length,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
    sample: rows.slice(0, SAMPLE_ROWS).map(({ write: _write, ...shownRow }) => shownRow),
    ignoredColumns: table.headers.filter((h) => !mappedHeaders.has(h)),
    rowsWithProblems: rowsWithProblems.slice(0, MAX_LISTED_PROBLEMS),
    rowsWithProblemsCount: rowsWithProblems.length,
    canSkipRowsWithProblems: general.length === 0 && rowsWithProblems.length > 0 && valid.length > 0,
  };
  // A row with a problem has no write; when the others may be imported without it, a commit gets theirs.
  const writable = problems.length === 0 || report.canSkipRowsWithProblems;
  const writes = job.purpose === 'commit' && writable ? rows.flatMap((r) => (r.write ? [{ row: r.row, write: r.write }] : [])) : [];
  return { report, writes };
}
