/**
 * Import and export of the catalogue, prices and the customer directory. Files travel
 * base64-encoded inside the JSON call, so the same contract works over IPC and HTTP.
 */
import { z } from 'zod';
import { method } from './define';
import { cleanedString, enumOf, requiredText } from './fields';

export const IMPORT_KINDS = ['publications', 'prices', 'customers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  publications: 'Publications (catalogue)',
  prices: 'Prices',
  customers: 'Customers',
};

export const EXPORT_KINDS = ['catalogue', 'customers'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Largest file a clerk may import; larger files are refused with a message, never half-read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const importFile = {
  kind: enumOf('What to import', IMPORT_KINDS),
  fileName: requiredText('File name', 260),
  contentBase64: z
    .string({ error: 'File content is missing; choose the file again.' })
    .min(1, { error: 'The file is empty.' })
    .max(MAX_BASE64_CHARS, { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one after the other.` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'File content could not be read; choose the file again.' }),
  /** Target field → header of the file's column; "" leaves the field out. Omitted: the suggested mapping. */
  mapping: z.record(cleanedString('Column mapping must name a column for each field.', 60), cleanedString('Column mapping must name a column for each field.', 300), { error: 'Column mapping must name a column for each field.' }).optional(),
};

export const ImportPreviewInput = z.object(importFile);
export const ImportCommitInput = z.object({
  ...importFile,
  /**
   * True: import the rows without a problem and leave out those with one (the clerk chose
   * to, having seen which). Otherwise a single problem means nothing is written.
   */
  skipRowsWithProblems: z.boolean({ error: 'Skip rows with problems must be true or false.' }).optional(),
});

/** A field of Order Desk that a column of the file can fill. */
export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  hint?: string;
}

export interface ImportProblem {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field?: string;
  message: string;
}

export interface ImportPreviewRow {
  row: number;
  /** "create" a new record, or "update" the existing one it matched. */
  action: 'create' | 'update';
  /** Label of the matched record for updates, e.g. the title or customer name. */
  matches?: string;
  /** Values as they would be stored, by field key, formatted for reading. */
  values: Record<string, string>;
  problems: string[];
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** CSV only: the separator found (",", ";" or tab). */
  delimiter?: string;
  headers: string[];
  fields: ImportField[];
  mapping: Record<string, string>;
  totalRows: number;
  validRows: number;
  toCreate: number;
  toUpdate: number;
  /** Every problem, in row order, capped at 500 (problemCount has the full count). */
  problems: ImportProblem[];
  problemCount: number;
  /** The first rows as they would be stored. */
  sample: ImportPreviewRow[];
  /** Columns of the file that are not imported. */
  ignoredColumns: string[];
  /** Row numbers (as the spreadsheet shows them) of the rows with a problem, in order, capped at 500. */
  rowsWithProblems: number[];
  /** How many rows have a problem (rowsWithProblems may list fewer). */
  rowsWithProblemsCount: number;
  /**
   * Whether the other rows can be imported without those (skipRowsWithProblems): only when every
   * problem belongs to a row, not to the file or its column mapping, and some row is fine.
   */
  canSkipRowsWithProblems: boolean;
}

export interface ImportCommitResult {
  /** False when any row has a problem: then nothing at all was written. */
  written: boolean;
  created: number;
  updated: number;
  /** Rows with a problem left out, when the clerk chose to skip them. */
  skipped: number;
  report: ImportReport;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
}

export const transferMethods = {
  'transfer.preview': method<ImportReport>()(ImportPreviewInput),
  'transfer.commit': method<ImportCommitResult>()(ImportCommitInput),
  'transfer.export': method<ExportFile>()(
    z.object({
      kind: enumOf('What to export', EXPORT_KINDS),
      format: enumOf('Format', EXPORT_FORMATS),
      /** CSV only: Excel set to Swiss/European regional settings expects semicolons. */
      delimiter: enumOf('CSV separator', ['comma', 'semicolon'] as const).optional(),
    }),
  ),
};
