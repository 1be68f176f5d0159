/**
 * Turns an uploaded file into a header row and data rows of text, whatever Excel or
 * another program wrote: CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1252,
 * separated by commas, semicolons (Swiss Excel) or tabs; or the first sheet of an XLSX.
 */
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '../../shared/api/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../shared/contract/transfer';
import { unprotectCell } from '../files/cell-safety';
import { zipBoundsProblem, type ZipBounds } from '../files/zip-bounds';
import { cleanText } from '../../shared/domain/clean-text';

export interface Table {
  format: 'csv' | 'xlsx';
  delimiter?: string;
  headers: string[];
  /** Data rows with their row number as the spreadsheet shows it; blank rows are left out. */
  rows: { row: number; cells: string[] }[];
}

export function decodeBase64File(contentBase64: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new DomainError('too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one after the other.`, 'contentBase64');
  }
  if (bytes.length === 0) throw new DomainError('invalid_input', 'The file is empty.', 'contentBase64');
  return bytes;
}

function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * What a workbook the import accepts can unpack to. Its largest part is the sheet: 50,000 rows
 * (MAX_IMPORT_ROWS) of 20 columns at about 60 bytes of XML per cell (`<c r="T49999" s="3" t="s">
 * <v>123456</v></c>`) is about 60 MB, and its text goes into the shared strings, a part of the
 * same order. Sheet XML packs about 10:1, so the 10 MB upload limit also points at about 100 MB
 * per part. A workbook has some ten parts plus one per sheet, picture or chart. Anything beyond
 * these is not a clerk's list of customers or prices but a zip bomb.
 */
export const WORKBOOK_BOUNDS: ZipBounds = { maxEntries: 1000, maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

/** Refuses, before reading it, a workbook that would unpack to more than a workbook the import accepts can need. */
function checkWorkbookBounds(fileName: string, bytes: Buffer): void {
  const problem = zipBoundsProblem(bytes, WORKBOOK_BOUNDS);
  if (problem === null || problem.kind === 'not_a_zip') return; // exceljs says it is not a valid workbook
  const tail = 'Save the sheet to import as CSV, or split it into smaller files, and import them one after the other.';
  switch (problem.kind) {
    case 'too_many_entries':
      throw new DomainError('too_large', `“${fileName}” holds ${problem.entries.toLocaleString('en-US')} parts; an Excel workbook has far fewer (at most ${WORKBOOK_BOUNDS.maxEntries.toLocaleString('en-US')}). ${tail}`, 'contentBase64');
    case 'entry_too_large':
      throw new DomainError('too_large', `“${fileName}” would unpack to ${megabytes(problem.bytes)} for one part (${problem.name}), more than the ${megabytes(WORKBOOK_BOUNDS.maxEntryBytes)} a sheet of ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows needs. ${tail}`, 'contentBase64');
    case 'total_too_large':
      throw new DomainError('too_large', `“${fileName}” would unpack to ${megabytes(problem.bytes)}, more than the ${megabytes(WORKBOOK_BOUNDS.maxTotalBytes)} a workbook of ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows needs. ${tail}`, 'contentBase64');
    case 'size_mismatch':
      throw new DomainError('invalid_input', `“${fileName}” is not a valid Excel workbook: its part ${problem.name} unpacks to more than the file says. Save it again as .xlsx or CSV.`, 'contentBase64');
  }
}

export async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  if (isZip(bytes)) {
    checkWorkbookBounds(fileName, bytes);
    return readXlsx(bytes);
  }
  if (/\.xlsx?$/i.test(fileName)) {
    throw new DomainError('invalid_input', /\.xls$/i.test(fileName)
      ? 'Old Excel files (.xls) cannot be read. In Excel, use "Save as" and choose "Excel Workbook (.xlsx)" or "CSV".'
      : 'This file is not a valid Excel workbook. Save it again as .xlsx or CSV.', 'contentBase64');
  }
  return readCsv(bytes);
}

/** UTF-8 is what modern tools write; Excel on Windows writes "CSV" in Windows-1252 unless told otherwise. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function tooManyRows(): DomainError {
  return new DomainError('too_large', `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows. Split it into smaller files and import them one after the other.`, 'contentBase64');
}

function toTable(format: Table['format'], raw: { row: number; cells: string[] }[], delimiter?: string): Table {
  const nonBlank = raw.filter((r) => r.cells.some((c) => cleanText(c) !== ''));
  const [header, ...rows] = nonBlank;
  if (!header) throw new DomainError('invalid_input', 'The file has no rows. The first row must name the columns, e.g. Title, ISBN, Price CHF.', 'contentBase64');
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  const headers = uniqueHeaders(header.cells);
  return { format, ...(delimiter ? { delimiter } : {}), headers, rows: rows.map((r) => ({ row: r.row, cells: r.cells.map(unprotectCell) })) };
}

/** Headers are cleaned like any text (a BOM or zero-width space would hide a match); blank ones become "Column 3", repeated ones "Title (2)", so every column can be chosen by name. */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const name = cleanText(cell);
    const base = name === '' ? `Column ${i + 1}` : name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function readCsv(bytes: Buffer): Table {
  let text = decodeText(bytes);
  // Excel honours (and hides) a first line "sep=;" naming the separator; so do we.
  const directive = /^sep=(.)\r?\n/i.exec(text);
  if (directive) text = text.slice(directive[0].length);
  const parsed = Papa.parse<string[]>(text, { ...(directive ? { delimiter: directive[1] } : { delimitersToGuess: [',', ';', '\t', '|'] }), skipEmptyLines: false });
  // The last line of a file usually ends with a newline: Papa reports that as one empty row.
  const data = parsed.data;
  if (data.length > MAX_IMPORT_ROWS + 50) throw tooManyRows();
  return toTable('csv', data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c ?? '') })), parsed.meta.delimiter);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  // Loaded only for workbooks: most imports are CSV, and exceljs takes a while to load.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError('invalid_input', 'This file is not a valid Excel workbook. Save it again as .xlsx or CSV.', 'contentBase64');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new DomainError('invalid_input', 'The workbook has no rows. The first row must name the columns.', 'contentBase64');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const width = sheet.columnCount;
  const raw: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    raw.push({ row: rowNumber, cells });
  });
  return toTable('xlsx', raw);
}

/** A cell's value as the text a clerk sees; numbers keep their exact digits, dates become YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}
