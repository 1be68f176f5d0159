/**
 * One table model for every file Order Desk writes (the Data screen's exports and the report's
 * CSV and workbook). A cell says what it is, so the writers never guess a number from text:
 * a text that looks like "-12.50" stays text (and is guarded like any text), while an amount
 * is always a number, written plain in CSV and as a numeric cell in Excel.
 */
import type { CurrencyCode } from '../../shared/money/currencies';

/** A decimal string in its currency (or with no currency, e.g. a price column named after one). */
export interface AmountCell {
  amount: string;
  currency: CurrencyCode | null;
}

/** A calendar day, "YYYY-MM-DD". */
export interface DateCell {
  date: string;
}

/** A number that is not money (a count, an ID, a year) or a decimal such as a rate. */
export interface DecimalCell {
  decimal: string;
}

/** Text (guarded against formula injection by every writer), a whole number, an amount, a date, a decimal, or nothing. */
export type Cell = string | number | AmountCell | DateCell | DecimalCell | null;

export const money = (amount: string, currency: CurrencyCode | null = null): AmountCell => ({ amount, currency });
export const day = (date: string): DateCell => ({ date });
export const decimal = (value: string): DecimalCell => ({ decimal: value });

export function isAmount(cell: Cell): cell is AmountCell {
  return typeof cell === 'object' && cell !== null && 'amount' in cell;
}
export function isDate(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'date' in cell;
}
export function isDecimal(cell: Cell): cell is DecimalCell {
  return typeof cell === 'object' && cell !== null && 'decimal' in cell;
}

export interface Column {
  header: string;
  /** Text columns are formatted as Text in Excel, so ISBNs, phone numbers and zip codes such as 01234 stay as written. */
  kind: 'text' | 'integer' | 'amount' | 'date' | 'decimal';
  /** Width in characters; when left out the workbook sizes the column from its content. */
  width?: number;
}

export interface Table {
  /** The sheet's name in a workbook (at most 31 characters, no []:*?/\). */
  name: string;
  /** A title row above the header (the report's sections); none for the Data screen's exports. */
  title?: string;
  /** Further lines under the title, such as the period. */
  notes?: string[];
  columns: Column[];
  rows: Cell[][];
}

/** The text a CSV (or a width estimate) shows for a cell: exact decimals, ISO dates. */
export function plainText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (isAmount(cell)) return cell.amount;
  if (isDate(cell)) return cell.date;
  return cell.decimal;
}
