/**
 * transfer.preview and transfer.commit. Both read the file and judge every row the same
 * way (with the API's own schemas); commit writes only when no row has a problem (or, when
 * the clerk chose to skip the rows with problems, every other row), in one transaction, so
 * an import is all (of what was chosen) or nothing.
 */
import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { ImportCommitInput, ImportCommitResult, ImportKind, ImportProblem, ImportReport } from '../../shared/contract/transfer';
import type { Customer } from '../../shared/contract/types';
import type { ServiceContext } from '../context';
import { audit } from '../services/audit';
import { listPublications } from '../services/catalogue';
import { toCustomer, type CustomerRow } from '../services/customers';
import { importFields, suggestMapping } from './fields';
import { cellsOf, type PlannedRow } from './plan-common';
import { CustomerIndex, planCustomerRow } from './plan-customers';
import { planPriceRow, PublicationIndex } from './plan-prices';
import { planPublicationRow } from './plan-publications';
import { decodeBase64File, readTable, type Table } from './read-table';

type ImportInput = z.output<typeof ImportCommitInput>;

const SAMPLE_ROWS = 20;
const MAX_LISTED_PROBLEMS = 500;

interface Plan {
  report: ImportReport;
  rows: PlannedRow[];
}

function activeCustomers(ctx: ServiceContext): Customer[] {
  return (ctx.db.prepare('SELECT * FROM customers WHERE merged_into IS NULL ORDER BY id').all() as CustomerRow[]).map(toCustomer);
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

async function plan(ctx: ServiceContext, input: ImportInput): Promise<Plan> {
  const table = await readTable(input.fileName, decodeBase64File(input.contentBase64));
  const mapping = resolveMapping(input.kind, table, input.mapping);
  const general = mappingProblems(input.kind, mapping);

  const rows: PlannedRow[] = [];
  if (general.length === 0) {
    if (input.kind === 'customers') {
      const index = new CustomerIndex(activeCustomers(ctx));
      const seen = { ids: new Map(), emails: new Map() };
      for (const r of table.rows) rows.push(planCustomerRow(index, r.row, cellsOf(table.headers, mapping, r.cells), seen));
    } else {
      const index = new PublicationIndex(listPublications(ctx, { includeRetired: true }).publications);
      const seenPublications = { ids: new Map(), isbns: new Map() };
      const seenPrices = new Map<string, number>();
      for (const r of table.rows) {
        const cells = cellsOf(table.headers, mapping, r.cells);
        rows.push(input.kind === 'prices' ? planPriceRow(ctx, index, r.row, cells, seenPrices) : planPublicationRow(ctx, index, r.row, cells, seenPublications));
      }
    }
  }

  const problems: ImportProblem[] = general.map((message) => ({ row: 1, message }));
  for (const r of rows) for (const message of r.problems) problems.push({ row: r.row, message });
  if (table.rows.length === 0) problems.push({ row: 2, message: 'The file has column names but no rows to import.' });
  const mappedHeaders = new Set(Object.values(mapping).filter(Boolean));
  const valid = rows.filter((r) => r.problems.length === 0);
  const rowsWithProblems = rows.filter((r) => r.problems.length > 0).map((r) => r.row);
  const report: ImportReport = {
    kind: input.kind,
    fileName: input.fileName,
    format: table.format,
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    headers: table.headers,
    fields: importFields(input.kind),
    mapping,
    totalRows: table.rows.length,
    validRows: valid.length,
    toCreate: valid.filter((r) => r.action === 'create').length,
    toUpdate: valid.filter((r) => r.action === 'update').length,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
    sample: rows.slice(0, SAMPLE_ROWS).map(({ apply: _apply, ...shownRow }) => shownRow),
    ignoredColumns: table.headers.filter((h) => !mappedHeaders.has(h)),
    rowsWithProblems: rowsWithProblems.slice(0, MAX_LISTED_PROBLEMS),
    rowsWithProblemsCount: rowsWithProblems.length,
    canSkipRowsWithProblems: general.length === 0 && rowsWithProblems.length > 0 && valid.length > 0,
  };
  return { report, rows };
}

export async function previewImport(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  return (await plan(ctx, input)).report;
}

/**
 * Writes every row in one transaction, or nothing at all when any row has a problem — unless
 * the clerk chose to skip the rows with problems, when every other row is written.
 */
export async function commitImport(ctx: ServiceContext, input: ImportInput): Promise<ImportCommitResult> {
  const { report, rows } = await plan(ctx, input);
  const skipping = input.skipRowsWithProblems === true && report.canSkipRowsWithProblems;
  if (report.problemCount > 0 && !skipping) return { written: false, created: 0, updated: 0, skipped: 0, report };
  const skipped = skipping ? report.rowsWithProblemsCount : 0;
  const written = rows.filter((r) => r.problems.length === 0);
  let current: PlannedRow | undefined;
  try {
    ctx.db.transaction(() => {
      for (const row of written) {
        current = row;
        row.apply?.(ctx);
      }
      audit(ctx, 'import', null, input.kind, null, { fileName: input.fileName, created: report.toCreate, updated: report.toUpdate, rows: written.length, skipped });
    }).immediate();
  } catch (error) {
    if (!(error instanceof DomainError) || !current) throw error;
    // Something the preview could not foresee (e.g. a clash between two new rows): nothing was written.
    const problem = { row: current.row, message: error.message };
    return { written: false, created: 0, updated: 0, skipped: 0, report: { ...report, problems: [problem], problemCount: 1, validRows: report.validRows - 1, canSkipRowsWithProblems: false } };
  }
  return { written: true, created: report.toCreate, updated: report.toUpdate, skipped, report };
}
